import ArticleCore
import CCmarkGFM

/// Parses Markdown with cmark-gfm (CommonMark plus the GFM table, strikethrough, autolink and
/// task-list extensions) and maps the whole cmark tree into model blocks.
///
/// The C tree is walked by ``CmarkTreeMapper`` with an explicit depth limit, so no input can
/// make the conversion recurse without bound; cmark itself parses iteratively.
enum CmarkParser {
    /// The GFM extensions attached to every parser, in the order GitHub attaches them.
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    // cmark-gfm keeps its extension registry in a global; registering it once is thread-safe
    // through Swift's lazy global initialisation.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Parses `markdown` into blocks. `lineOffset` is the number of lines that came before it in
    /// the file (front matter), for messages.
    static func parse(_ markdown: String, maximumDepth: Int = MarkdownFormat.maximumDepth) throws(ArticleError) -> [Block] {
        _ = registered
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else {
            throw ArticleError(.io, "cannot allocate the Markdown parser")
        }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let document = cmark_parser_finish(parser) else {
            throw ArticleError(.io, "the Markdown parser returned no document")
        }
        defer { cmark_node_free(document) }
        var mapper = CmarkTreeMapper(maximumDepth: maximumDepth)
        return try mapper.documentBlocks(document)
    }
}
