import ArticleCore
import Foundation

/// Images inside a book: a chapter's `<img src="../images/a.png">` becomes a resource with the
/// image's bytes, and the block refers to it by its path in the book.
enum EPUBImages {
    static let scheme = "epub:/"

    /// The blocks with every `epub:/` image reference turned into a path in the book, and each
    /// such image's bytes added to `resources`.
    static func localize(_ blocks: [Block], archive: EPUBArchive, resources: inout [Resource]) -> [Block] {
        var pass = Localizer(archive: archive, resources: resources)
        let out = pass.rewrite(blocks: blocks)
        resources = pass.resources
        return out
    }

    private struct Localizer: ArticleRewriter {
        let archive: EPUBArchive
        var resources: [Resource]

        mutating func rewrite(image ref: ImageReference) -> ImageReference? {
            guard ref.source.hasPrefix(scheme) else { return ref }
            let path = EPUBPath.normalize(String(ref.source.dropFirst(scheme.count)))
            var out = ref
            out.source = path
            if !resources.contains(where: { $0.path == path }), archive.contains(path), let data = try? archive.data(path),
               let type = ImageType.sniff(data) {
                resources.append(Resource(path: path, mediaType: type.mediaType, data: data))
            }
            return out
        }

        func rewrite(inline: Inline) -> [Inline] {
            // A link to another chapter of the same book has no meaning outside it.
            guard case .link(let u, let t, let c) = inline, u.hasPrefix(scheme) else { return [inline] }
            return [.link(url: String(u.dropFirst(scheme.count)), title: t, content: c)]
        }
    }
}
