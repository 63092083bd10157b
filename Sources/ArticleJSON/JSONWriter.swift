import ArticleCore
import Foundation

/// Writes articles as ArticleKit JSON (see `Resources/article.schema.json`): one object for one
/// article, a collection object with `articles` for several (see ``write(_:context:)-(ArticleCollection,_)``),
/// keys in a fixed reading order, so the same article always gives the same bytes.
public struct JSONWriter: ArticleWriter {
    /// The format: `json`, `.json`, `application/json`.
    public let format = JSONFormat.info

    /// Creates the writer.
    public init() {}

    /// Renders the articles as the bytes of one output file: one article object, or for several a
    /// collection titled by the `--title`.
    public func write(_ articles: [Article], context: inout ConversionContext) throws(ArticleError) -> Data {
        let articles = Article.limitingDepth(articles)  // no nesting the writer's recursion cannot take
        if articles.count > 1 { return try write(ArticleCollection(articles, title: context.options.title), context: &context) }
        var data = ArticleJSONEncoder(pretty: true).encode(articles, asArray: articles.count != 1)
        data.append(0x0A)
        return data
    }
}

/// The JSON format's names.
public enum JSONFormat {
    /// `json`, `.json`, `application/json`.
    public static let info = FormatInfo(
        name: "json", extensions: ["json"], mediaType: "application/json",
        summary: "ArticleKit JSON: the article model, documented by article.schema.json")
}
