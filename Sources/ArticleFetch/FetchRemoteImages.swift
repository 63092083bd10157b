import ArticleCore
import Foundation

/// The step that downloads the http(s) images an article's figures and inline images name,
/// into the article's resources, so that a book holds them (pandoc does the same for a book).
///
/// - Every distinct `http`/`https` source (and `//host/…`, taken as the page's scheme, else
///   https) not already in ``/ArticleCore/Article/resources`` is fetched once, all of one
///   article's at the same time, within the ``Fetcher``'s connection limits. The fetcher's
///   cache makes an image that several articles of a run share one download.
/// - The article's page (``/ArticleCore/Metadata/url``) is sent as `Referer`, which sites with
///   hotlink protection want.
/// - Each download is a ``FetchRequest/Origin-swift.enum/pageResource`` of kind
///   ``FetchRequest/Kind-swift.enum/image``: the ``NetworkPolicy`` refuses loopback, private,
///   link-local and metadata addresses (after DNS resolution and on every redirect) unless
///   allowed, the image cap and the fetcher's total cap apply, and only http and https are
///   fetched. That holds for local documents too: a saved page is still written by the site.
/// - The type comes from the bytes, never from `Content-Type` or the URL; a body that is no
///   image is refused. Turning images into ones an e-reader shows is left to the steps after
///   this one (ArticleImages's `NormalizeImages`).
/// - An image that cannot be had is removed from the article with one warning naming its URL
///   and the reason (`HTTP 404 Not Found`, `timed out after 30 s`, a refused address, over the
///   cap, not an image); a figure keeps its caption and credit, an inline image its alternative
///   text. An image never fails the article.
/// - With ``/ArticleCore/ImageOptions/Mode/none`` nothing is fetched.
///
/// The step is synchronous, like every ``/ArticleCore/ArticleTransform``: it waits for its
/// downloads on the calling thread, so call it (and the converter running it) from a thread of
/// your own or the main thread, not from synchronous code inside a Swift task (see
/// ``Fetcher/fetchBlocking(_:)``).
public struct FetchRemoteImages: ArticleTransform {
    /// `fetch-remote-images`.
    public let name = "fetch-remote-images"
    /// The fetcher the images are downloaded with; share one per run.
    public let fetcher: Fetcher
    /// Work done on each image as soon as it has arrived, on a thread of its own while the other
    /// downloads go on (the pipeline makes it reader-ready there, so decoding overlaps the
    /// network instead of waiting for the last image); a failure leaves the image out like a
    /// failed download. `nil`: the images are taken as they come.
    public let prepare: (@Sendable (Resource, ImageOptions) -> Result<Resource, ArticleError>)?

    /// Whether the article's lead image (``/ArticleCore/Metadata/image``, the page's `og:image`
    /// or JSON-LD `image`) is fetched too when no figure shows it, for a book's cover.
    public let leadImage: Bool

    /// Creates the step; `fetcher` sets the timeouts, caps, proxies and policy, `prepare`, when
    /// given, is run on each downloaded image with the run's image options, and `leadImage` says
    /// whether the lead image is fetched as well.
    public init(fetcher: Fetcher, prepare: (@Sendable (Resource, ImageOptions) -> Result<Resource, ArticleError>)? = nil,
                leadImage: Bool = false) {
        self.fetcher = fetcher
        self.prepare = prepare
        self.leadImage = leadImage
    }

    /// The same step, running `prepare` on each image as it arrives.
    public func preparing(with prepare: @escaping @Sendable (Resource, ImageOptions) -> Result<Resource, ArticleError>) -> FetchRemoteImages {
        FetchRemoteImages(fetcher: fetcher, prepare: prepare, leadImage: leadImage)
    }

    /// The same step, fetching the lead image too (`true`) or not.
    public func fetchingLeadImage(_ fetch: Bool = true) -> FetchRemoteImages {
        FetchRemoteImages(fetcher: fetcher, prepare: prepare, leadImage: fetch)
    }

    /// The article with its remote images in its resources, and the ones that could not be
    /// fetched removed (one warning each).
    public func apply(to article: Article, context: inout ConversionContext) throws(ArticleError) -> Article {
        guard context.options.images.mode != .none else { return article }
        let referer = Self.refererURL(article.metadata.url)
        var collector = RemoteImageSources(referer: referer, known: Set(article.resources.map(\.path)))
        collector.walk(blocks: article.blocks)
        let figures = collector.jobs.count
        if leadImage, let lead = article.metadata.image {
            // Last, so a figure's photo comes first; the same string as a figure's is one job.
            _ = collector.visit(image: ImageReference(source: lead.trimmingCharacters(in: .whitespaces)))
        }
        if collector.jobs.isEmpty { return article }
        let preparation = prepare.map { step in RemoteImageDownload.Preparation(options: context.options.images, step: step) }
        let outcomes = RemoteImageDownload.run(collector.jobs, referer: referer, fetcher: fetcher, preparation: preparation)
        var result = article
        var failed: Set<String> = []
        for (index, (job, outcome)) in zip(collector.jobs, outcomes).enumerated() {
            switch outcome {
            case .success(let resource):
                result.resources.append(resource)
            case .failure(let error):
                failed.insert(job.source)
                let what = index < figures ? "image" : "lead image (for the cover)"
                context.warn("\(what) \(job.url.absoluteString) left out: \(error.message)")
            }
        }
        if failed.isEmpty { return result }
        var remover = FailedImageRemover(failed: failed)
        return remover.rewrite(result)
    }

    /// The page address sent as `Referer`: the article's URL when it is http(s).
    static func refererURL(_ text: String?) -> URL? {
        guard let text, let url = URL(string: text.trimmingCharacters(in: .whitespaces)),
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil
        else { return nil }
        return url
    }

    /// The URL an image source names when it is one to fetch: `http:`/`https:` URLs, and
    /// `//host/path` with the page's scheme (https without a page).
    static func remoteURL(_ source: String, referer: URL?) -> URL? {
        let trimmed = source.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        var text = trimmed
        if lower.hasPrefix("//") {
            text = (referer?.scheme?.lowercased() ?? "https") + ":" + trimmed
        } else if !(lower.hasPrefix("http://") || lower.hasPrefix("https://")) {
            return nil
        }
        guard let url = URL(string: text), url.host?.isEmpty == false else { return nil }
        return url
    }
}

/// One image to download: the source string the article's blocks use (the resource's path)
/// and the URL it names.
struct RemoteImageJob: Sendable {
    var source: String
    var url: URL
}

/// The distinct remote image sources of a body, in reading order, without those already held.
struct RemoteImageSources: ArticleVisitor {
    let referer: URL?
    var known: Set<String>
    var jobs: [RemoteImageJob] = []

    init(referer: URL?, known: Set<String>) {
        self.referer = referer
        self.known = known
    }

    mutating func visit(image: ImageReference) -> Bool {
        guard !known.contains(image.source), let url = FetchRemoteImages.remoteURL(image.source, referer: referer) else { return true }
        known.insert(image.source)
        jobs.append(RemoteImageJob(source: image.source, url: url))
        return true
    }
}

/// Removes the images that could not be fetched; a figure left with nothing (no image, caption
/// or credit) goes too.
struct FailedImageRemover: ArticleRewriter {
    let failed: Set<String>

    func rewrite(image: ImageReference) -> ImageReference? {
        failed.contains(image.source) ? nil : image
    }

    func rewrite(block: Block) -> [Block] {
        if case .figure(let f) = block, f.image == nil, f.caption.isEmpty, (f.credit ?? "").isEmpty { return [] }
        return [block]
    }
}
