import ArticleCore
import Foundation

/// Writes plain text (placeholder).
public struct PlainTextWriter: ArticleWriter {
    public let format = FormatInfo(name: "text", aliases: ["txt", "plain"], extensions: ["txt"], mediaType: "text/plain", summary: "plain text, wrapped at --width")
    public init() {}
    public func write(_ articles: [Article], context: inout ConversionContext) throws(ArticleError) -> Data {
        Data(articles.map { $0.blocks.map(\.plainText).joined(separator: "\n\n") }.joined(separator: "\n\n").utf8)
    }
}
