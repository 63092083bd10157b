import ArticleCore
import Foundation

/// Loads the images an article refers to by a local path or `file:` URL into the article's
/// resources, while the folder of its input is still known, as ``/ArticleCore/LocalFilePolicy``
/// allows: only regular image files inside the document's folder tree (or a
/// `--resource-path` folder), and nothing at all for a document from a book or the network.
///
/// A reference the policy refuses, or whose file is missing, is removed from the article with a
/// warning naming it and the reason ("image /etc/passwd left out: outside the document's
/// folder"); a figure keeps its caption and credit, an inline image its alternative text. The
/// step runs once per article before any writer, so no output of the run (JSON, HTML, Markdown
/// beside the book) carries a refused file's bytes or its path. URLs, `data:` URIs and images
/// already in the resources are left alone.
///
/// The EPUB writer asks for this step through ``/ArticleCore/ArticleWriter/inputTransforms``.
public struct EmbedLocalImages: ArticleTransform {
    /// `embed-local-images`.
    public let name = "embed-local-images"

    /// Creates the step.
    public init() {}

    /// The article with its allowed local images added to its resources and its refused ones
    /// removed.
    public func apply(to article: Article, context: inout ConversionContext) throws(ArticleError) -> Article {
        var collector = ImageSources()
        collector.walk(blocks: article.blocks)
        var seen = Set(article.resources.map(\.path))
        let sources = collector.sources.filter { seen.insert($0).inserted && LocalFilePolicy.localPath(of: $0) != nil }
        if sources.isEmpty { return article }
        let policy = LocalFilePolicy(context: context)
        var result = article
        var refused: Set<String> = []
        for source in sources {
            switch policy.image(for: source) {
            case .success(let image)?:
                result.resources.append(Resource(path: source, mediaType: image.format.mediaType, data: image.data))
            case .failure(let refusal)?:
                refused.insert(source)
                context.warn("image \(source) left out: \(refusal)")
            case nil:
                break
            }
        }
        if refused.isEmpty { return result }
        var remover = RefusedImageRemover(refused: refused)
        return remover.rewrite(result)
    }
}

/// Every image source of a body, in reading order.
struct ImageSources: ArticleVisitor {
    var sources: [String] = []

    mutating func visit(image: ImageReference) -> Bool {
        sources.append(image.source)
        return true
    }
}

/// Removes the images whose source was refused; a figure left with nothing (no image, caption
/// or credit) goes too.
struct RefusedImageRemover: ArticleRewriter {
    let refused: Set<String>

    func rewrite(image: ImageReference) -> ImageReference? {
        refused.contains(image.source) ? nil : image
    }

    func rewrite(block: Block) -> [Block] {
        if case .figure(let f) = block, f.image == nil, f.caption.isEmpty, (f.credit ?? "").isEmpty { return [] }
        return [block]
    }
}
