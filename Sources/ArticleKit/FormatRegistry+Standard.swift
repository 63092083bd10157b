import ArticleEPUB
import ArticleFetch
import ArticleHTML
import ArticleImages
import ArticleJSON
import ArticleLanguage
import ArticleMarkdown
import ArticleText

extension FormatRegistry {
    /// Every format ArticleKit ships, registered in one place. Books get their images made
    /// ready for e-readers by ArticleImages (`--images` sets how) and a raster cover drawn by its
    /// `CoverRenderer`; remote images are not
    /// fetched (see ``standard(remoteImages:)``).
    public static var standard: FormatRegistry { standard(remoteImages: nil) }

    /// Every format ArticleKit ships; books also download the http(s) images their articles
    /// name with `remoteImages` before ArticleImages makes them ready, so a book made from a
    /// web page (or a saved page, or Markdown naming photos on the web) holds its photos.
    ///
    /// This is the one place where a format meets the network: the EPUB target only takes a
    /// list of image steps and never imports ArticleFetch.
    ///
    /// ```swift
    /// let fetcher = try Fetcher(configuration: FetchConfiguration(version: ArticleKitVersion.current))
    /// let converter = Converter(registry: .standard(remoteImages: FetchRemoteImages(fetcher: fetcher)))
    /// ```
    ///
    /// - Parameter remoteImages: The download step, or `nil` for no network access.
    public static func standard(remoteImages: FetchRemoteImages?) -> FormatRegistry {
        var r = FormatRegistry()
        r.register(reader: ScrapedTextReader())
        r.register(reader: JSONReader())
        r.register(reader: JSONLinesReader())
        r.register(reader: HTMLReader())
        r.register(reader: EPUBReader())
        r.register(reader: MarkdownReader())
        r.register(writer: JSONWriter())
        r.register(writer: JSONLinesWriter())
        r.register(writer: MarkdownWriter(detectLanguage: { LanguageDetector.detect(in: $0) }))
        r.register(writer: PlainTextWriter())
        r.register(writer: HTMLWriter())
        r.register(writer: EPUBWriter(imageSteps: Converter.imageSteps(remoteImages: remoteImages, leadImage: true), coverRasterizer: CoverRenderer()))
        return r
    }
}
