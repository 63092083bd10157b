import ArticleCore
import ArticleMarkdown

/// Writes blocks (and metadata) with the Markdown writer.
func markdown(_ blocks: [Block], metadata: Metadata = Metadata()) -> String {
    MarkdownWriter().markdown(Article(metadata: metadata, blocks: blocks))
}

/// Reads Markdown with the Markdown reader, collecting warnings.
func read(_ text: String) throws(ArticleError) -> (article: Article, warnings: [ConversionWarning]) {
    var context = ConversionContext()
    let article = try MarkdownReader().read(markdown: text, context: &context)
    return (article, context.warnings)
}

/// The blocks Markdown text reads as.
func blocks(_ text: String) throws(ArticleError) -> [Block] {
    try read(text).article.blocks
}
