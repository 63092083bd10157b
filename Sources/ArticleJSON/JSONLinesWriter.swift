import ArticleCore
import Foundation

/// Writes JSON Lines: one article per line, as compact ArticleKit JSON. Several articles make one
/// stream, so a stream engine (Spark's `RDD.pipe`, `xargs`) can pass articles through ArticleKit.
public struct JSONLinesWriter: ArticleWriter {
    /// The format: `jsonl`, `.jsonl`.
    public let format = JSONLinesFormat.info
    /// Several articles make one output.
    public var combinesArticles: Bool { true }

    /// Creates the writer.
    public init() {}

    /// Renders the articles as the bytes of one output file.
    public func write(_ articles: [Article], context: inout ConversionContext) throws(ArticleError) -> Data {
        let articles = Article.limitingDepth(articles)  // no nesting the writer's recursion cannot take
        var out = Data()
        let encoder = ArticleJSONEncoder(pretty: false)
        for a in articles {
            out.append(encoder.encode([a], asArray: false))
            out.append(0x0A)
        }
        return out
    }
}

/// The JSON Lines format's names.
public enum JSONLinesFormat {
    /// `jsonl`, `.jsonl`, `application/jsonl`.
    public static let info = FormatInfo(
        name: "jsonl", aliases: ["ndjson"], extensions: ["jsonl", "ndjson"], mediaType: "application/jsonl",
        summary: "JSON Lines: one ArticleKit JSON article per line, for stream engines")
}
