import ArticleCore
import Foundation

/// Writes EPUB 3.3 books that pass EPUBCheck with no errors and no warnings.
///
/// One article makes a book with a cover and a chapter; several articles make one book with a
/// chapter per article, each opening with its title block (`articlekit convert a.json b.json
/// --to epub --title "Week 12"`). The same input and options always give the same bytes: the
/// identifier is derived from the content (unless `options.identifier` is set), and
/// `dcterms:modified` and the zip timestamps come from `SOURCE_DATE_EPOCH`, else the newest
/// article date, else 1980-01-01, never from the clock.
///
/// The language is the article's (`und`, "undetermined" in BCP 47, when unknown; never the
/// system locale). A book with no title takes the input file's name, with a warning.
public struct EPUBWriter: ArticleWriter {
    /// `epub` (also `epub3`); files `.epub`.
    public let format = FormatInfo(
        name: "epub", aliases: ["epub3"], extensions: ["epub"], mediaType: "application/epub+zip",
        summary: "an EPUB 3 book (several inputs make one book)")

    /// Several articles make one book.
    public var combinesArticles: Bool { true }

    /// Images next to the input are loaded while its folder is known, then go through
    /// ``imageSteps``.
    public var inputTransforms: [any ArticleTransform] { [EmbedLocalImages()] + imageSteps }

    /// Steps run on each article's embedded images before the book is made (ArticleKit's
    /// standard registry passes ArticleImages's `NormalizeImages`, which makes them images every
    /// e-reader shows). This target does not decode images itself.
    public var imageSteps: [any ArticleTransform]

    /// Draws every book's raster (JPEG) cover, the package's `cover-image` (with the EPUB 2
    /// `<meta name="cover">`), for the library views of Kindle and Kobo that ignore SVG covers;
    /// ArticleKit's standard registry passes ArticleImages's `CoverRenderer`. With none, a book's
    /// cover-image is its SVG cover (or its lead photo). `--cover FILE` always wins.
    public var coverRasterizer: (any CoverRasterizer)?

    /// Creates the writer; `imageSteps` run after local images are embedded, `coverRasterizer`
    /// draws the raster cover.
    public init(imageSteps: [any ArticleTransform] = [], coverRasterizer: (any CoverRasterizer)? = nil) {
        self.imageSteps = imageSteps
        self.coverRasterizer = coverRasterizer
    }

    /// The articles as one file's bytes; warnings go to `context`.
    public func write(_ articles: [Article], context: inout ConversionContext) throws(ArticleError) -> Data {
        // getenv, not ProcessInfo's environment, which copies the whole environment into a
        // dictionary at every call: 340,000 instructions a book in a batch (callgrind).
        try write(articles, context: &context, sourceDateEpoch: getenv("SOURCE_DATE_EPOCH").map { String(cString: $0) })
    }

    func write(_ articles: [Article], context: inout ConversionContext, sourceDateEpoch: String?) throws(ArticleError) -> Data {
        let articles = Article.limitingDepth(articles)  // no nesting the writer's recursion cannot take
        guard !articles.isEmpty else {
            throw ArticleError(.noContent, "no article to put in the book")
        }
        let builder = EPUBBookBuilder(
            options: context.options, inputName: context.inputName,
            sourceDateEpoch: sourceDateEpoch, coverRasterizer: coverRasterizer)
        var warnings: [String] = []
        let book = builder.build(articles) { warnings.append($0) }
        // The warnings of a book are about the book, not about the last input read.
        let inputName = context.inputName
        if articles.count > 1 { context.inputName = nil }
        for w in warnings { context.warn(w) }
        context.inputName = inputName
        return try EPUBContainer.zip(book)
    }
}
