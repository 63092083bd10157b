import ArticleCore
import Foundation

/// Reads Markdown: CommonMark with the GFM extensions (tables, strikethrough, autolinks, task
/// lists), parsed by cmark-gfm, with optional YAML front matter for the metadata.
///
/// - Front matter: `title`, `subtitle`, `author`/`authors`, `date`, `dateline`, `source`, `url`,
///   `lang`/`language`, `tags`, `summary`/`description`; other keys are kept as extra metadata. Invalid YAML is an error naming the
///   line; a `date` that does not parse is kept as the dateline, with a warning.
/// - Title: with no front-matter `title`, a leading level-1 heading that is the only one in the
///   document and holds plain text becomes the title and leaves the body.
/// - Figures: a paragraph that is an image alone, or an image, a line break and then the caption
///   line `*caption* (Photo: credit)`, becomes a ``/ArticleCore/Figure``.
/// - Joined documents: front matter with `articles:` and a `yaml article` code block per
///   article (what ``MarkdownWriter`` writes for several articles) read back as the articles,
///   each with its own metadata (``collection(markdown:context:)``).
/// - Limits: input must be UTF-8 (or `--encoding`); nesting deeper than
///   ``MarkdownFormat/maximumDepth`` is refused with `limit-exceeded`.
public struct MarkdownReader: ArticleCollectionReader {
    /// `markdown` (see ``MarkdownFormat/info``).
    public let format = MarkdownFormat.info

    /// Creates a reader.
    public init() {}

    /// Reads one Markdown document (UTF-8, or the encoding in `options.encoding`) as one article,
    /// or a joined document as its articles (see ``collection(markdown:context:)``).
    public func read(_ input: ReaderInput, context: inout ConversionContext) throws(ArticleError) -> [Article] {
        try collection(input, context: &context).articles
    }

    /// Reads one Markdown document as a collection: a joined document's own metadata and
    /// articles, or one article (see ``collection(markdown:context:)``).
    public func collection(_ input: ReaderInput, context: inout ConversionContext) throws(ArticleError) -> ArticleCollection {
        let text = try input.decodeText(encoding: context.options.encoding)
        do {
            return try collection(markdown: text, context: &context)
        } catch {
            throw error.inFile(input.name)
        }
    }

    /// Reads Markdown text (front matter included) into one article.
    public func read(markdown text: String, context: inout ConversionContext) throws(ArticleError) -> Article {
        var metadata = Metadata()
        var body = Substring(text)
        var lineOffset = 0
        if let front = FrontMatter.split(text) {
            var reader = FrontMatterReader()
            metadata = try reader.read(front.yaml, lineOffset: 1)
            for w in reader.warnings { context.warn(w) }
            body = front.body
            lineOffset = front.lineCount
        }
        var blocks: [Block]
        do {
            let start = DispatchTime.now().uptimeNanoseconds
            blocks = try CmarkParser.parse(body)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if let slow = SlowMarkdown.warning(for: body, seconds: seconds) { context.warn(slow) }
        } catch {
            throw ArticleError(error.code, error.message, file: error.file, line: error.line.map { $0 + lineOffset })
        }
        blocks = MarkdownFigure.figures(in: MarkdownListSeparator.removingSeparators(in: blocks))
        if metadata.title == nil, let title = Self.titleHeading(blocks) {
            metadata.title = title
            blocks.removeFirst()
        }
        return Article(metadata: metadata, blocks: blocks)
    }

    /// The text of the first block when it is a level-1 heading of plain text and no other
    /// level-1 heading follows (a document with several is a collection of sections, not a title).
    static func titleHeading(_ blocks: [Block]) -> String? {
        guard case .heading(1, let content)? = blocks.first,
              let text = MarkdownWriter.plainTitle(content) else { return nil }
        for b in blocks.dropFirst() {
            if case .heading(1, _) = b { return nil }
        }
        return text
    }
}
