import ArticleCore

/// The Markdown format's names and limits, shared by ``MarkdownReader`` and ``MarkdownWriter``.
public enum MarkdownFormat {
    /// `markdown` (also `md`, `commonmark`, `gfm`), `.md` / `.markdown`, `text/markdown`.
    public static let info = FormatInfo(
        name: "markdown", aliases: ["md", "commonmark", "gfm"], extensions: ["md", "markdown"],
        mediaType: "text/markdown", summary: "CommonMark + GFM (tables, strikethrough, autolinks, task lists) with YAML front matter")

    /// The deepest nesting of blocks and inlines a Markdown document may have. Deeper input
    /// (`> > > …` a hundred thousand times) is refused with ``/ArticleCore/ArticleError/Code/limitExceeded``
    /// rather than risking the stack of every reader, transform and writer after it.
    public static let maximumDepth = 256
}
