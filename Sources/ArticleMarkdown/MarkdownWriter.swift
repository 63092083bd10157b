import ArticleCore
import Foundation

/// Writes articles as CommonMark + GFM with YAML front matter for the metadata.
///
/// The output is exact: reading it back with ``MarkdownReader`` gives the same article, and any
/// CommonMark renderer shows the same text (Markdown punctuation in text is escaped, list
/// tightness and numbering are kept, code fences are longer than the backtick runs inside).
///
/// - The title is written as the leading `# ` heading when it is plain one-line text and the body
///   has no level-1 heading of its own (the reader takes such a heading back as the title);
///   otherwise it goes into the front matter.
/// - Figures are the image, then on the next line `*caption* (Photo: credit)`, which the reader
///   takes back as a figure with its caption and credit.
/// - The language is written unless it is the one ``detectLanguage`` finds in the text, so that a
///   detected language adds no front matter when the writer is given the pipeline's detector (the
///   standard registry hands it ArticleLanguage's); with no detector the language is always written.
/// - Several articles make one joined document, an ``/ArticleCore/ArticleCollection`` in which
///   each keeps its own metadata (see ``markdown(_:)-(ArticleCollection)``); one article is
///   written exactly as above.
public struct MarkdownWriter: ArticleWriter {
    /// `markdown` (see ``MarkdownFormat/info``).
    public let format = MarkdownFormat.info

    /// The language detector a reader of the output would apply (ArticleKit's `detect-language`
    /// step): a language it finds in the text is not written. `nil`: the language is always written.
    public var detectLanguage: (@Sendable (Article) -> String?)?

    /// Creates a writer; `detectLanguage` is the detector whose answer need not be written.
    public init(detectLanguage: (@Sendable (Article) -> String?)? = nil) {
        self.detectLanguage = detectLanguage
    }

    /// The article as Markdown; several as one joined document titled by the `--title` (see
    /// ``markdown(_:)-(ArticleCollection)``). The bytes are UTF-8.
    public func write(_ articles: [Article], context: inout ConversionContext) throws(ArticleError) -> Data {
        let articles = Article.limitingDepth(articles)  // no nesting the writer's recursion cannot take
        if articles.count > 1 { return try write(ArticleCollection(articles, title: context.options.title), context: &context) }
        var out = Data()
        for article in articles {
            if !out.isEmpty { out.append(0x0A) }
            write(article) { out.append(contentsOf: $0.utf8) }
        }
        return out
    }

    /// One article as Markdown text, ending with a newline (empty for an empty article).
    public func markdown(_ article: Article) -> String {
        var out = ""
        write(article) { out += $0 }
        return out
    }

    /// Hands the article's Markdown to `emit` a piece at a time: front matter, then each block.
    /// A link or image source ``/ArticleCore/URLSafety`` refuses is not written as one (raw
    /// HTML stays as it is: Markdown keeps it exactly, and HTML writers sanitize it).
    private func write(_ article: Article, emit: (String) -> Void) {
        let article = article.removingUnsafeURLs()
        let m = article.metadata
        let headingTitle = m.title.flatMap { title in
            Self.canWriteTitleAsHeading(title, blocks: article.blocks) ? title : nil
        }
        let detected = m.language == nil ? nil : detectedLanguage(article)
        var started = false
        if let yaml = FrontMatterWriter.yaml(m, includeTitle: headingTitle == nil, detectedLanguage: detected) {
            emit("---\n" + yaml + "\n---\n")
            started = true
        }
        var blocks = article.blocks
        if let headingTitle { blocks.insert(.heading(level: 1, content: [.text(headingTitle)]), at: 0) }
        var wroteBody = false
        MarkdownBlockRenderer().render(blocks) { piece in
            if !wroteBody && started { emit("\n") }
            wroteBody = true
            emit(piece)
        }
        if wroteBody { emit("\n") }
    }

    /// The language ``detectLanguage`` finds in the article. A language equal to it is not
    /// written: reading the Markdown back finds it again, and the front matter keeps only what the
    /// text does not say.
    func detectedLanguage(_ article: Article) -> String? {
        detectLanguage?(article)
    }

    /// Whether `title` can be the leading `# ` heading: plain text on one line, with no level-1
    /// heading in `blocks` that would stop the reader taking it back as the title.
    static func canWriteTitleAsHeading(_ title: String, blocks: [Block]) -> Bool {
        guard plainTitle([.text(title)]) != nil else { return false }
        for b in blocks {
            if case .heading(1, _) = b { return false }
        }
        return true
    }

    /// The title a heading's content gives when it is one run of plain text on one line, with no
    /// space at either end (what a `# ` heading can hold exactly).
    static func plainTitle(_ content: [Inline]) -> String? {
        guard content.count == 1, case .text(let t) = content[0], !t.isEmpty,
              !t.contains(where: \.isNewline),
              t.unicodeScalars.first.map({ !$0.properties.isWhitespace }) == true,
              t.unicodeScalars.last.map({ !$0.properties.isWhitespace }) == true
        else { return nil }
        return t
    }
}
