import ArticleCore
import Foundation

extension JSONWriter: ArticleCollectionWriter {
    /// Renders a collection (several articles in one file, `convert a.txt b.txt --output
    /// both.json`) as one object: the collection's own metadata under the same keys as an
    /// article's (`title` is the `--title`, or null; no article's authors or tags), and
    /// `articles`, the whole article objects in order, in place of `blocks`:
    ///
    /// ```json
    /// { "title": "Week 36", "subtitle": null, "authors": [], …, "summary": null,
    ///   "articles": [ { "title": "Rice harvest begins", "authors": ["…"], …, "blocks": […] }, … ] }
    /// ```
    ///
    /// An object rather than a bare array, so that the collection's title has a place and the
    /// file says what it is; ``JSONReader`` reads it back to every article (and still reads the
    /// arrays older versions wrote). `Resources/article.schema.json` describes it.
    public func write(_ collection: ArticleCollection, context: inout ConversionContext) throws(ArticleError) -> Data {
        var collection = collection
        collection.articles = Article.limitingDepth(collection.articles)  // no nesting the writer's recursion cannot take
        var out = JSONOutput(pretty: true)
        var data = Data()
        out.collection(collection, into: &data)
        out.bytes.append(0x0A)
        out.drain(into: &data)
        return data
    }
}
