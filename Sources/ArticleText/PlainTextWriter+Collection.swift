import ArticleCore
import Foundation

extension PlainTextWriter: ArticleCollectionWriter {
    /// The line between two articles of a collection.
    static let articleSeparator = String(repeating: "=", count: 20)

    /// Renders a collection (several articles in one file) as plain text: when the collection
    /// has a title (`--title`), a heading with it and the number of articles; then every article
    /// as one alone is written, with its own title, byline, date or dateline and source lines,
    /// the articles separated by a blank line, a line of twenty `=`, and a blank line:
    ///
    /// ```text
    /// Week 36
    /// 2 articles
    ///
    /// ====================
    ///
    /// Rice harvest begins
    /// ===================
    ///
    /// By Nguyen Van A
    /// HANOI, Sept. 5 · VnExpress
    ///
    /// The body…
    ///
    /// ====================
    ///
    /// The school year opens
    /// …
    /// ```
    public func write(_ collection: ArticleCollection, context: inout ConversionContext) throws(ArticleError) -> Data {
        var collection = collection
        collection.articles = Article.limitingDepth(collection.articles)  // no nesting the writer's recursion cannot take
        let wrapper = TextWrapper(width: context.options.width)
        var parts = collection.articles.map { render($0, wrapper) }
        if let title = collection.metadata.title, !title.isEmpty {
            let count = ArticleCollection(collection.articles, title: nil).displayTitle
            parts.insert(wrapper.wrap(title) + "\n" + count + "\n", at: 0)
        }
        return Data(parts.joined(separator: "\n\n" + Self.articleSeparator + "\n\n").utf8)
    }
}
