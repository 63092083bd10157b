import ArticleCore
import ArticleSupport

/// Converts a piece of well-made markup (an EPUB chapter's body, an HTML fragment) into blocks,
/// with the same mapping the HTML reader uses but without its boilerplate extraction: all of the
/// fragment is content.
public enum HTMLFragment {
    /// The blocks for `node` and everything inside it.
    /// - Parameters:
    ///   - node: The element to convert (usually `<body>`).
    ///   - baseURL: The address relative links and image sources resolve against.
    ///   - title: A title that, repeated as the first heading, is not kept as body text.
    ///   - keepSVG: Whether inline SVG is content (a book's pages: its `<text>` as paragraphs
    ///     and its `<image>` as figures) rather than left out as a web page's icons are.
    public static func blocks(of node: XMLNode, baseURL: String?, title: String? = nil, keepSVG: Bool = false) -> [Block] {
        let resolver = URLResolver(base: baseURL)
        let extractor = ContentExtractor()
        let inlines = InlineBuilder(resolver: resolver) { _ in false }
        let figures = FigureExtractor(inlines: inlines, resolver: resolver)
        var builder = BlockBuilder(extractor: extractor, inlines: inlines, figures: figures, headlines: Set([title].compactMap { $0.map(TextTools.normalized) }))
        builder.keepSVG = keepSVG
        return builder.blocks(of: node)
    }
}
