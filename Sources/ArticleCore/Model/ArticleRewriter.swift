/// A pass that rewrites an article's body, overriding only the nodes it cares about: the one
/// tree walk behind Unicode normalisation, the local-file policy, the HTML sanitizer and image
/// collection (the pattern of swift-markdown's `MarkupRewriter`).
///
/// The walk is bottom-up: a node's children are rewritten first, then the node itself is handed
/// to the matching method. Every method has a default that keeps the node as it is.
///
/// ```swift
/// struct DropImages: ArticleRewriter {
///     mutating func rewrite(image: ImageReference) -> ImageReference? { nil }
/// }
/// var pass = DropImages()
/// let textOnly = pass.rewrite(article)
/// ```
public protocol ArticleRewriter {
    /// What replaces `block`, whose children were already rewritten: `[block]` keeps it, `[]`
    /// drops it, several blocks take its place.
    mutating func rewrite(block: Block) -> [Block]
    /// What replaces `inline`, whose children were already rewritten.
    mutating func rewrite(inline: Inline) -> [Inline]
    /// What replaces an image reference: a figure's image or an inline image, seen before the
    /// node that holds it. `nil` removes the image: a figure keeps its caption and credit, an
    /// inline image leaves its alternative text.
    mutating func rewrite(image: ImageReference) -> ImageReference?
}

extension ArticleRewriter {
    public mutating func rewrite(block: Block) -> [Block] { [block] }
    public mutating func rewrite(inline: Inline) -> [Inline] { [inline] }
    public mutating func rewrite(image: ImageReference) -> ImageReference? { image }

    /// The article with its body rewritten; metadata and resources are kept.
    public mutating func rewrite(_ article: Article) -> Article {
        var a = article
        a.blocks = rewrite(blocks: article.blocks)
        return a
    }

    /// The blocks, each rewritten with its children.
    public mutating func rewrite(blocks: [Block]) -> [Block] {
        var out: [Block] = []
        out.reserveCapacity(blocks.count)
        for b in blocks { out += rewrite(block: rewritingChildren(of: b)) }
        return out
    }

    /// The inlines, each rewritten with its children.
    public mutating func rewrite(inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        out.reserveCapacity(inlines.count)
        for i in inlines {
            switch i {
            case .emphasis(let c): out += rewrite(inline: .emphasis(rewrite(inlines: c)))
            case .strong(let c): out += rewrite(inline: .strong(rewrite(inlines: c)))
            case .strikethrough(let c): out += rewrite(inline: .strikethrough(rewrite(inlines: c)))
            case .link(let url, let title, let c): out += rewrite(inline: .link(url: url, title: title, content: rewrite(inlines: c)))
            case .image(let r):
                if let kept = rewrite(image: r) {
                    out += rewrite(inline: .image(kept))
                } else if !r.alt.isEmpty {
                    out += rewrite(inline: .text(r.alt))
                }
            case .text, .code, .lineBreak, .softBreak, .html: out += rewrite(inline: i)
            }
        }
        return out
    }

    private mutating func rewritingChildren(of block: Block) -> Block {
        switch block {
        case .paragraph(let c): return .paragraph(rewrite(inlines: c))
        case .heading(let level, let c): return .heading(level: level, content: rewrite(inlines: c))
        case .list(var l):
            l.items = l.items.map { ListItem(blocks: rewrite(blocks: $0.blocks), checked: $0.checked) }
            return .list(l)
        case .quote(let b): return .quote(rewrite(blocks: b))
        case .figure(var f):
            f.image = f.image.flatMap { rewrite(image: $0) }
            f.caption = rewrite(inlines: f.caption)
            return .figure(f)
        case .table(var t):
            t.header = t.header.map { TableCell(rewrite(inlines: $0.content)) }
            t.rows = t.rows.map { $0.map { TableCell(rewrite(inlines: $0.content)) } }
            return .table(t)
        case .code, .rule, .html: return block
        }
    }
}

/// A read-only pass over an article's body, top-down, that can stop early: the walk behind
/// checks such as "is any string not yet in NFC" and image collection, which need no new tree.
public protocol ArticleVisitor {
    /// Sees a block before its children; `false` stops the whole walk.
    mutating func visit(block: Block) -> Bool
    /// Sees an inline before its children; `false` stops the whole walk.
    mutating func visit(inline: Inline) -> Bool
    /// Sees each image reference (a figure's image, an inline image); `false` stops the walk.
    mutating func visit(image: ImageReference) -> Bool
}

extension ArticleVisitor {
    public mutating func visit(block: Block) -> Bool { true }
    public mutating func visit(inline: Inline) -> Bool { true }
    public mutating func visit(image: ImageReference) -> Bool { true }

    /// Walks the blocks in reading order; `false` when a method stopped the walk.
    @discardableResult
    public mutating func walk(blocks: [Block]) -> Bool {
        for b in blocks {
            guard visit(block: b) else { return false }
            switch b {
            case .paragraph(let c), .heading(_, let c): guard walk(inlines: c) else { return false }
            case .list(let l): for item in l.items { guard walk(blocks: item.blocks) else { return false } }
            case .quote(let bs): guard walk(blocks: bs) else { return false }
            case .figure(let f):
                if let img = f.image { guard visit(image: img) else { return false } }
                guard walk(inlines: f.caption) else { return false }
            case .table(let t):
                for cell in t.header { guard walk(inlines: cell.content) else { return false } }
                for row in t.rows { for cell in row { guard walk(inlines: cell.content) else { return false } } }
            case .code, .rule, .html: break
            }
        }
        return true
    }

    /// Walks the inlines in reading order; `false` when a method stopped the walk.
    @discardableResult
    public mutating func walk(inlines: [Inline]) -> Bool {
        for i in inlines {
            guard visit(inline: i) else { return false }
            switch i {
            case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c):
                guard walk(inlines: c) else { return false }
            case .image(let r): guard visit(image: r) else { return false }
            case .text, .code, .lineBreak, .softBreak, .html: break
            }
        }
        return true
    }
}
