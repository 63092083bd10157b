import ArticleCore
import CCmarkGFM
import Foundation

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

    /// Parses `markdown` into blocks, a piece at a time for a large document (see
    /// ``MarkdownChunker``). Error lines count from the start of `markdown`.
    static func parse(_ markdown: Substring, maximumDepth: Int = MarkdownFormat.maximumDepth) throws(ArticleError) -> [Block] {
        var blocks: [Block] = []
        for piece in MarkdownChunker.pieces(markdown) {
            do {
                blocks += try parsePiece(piece.text, maximumDepth: maximumDepth)
            } catch {
                throw ArticleError(error.code, error.message, file: error.file, line: error.line.map { $0 + piece.lineOffset })
            }
        }
        return blocks
    }

    /// Parses `markdown` into blocks in one go.
    static func parse(_ markdown: String, maximumDepth: Int = MarkdownFormat.maximumDepth) throws(ArticleError) -> [Block] {
        try parsePiece(Substring(markdown), maximumDepth: maximumDepth)
    }

    // cmark-gfm adds each attached extension's special characters (`~`, …) to a process-wide
    // table when a parse finishes its inlines and takes them out again afterwards, so two parses
    // at once (the batch runner, parallel tests) would lose strikethrough and autolinks at
    // random. Parses are serialised; mapping the finished tree into the model is not.
    private static let parserLock = NSLock()

    private static func parsePiece(_ markdown: Substring, maximumDepth: Int) throws(ArticleError) -> [Block] {
        _ = registered
        let parsed: OpaquePointer? = parserLock.withLock {
            guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
            defer { cmark_parser_free(parser) }
            for name in extensionNames {
                if let ext = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, ext)
                }
            }
            let fed: Void? = markdown.utf8.withContiguousStorageIfAvailable { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
                }
            }
            if fed == nil {
                var copy = String(markdown)
                copy.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { chars in
                        if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
                    }
                }
            }
            return cmark_parser_finish(parser)
        }
        guard let document = parsed else {
            throw ArticleError(.io, "cannot run the Markdown parser (out of memory?)")
        }
        defer { cmark_node_free(document) }
        var mapper = CmarkTreeMapper(maximumDepth: maximumDepth)
        return try mapper.documentBlocks(document)
    }
}
