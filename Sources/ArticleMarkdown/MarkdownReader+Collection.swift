import ArticleCore
import Foundation

// Reading back a joined Markdown document (the form `MarkdownWriter.markdown(_:)` for a
// collection writes): front matter with `articles:`, then per article an optional `# ` title
// heading and a `yaml article` code block with its metadata, then its body.
extension MarkdownReader {
    /// Reads a Markdown document as a collection: a joined document (front matter with
    /// `articles:` and a `yaml article` metadata block per article, as
    /// ``MarkdownWriter/markdown(_:)-(ArticleCollection)`` writes) gives every article with its
    /// own metadata and the collection's metadata from the front matter; any other document is
    /// one article, read as ``read(markdown:context:)`` reads it, in a collection with no metadata.
    ///
    /// - A level-1 heading of plain text right before a metadata block that has no `title` is
    ///   that article's title; blocks before the first article (not written by ArticleKit) are an
    ///   article of their own, with no metadata.
    /// - A front-matter count that differs from the articles found gives a warning.
    /// - Throws: ``/ArticleCore/ArticleError`` for invalid YAML (naming the article) or Markdown.
    public func collection(markdown text: String, context: inout ConversionContext) throws(ArticleError) -> ArticleCollection {
        guard let front = FrontMatter.split(text), Self.mayCountArticles(front.yaml) else {
            return ArticleCollection(articles: [try read(markdown: text, context: &context)])
        }
        var reader = FrontMatterReader()
        var own = try reader.read(front.yaml, lineOffset: 1)
        guard case .number(let count)? = own.extra[MarkdownWriter.articleCountKey] else {
            return ArticleCollection(articles: [try read(markdown: text, context: &context)])
        }
        var blocks: [Block]
        do {
            blocks = try CmarkParser.parse(front.body)
        } catch {
            throw ArticleError(error.code, error.message, file: error.file, line: error.line.map { $0 + front.lineCount })
        }
        blocks = MarkdownFigure.figures(in: MarkdownListSeparator.removingSeparators(in: blocks))
        let markers = blocks.indices.filter { Self.metadataBlock(blocks[$0]) != nil }
        guard !markers.isEmpty else {
            return ArticleCollection(articles: [try read(markdown: text, context: &context)])
        }
        for w in reader.warnings { context.warn(w) }
        own.extra[MarkdownWriter.articleCountKey] = nil
        let articles = try Self.split(blocks, at: markers, context: &context)
        if count != Double(articles.count) {
            context.warn("the front matter says \(FrontMatterReader.scalar(.number(count)) ?? "?") articles, but the document holds \(articles.count); all \(articles.count) are read")
        }
        return ArticleCollection(metadata: own, articles: articles)
    }

    /// Cuts the blocks of a joined document into its articles at the metadata blocks `markers`.
    private static func split(_ blocks: [Block], at markers: [Int], context: inout ConversionContext) throws(ArticleError) -> [Article] {
        var metas: [Metadata] = []
        var starts: [Int] = []
        for (n, k) in markers.enumerated() {
            var reader = FrontMatterReader()
            var m: Metadata
            do {
                m = try reader.read(metadataBlock(blocks[k]) ?? "", lineOffset: 0)
            } catch {
                throw ArticleError(error.code, "article \(n + 1)'s metadata block: \(error.message)")
            }
            for w in reader.warnings { context.warn("article \(n + 1): \(w)") }
            var start = k
            let previousMarker = n == 0 ? -1 : markers[n - 1]
            if m.title?.isEmpty ?? false {
                m.title = nil  // written for an untitled article after a level-1 heading
            } else if m.title == nil, k - 1 > previousMarker, case .heading(1, let content) = blocks[k - 1],
                      let title = MarkdownWriter.plainTitle(content) {
                m.title = title
                start = k - 1
            }
            metas.append(m)
            starts.append(start)
        }
        var articles: [Article] = []
        if let first = starts.first, first > 0 { articles.append(Article(blocks: Array(blocks[..<first]))) }
        for (n, k) in markers.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : blocks.count
            articles.append(Article(metadata: metas[n], blocks: Array(blocks[(k + 1)..<max(k + 1, end)])))
        }
        return articles
    }

    /// The YAML of a `yaml article` code block, or `nil` for any other block.
    static func metadataBlock(_ block: Block) -> String? {
        guard case .code(let info?, let text) = block,
              info.trimmingCharacters(in: .whitespaces) == MarkdownWriter.articleInfoString else { return nil }
        return text
    }

    /// Whether the front matter may hold the `articles:` key at its top level: a cheap look
    /// before the YAML is parsed, so that other documents are read exactly as before.
    static func mayCountArticles(_ yaml: String) -> Bool {
        yaml.split(separator: "\n", omittingEmptySubsequences: true).contains {
            $0.hasPrefix(MarkdownWriter.articleCountKey + ":") || $0.hasPrefix("\"" + MarkdownWriter.articleCountKey + "\":")
        }
    }
}
