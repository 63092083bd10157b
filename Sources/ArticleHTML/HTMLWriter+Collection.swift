import ArticleCore
import Foundation

extension HTMLWriter: ArticleCollectionWriter {
    /// Renders a collection (several articles in one file) as one page, as
    /// ``page(_:options:)-(ArticleCollection,_)`` describes.
    public func write(_ collection: ArticleCollection, context: inout ConversionContext) throws(ArticleError) -> Data {
        var collection = collection
        collection.articles = Article.limitingDepth(collection.articles)  // no nesting the writer's recursion cannot take
        return Data(page(collection, options: context.options).utf8)
    }

    /// The page for a collection: the page's `<title>` is the collection's title (`--title`), or
    /// "N articles" when it has none, never the first article's; `<html lang>` is the language
    /// all articles share (`und` when they differ, each `<article>` then carrying its own
    /// `lang`). A titled collection starts with `<header class="collection-header"><h1>`. Every
    /// article is an `<article>` with its own header, as in an EPUB chapter: its title (`<h1>`),
    /// subtitle, byline, `<time datetime>` with the dateline as written, and source (a link to
    /// its `url`); ids are kept unique across the page.
    public func page(_ collection: ArticleCollection, options: ConversionOptions = ConversionOptions()) -> String {
        page(collection.articles, collection: collection, options: options)
    }

    /// The heading of a titled collection, or nothing.
    static func collectionHeader(_ collection: ArticleCollection) -> String {
        guard let title = collection.metadata.title, !title.trimmingWhitespace.isEmpty else { return "" }
        var out = "<header class=\"collection-header\">\n<h1>\(XHTMLEscaping.text(title.trimmingWhitespace))</h1>\n"
        if let s = collection.metadata.subtitle, !s.trimmingWhitespace.isEmpty {
            out += "<p class=\"subtitle\">\(XHTMLEscaping.text(s.trimmingWhitespace))</p>\n"
        }
        return out + "</header>\n"
    }
}
