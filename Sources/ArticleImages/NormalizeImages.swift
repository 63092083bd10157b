import ArticleCore
import Foundation

/// The step that makes every image an article embeds one an e-reader shows (see
/// ``ImageNormalizer``), run before a book is written. An image that cannot be made ready is
/// left out, with one warning naming it and why; the figure keeps its caption and credit. The
/// mode, size and quality are ``/ArticleCore/ConversionOptions/images``.
public struct NormalizeImages: ArticleTransform {
    /// `normalize-images`.
    public let name = "normalize-images"

    /// Creates the step.
    public init() {}

    /// The article with its image resources made ready, or left out.
    public func apply(to article: Article, context: inout ConversionContext) throws(ArticleError) -> Article {
        let options = context.options.images
        if article.resources.isEmpty && options.mode != .none { return article }
        var result = article
        var dropped: Set<String> = []
        var kept: [Resource] = []
        if options.mode == .none {
            dropped = Set(article.resources.map(\.path))
        } else {
            // Several images at once, one a core (libvips is thread-safe; decoding one JPEG is
            // not spread over cores): ten 3000×2000 photos took 1.3 s one after another.
            let outcomes = Self.normalizeAll(article.resources, options: options)
            for (r, outcome) in zip(article.resources, outcomes) {
                switch outcome {
                case .success(let image):
                    kept.append(Resource(path: r.path, mediaType: image.mediaType, data: image.data))
                case .failure(let error):
                    dropped.insert(r.path)
                    context.warn("image \(r.path) left out: \(error.message)")
                }
            }
        }
        result.resources = kept
        var remover = ImageRemover(paths: dropped, all: options.mode == .none)
        return remover.rewrite(result)
    }
}

extension NormalizeImages {
    /// One image resource made ready as `options` say (see ``ImageNormalizer``), keeping its
    /// path: what the step does to each image, for a caller that has an image before the step
    /// runs (a download that has just arrived).
    public static func prepared(_ resource: Resource, options: ImageOptions) -> Result<Resource, ArticleError> {
        Result { () throws(ArticleError) in
            let image = try ImageNormalizer.normalize(resource.data, options: options)
            return Resource(path: resource.path, mediaType: image.mediaType, data: image.data)
        }
    }

    /// Every resource normalised, in order, on up to as many threads as the machine has cores.
    static func normalizeAll(_ resources: [Resource], options: ImageOptions) -> [Result<NormalizedImage, ArticleError>] {
        let slots = Slots(count: resources.count)
        if resources.count == 1 {
            slots.set(0, Result { () throws(ArticleError) in try ImageNormalizer.normalize(resources[0].data, options: options) })
        } else {
            DispatchQueue.concurrentPerform(iterations: resources.count) { i in
                slots.set(i, Result { () throws(ArticleError) in try ImageNormalizer.normalize(resources[i].data, options: options) })
            }
        }
        return slots.values
    }
}

/// The results of parallel work, one slot each, behind a lock.
private final class Slots: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<NormalizedImage, ArticleError>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: Result<NormalizedImage, ArticleError>) { lock.withLock { results[i] = r } }

    var values: [Result<NormalizedImage, ArticleError>] {
        lock.withLock { results.map { $0 ?? .failure(ArticleError(.io, "the image was not processed")) } }
    }
}

/// Removes references to images that were left out (or every image, for `--images none`).
private struct ImageRemover: ArticleRewriter {
    let paths: Set<String>
    let all: Bool

    func rewrite(image: ImageReference) -> ImageReference? {
        all || paths.contains(image.source) ? nil : image
    }
}
