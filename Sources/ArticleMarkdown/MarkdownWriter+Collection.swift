import ArticleCore
import Foundation

// A joined Markdown document: several articles in one file, each with its own metadata. The
// form is documented on markdown(_:) below.
extension MarkdownWriter: ArticleCollectionWriter {
    /// The info string of the fenced code block that starts an article in a joined document.
    public static let articleInfoString = "yaml article"
    /// The front-matter key that marks a joined document and counts its articles.
    public static let articleCountKey = "articles"

    /// The collection as one joined Markdown document (UTF-8), as ``markdown(_:)-(ArticleCollection)``
    /// describes.
    public func write(_ collection: ArticleCollection, context: inout ConversionContext) throws(ArticleError) -> Data {
        var collection = collection
        collection.articles = Article.limitingDepth(collection.articles)  // no nesting the writer's recursion cannot take
        for (i, a) in collection.articles.enumerated() where a.blocks.contains(where: { MarkdownReader.metadataBlock($0) != nil }) {
            context.warn("article \(i + 1) holds a code block marked `\(Self.articleInfoString)`; read back, the joined file starts a new article there")
        }
        var out = Data()
        write(collection) { out.append(contentsOf: $0.utf8) }
        return out
    }

    /// The collection as one joined Markdown document, ending with a newline: several articles in
    /// one file, each with its own metadata.
    ///
    /// ````markdown
    /// ---
    /// title: Week 36
    /// articles: 2
    /// ---
    ///
    /// # Rice harvest begins
    ///
    /// ```yaml article
    /// author: Nguyen Van A
    /// date: 2011-09-05T08:30:00+07:00
    /// dateline: HANOI, Sept. 5
    /// source: VnExpress
    /// ```
    ///
    /// The body of the first article…
    ///
    /// # The school year opens
    ///
    /// ```yaml article
    /// ```
    ///
    /// The body of the second…
    /// ````
    ///
    /// - The front matter is the collection's own metadata (the `--title`, nothing when there is
    ///   none) and `articles:` with the number of articles, which marks the file as joined.
    /// - Each article starts with its title as a `# ` heading (when it is plain one-line text), then
    ///   a fenced code block whose info string is `yaml article`, holding the article's metadata
    ///   as the YAML front matter of a file of its own would (the same keys; a title that cannot be a
    ///   heading goes in it as `title:`), then its body.
    /// - Any CommonMark renderer shows the headings, each article's metadata as a small YAML code
    ///   block and the text. ``MarkdownReader`` reads the file back as the articles, each with its
    ///   metadata. (An article whose body itself holds a code block marked `yaml article` would be
    ///   cut there on reading; writing one gives a warning.) Pandoc's YAML metadata blocks are not used for the articles because pandoc merges
    ///   them all into the document's metadata (the first value of each key wins), which is the loss
    ///   this form avoids.
    public func markdown(_ collection: ArticleCollection) -> String {
        var out = ""
        write(collection) { out += $0 }
        return out
    }

    /// Hands the document to `emit` a piece at a time: the front matter, then every block.
    private func write(_ collection: ArticleCollection, emit: (String) -> Void) {
        var own = collection.metadata
        own.extra[Self.articleCountKey] = nil
        let yaml = FrontMatterWriter.yaml(own, includeTitle: true, detectedLanguage: nil)
        emit("---\n" + (yaml.map { $0 + "\n" } ?? "") + Self.articleCountKey + ": \(collection.articles.count)\n---\n")
        var blocks: [Block] = []
        for article in collection.articles { blocks += self.blocks(of: article, after: blocks.last) }
        var wroteBody = false
        MarkdownBlockRenderer().render(blocks) { piece in
            if !wroteBody { emit("\n") }
            wroteBody = true
            emit(piece)
        }
        if wroteBody { emit("\n") }
    }

    /// One article's blocks in a joined document: its title heading, its metadata block, its body.
    /// `previous` is the last block before it, so that an untitled article after a level-1
    /// heading says it has no title (or the reader would take that heading as its title).
    func blocks(of article: Article, after previous: Block?) -> [Block] {
        let m = article.metadata
        let headingTitle = m.title.flatMap { Self.plainTitle([.text($0)]) }
        var yaml = FrontMatterWriter.yaml(m, includeTitle: headingTitle == nil,
                                          detectedLanguage: m.language == nil ? nil : detectedLanguage(article))
        if m.title?.isEmpty ?? true, case .heading(1, _)? = previous {
            yaml = "title: \"\"" + (yaml.map { "\n" + $0 } ?? "")
        }
        var out: [Block] = []
        if let headingTitle { out.append(.heading(level: 1, content: [.text(headingTitle)])) }
        out.append(.code(language: Self.articleInfoString, text: yaml ?? ""))
        return out + article.blocks
    }
}
