import ArticleCore
import Foundation

/// Images inside a book: a chapter's `<img src="../images/a.png">` becomes a resource with the
/// image's bytes, and the block refers to it by its path in the book.
enum EPUBImages {
    static let scheme = "epub:/"

    static func localize(_ block: Block, archive: EPUBArchive, resources: inout [Resource]) -> Block {
        func fix(_ ref: ImageReference) -> ImageReference {
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
        func inl(_ x: [Inline]) -> [Inline] {
            x.map { i in
                switch i {
                case .image(let r): return .image(fix(r))
                case .emphasis(let c): return .emphasis(inl(c))
                case .strong(let c): return .strong(inl(c))
                case .strikethrough(let c): return .strikethrough(inl(c))
                case .link(let u, let t, let c):
                    // A link to another chapter of the same book has no meaning outside it.
                    let url = u.hasPrefix(scheme) ? String(u.dropFirst(scheme.count)) : u
                    return .link(url: url, title: t, content: inl(c))
                default: return i
                }
            }
        }
        switch block {
        case .paragraph(let c): return .paragraph(inl(c))
        case .heading(let l, let c): return .heading(level: l, content: inl(c))
        case .figure(var f):
            f.image = f.image.map(fix)
            f.caption = inl(f.caption)
            return .figure(f)
        case .list(var l):
            l.items = l.items.map { ListItem(blocks: $0.blocks.map { localize($0, archive: archive, resources: &resources) }, checked: $0.checked) }
            return .list(l)
        case .quote(let b): return .quote(b.map { localize($0, archive: archive, resources: &resources) })
        case .table(var t):
            t.header = t.header.map { TableCell(inl($0.content)) }
            t.rows = t.rows.map { $0.map { TableCell(inl($0.content)) } }
            return .table(t)
        case .code, .rule, .html: return block
        }
    }
}
