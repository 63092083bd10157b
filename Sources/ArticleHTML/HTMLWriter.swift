import ArticleCore
import Foundation

/// Writes a standalone HTML5 page: the article's header block and body, with the same markup
/// the EPUB chapters use (``XHTMLRenderer``), a small stylesheet in the page, and the raw HTML the
/// article kept, passed through ``HTMLSanitizer`` (as written with
/// ``/ArticleCore/ConversionOptions/rawHTML``, for trusted input).
///
/// Images stored in the article's resources are embedded as `data:` URIs so the page stands
/// alone; other image sources are written as they are.
public struct HTMLWriter: ArticleWriter {
    /// `html` (also `xhtml`, `html5`); files `.html`, `.htm`.
    public let format = FormatInfo(
        name: "html", aliases: ["xhtml", "html5"], extensions: ["html", "htm"], mediaType: "text/html",
        summary: "a standalone HTML5 page (the EPUB chapter markup)")

    /// Creates the writer.
    public init() {}

    /// The articles as one file's bytes; warnings go to `context`.
    public func write(_ articles: [Article], context: inout ConversionContext) throws(ArticleError) -> Data {
        let articles = Article.limitingDepth(articles)  // no nesting the writer's recursion cannot take
        return Data(page(articles, options: context.options).utf8)
    }

    /// The page for `articles`: one article, or several as a collection titled by the `--title`
    /// (see ``page(_:options:)-(ArticleCollection,_)``).
    public func page(_ articles: [Article], options: ConversionOptions = ConversionOptions()) -> String {
        page(articles, collection: articles.count > 1 ? ArticleCollection(articles, title: options.title) : nil, options: options)
    }

    /// The page; `collection` (the articles' collection, when there are several) gives the page's
    /// own title, language and heading instead of the article's.
    func page(_ articles: [Article], collection: ArticleCollection?, options: ConversionOptions) -> String {
        let first = articles.first?.metadata ?? Metadata()
        let title = collection?.displayTitle ?? nonEmpty(first.title) ?? options.title ?? "Untitled"
        let language = collection.map { nonEmpty($0.sharedLanguage) ?? "und" } ?? nonEmpty(first.language) ?? "und"
        var out = "<!DOCTYPE html>\n"
        out += "<html lang=\"\(XHTMLEscaping.attribute(language))\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<title>\(XHTMLEscaping.text(title))</title>\n"
        let single = collection == nil && articles.count == 1
        let authors = single ? first.authors.compactMap(nonEmpty) : []
        if !authors.isEmpty {
            out += "<meta name=\"author\" content=\"\(XHTMLEscaping.attribute(authors.joined(separator: ", ")))\"/>\n"
        }
        if single, let d = nonEmpty(first.summary) {
            out += "<meta name=\"description\" content=\"\(XHTMLEscaping.attribute(d))\"/>\n"
        }
        if single, let u = nonEmpty(first.url), let href = XHTMLEscaping.safeLinkURL(u) {
            out += "<link rel=\"canonical\" href=\"\(XHTMLEscaping.attribute(href))\"/>\n"
        }
        if single, let image = nonEmpty(first.image), let scheme = XHTMLEscaping.scheme(of: image), scheme == "http" || scheme == "https",
           let src = XHTMLEscaping.safeImageURL(image) {
            out += "<meta property=\"og:image\" content=\"\(XHTMLEscaping.attribute(src))\"/>\n"
        }
        out += "<style>\n" + Self.stylesheet + "</style>\n</head>\n<body>\n"
        if let collection { out += Self.collectionHeader(collection) }
        for (i, article) in articles.enumerated() {
            var renderer = XHTMLRenderer()
            renderer.idPrefix = i == 0 ? "" : "a\(i + 1)-"
            // The sanitizer pass leaves raw HTML that is safe to emit as it is.
            renderer.rawHTML = .emit
            let article = options.rawHTML ? article : HTMLSanitizer.sanitize(article)
            let resources = article.resources
            renderer.imageSource = { ref in
                if let r = resources.first(where: { $0.path == ref.source }), r.mediaType.hasPrefix("image/") {
                    return "data:\(r.mediaType);base64,\(r.data.base64EncodedString())"
                }
                return XHTMLEscaping.safeImageURL(ref.source)
            }
            if articles.count == 1, nonEmpty(article.metadata.title) == nil { renderer.fallbackTitle = options.title }
            let lang = nonEmpty(article.metadata.language)
            var markup = renderer.render(article).markup
            if let lang, lang != language, markup.hasPrefix("<article ") {
                markup = "<article lang=\"\(XHTMLEscaping.attribute(lang))\" " + markup.dropFirst("<article ".count)
            }
            out += markup
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// A small reading stylesheet: relative sizes, the reader's colours, a readable measure.
    static let stylesheet = """
    body { font-family: Georgia, "Times New Roman", serif; line-height: 1.5; max-width: 40em; margin: 0 auto; padding: 1em; }
    h1, h2, h3, h4, h5, h6 { font-family: system-ui, sans-serif; line-height: 1.2; }
    .subtitle { font-size: 1.15em; font-style: italic; }
    .byline, .dateline, .source { margin: 0.2em 0; font-size: 0.9em; }
    .article-header { margin-bottom: 1.5em; }
    figure { margin: 1.5em 0; }
    figure img { max-width: 100%; height: auto; }
    figcaption { font-size: 0.9em; }
    .credit { font-style: italic; opacity: 0.8; }
    blockquote { margin-left: 1em; padding-left: 1em; border-left: 0.2em solid; }
    pre { overflow-x: auto; }
    table { border-collapse: collapse; }
    th, td { border: 1px solid; padding: 0.2em 0.5em; }
    article + article { margin-top: 3em; border-top: 1px solid; padding-top: 1em; }

    """

    private func nonEmpty(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = s.trimmingWhitespace
        return t.isEmpty ? nil : t
    }
}
