import ArticleCore
import ArticleSupport

/// Reads a web page and extracts the article in it: the body without the page's menus, share
/// bars, related links, comments and ads; figures with caption and credit; and the metadata
/// (title, authors, date, site, address, language, tags, summary, lead image).
///
/// A page with no running text at all (an empty page, a bare home page of links, a 404 page)
/// throws ``/ArticleCore/ArticleError`` with code `.noContent` ("no article content found"),
/// unless it declares itself an article (a JSON-LD article, `og:type` `article`, a publication
/// date) and has a title: then it yields an article with its metadata and no blocks, and a
/// warning ("no article body found in the page"). A page with some text but no clear article
/// yields an article holding the best text block found.
public struct HTMLReader: ArticleReader {
    /// `html` (also `htm`, `xhtml`), files `.html`, `.htm`, `.xhtml`.
    public let format = FormatInfo(
        name: "html", aliases: ["htm", "xhtml"], extensions: ["html", "htm", "xhtml"], mediaType: "text/html",
        summary: "web pages: the article extracted from the page, with metadata, figures, captions and credits")

    /// Creates a reader.
    public init() {}

    /// Parses the page (charset from a BOM, `--encoding`, a `<meta charset>`, else UTF-8) and
    /// extracts its article.
    ///
    /// The title follows the page's site profile, when `Resources/html-sites.json` has one for
    /// the page's host; the option `html-site-profiles` (`--html-site-profiles`) names another
    /// profiles file to use instead, or is `none` for the generic choice on every page.
    public func read(_ input: ReaderInput, context: inout ConversionContext) throws(ArticleError) -> [Article] {
        let siteProfiles = try HTMLSiteProfiles.forOptions(context.options)
        let options = HTMLParser.Options(encoding: context.options.encoding, discardScripts: true,
                                         keptAttributes: ArticleExtraction.attributesRead)
        let document = try HTMLParser.parse(input.data, options: options, name: input.name)
        for omission in document.omissions { context.warn(omission) }
        // The book's image size picks among a page's image candidates (`srcset`, `<picture>`).
        var extraction = ArticleExtraction(document: document, fallbackBase: input.fileURL?.absoluteString,
                                           remote: input.origin == .remote, siteProfiles: siteProfiles,
                                           imageWidth: context.options.images.maxDimension)
        extraction.fetchedFrom = input.sourceURL?.absoluteString
        guard let article = extraction.article() else {
            throw ArticleError(.noContent, "no article content found in the page", file: input.name)
        }
        if article.blocks.isEmpty { context.warn("no article body found in the page; only its metadata was read") }
        return [article]
    }
}
