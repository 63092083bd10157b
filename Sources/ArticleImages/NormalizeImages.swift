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
        for r in article.resources {
            if options.mode == .none {
                dropped.insert(r.path)
                continue
            }
            do {
                let image = try ImageNormalizer.normalize(r.data, options: options)
                kept.append(Resource(path: r.path, mediaType: image.mediaType, data: image.data))
            } catch {
                dropped.insert(r.path)
                context.warn("image \(r.path) left out: \(error.message)")
            }
        }
        result.resources = kept
        var remover = ImageRemover(paths: dropped, all: options.mode == .none)
        return remover.rewrite(result)
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
