import ArticleCore
import Foundation

/// Writes CommonMark (placeholder).
public struct MarkdownWriter: ArticleWriter {
    public let format = FormatInfo(name: "markdown", aliases: ["md", "commonmark", "gfm"], extensions: ["md", "markdown"], mediaType: "text/markdown", summary: "CommonMark + GFM with YAML front matter")
    public init() {}
    public func write(_ articles: [Article], context: inout ConversionContext) throws(ArticleError) -> Data {
        Data(articles.map { $0.blocks.map(\.plainText).joined(separator: "\n\n") }.joined(separator: "\n\n").utf8)
    }
}
