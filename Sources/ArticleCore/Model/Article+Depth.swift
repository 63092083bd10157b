extension Article {
    /// The deepest nesting of blocks (quotes, lists) and of inlines (emphasis, links) that
    /// ``limitingDepth()`` keeps: as deep as any reader accepts (Markdown's limit), far below
    /// what the writers' recursion can take.
    public static let maximumNesting = 256

    /// The article with blocks and inlines nested deeper than ``maximumNesting`` flattened:
    /// the content of the deeper quotes and lists moves up into the deepest one kept, and deeper
    /// emphasis and links become their text. Writers call it first, so an article built in code
    /// with 100,000 nested quotes is written instead of overflowing the stack.
    ///
    /// An article within the limit comes back unchanged; finding out costs one walk that never
    /// goes deeper than the limit itself, and flattening uses explicit stacks, not recursion.
    public func limitingDepth() -> Article {
        guard Self.exceeds(blocks, depth: 0) else { return self }
        var a = self
        a.blocks = Self.limit(blocks, depth: 0)
        return a
    }

    /// The articles, each with ``limitingDepth()`` applied.
    public static func limitingDepth(_ articles: [Article]) -> [Article] {
        articles.map { $0.limitingDepth() }
    }

    // MARK: Finding out (recursion bounded by the limit)

    private static func exceeds(_ blocks: [Block], depth: Int) -> Bool {
        if depth >= maximumNesting { return blocks.contains { $0.isContainer } || blocks.contains { exceeds($0.inlines, depth: 0) } }
        for b in blocks {
            switch b {
            case .quote(let c): if exceeds(c, depth: depth + 1) { return true }
            case .list(let l): if l.items.contains(where: { exceeds($0.blocks, depth: depth + 1) }) { return true }
            default: if exceeds(b.inlines, depth: 0) { return true }
            }
        }
        return false
    }

    private static func exceeds(_ inlines: [Inline], depth: Int) -> Bool {
        for i in inlines {
            guard let c = i.children else { continue }
            if depth + 1 >= maximumNesting ? c.contains { $0.children != nil } : exceeds(c, depth: depth + 1) { return true }
        }
        return false
    }

    // MARK: Flattening

    private static func limit(_ blocks: [Block], depth: Int) -> [Block] {
        blocks.map { b in
            switch b {
            case .quote(let c):
                return .quote(depth + 1 >= maximumNesting ? leaves(c) : limit(c, depth: depth + 1))
            case .list(var l):
                for k in l.items.indices {
                    l.items[k].blocks = depth + 1 >= maximumNesting ? leaves(l.items[k].blocks) : limit(l.items[k].blocks, depth: depth + 1)
                }
                return .list(l)
            default:
                return limitingInlines(b)
            }
        }
    }

    /// The blocks inside `blocks` that hold no blocks, in reading order, with their inlines limited.
    private static func leaves(_ blocks: [Block]) -> [Block] {
        var out: [Block] = []
        var stack: [IndexingIterator<[Block]>] = [blocks.makeIterator()]
        while let top = stack.indices.last {
            guard let b = stack[top].next() else { stack.removeLast(); continue }
            switch b {
            case .quote(let c): stack.append(c.makeIterator())
            case .list(let l): stack.append(l.items.flatMap(\.blocks).makeIterator())
            default: out.append(limitingInlines(b))
            }
        }
        return out
    }

    private static func limitingInlines(_ b: Block) -> Block {
        switch b {
        case .paragraph(let c): return .paragraph(limit(c, depth: 0))
        case .heading(let level, let c): return .heading(level: level, content: limit(c, depth: 0))
        case .figure(var f): f.caption = limit(f.caption, depth: 0); return .figure(f)
        case .table(var t):
            for k in t.header.indices { t.header[k].content = limit(t.header[k].content, depth: 0) }
            for r in t.rows.indices { for k in t.rows[r].indices { t.rows[r][k].content = limit(t.rows[r][k].content, depth: 0) } }
            return .table(t)
        default: return b
        }
    }

    private static func limit(_ inlines: [Inline], depth: Int) -> [Inline] {
        inlines.map { i in
            guard let c = i.children else { return i }
            let inner = depth + 1 >= maximumNesting ? leaves(c) : limit(c, depth: depth + 1)
            switch i {
            case .emphasis: return .emphasis(inner)
            case .strong: return .strong(inner)
            case .strikethrough: return .strikethrough(inner)
            case .link(let url, let title, _): return .link(url: url, title: title, content: inner)
            default: return i
            }
        }
    }

    /// The inlines inside `inlines` that hold no inlines, in reading order.
    private static func leaves(_ inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        var stack: [IndexingIterator<[Inline]>] = [inlines.makeIterator()]
        while let top = stack.indices.last {
            guard let i = stack[top].next() else { stack.removeLast(); continue }
            if let c = i.children { stack.append(c.makeIterator()) } else { out.append(i) }
        }
        return out
    }
}

extension Block {
    fileprivate var isContainer: Bool {
        switch self {
        case .quote, .list: return true
        default: return false
        }
    }

    /// The inlines a leaf block holds directly (a table's cells, a figure's caption).
    fileprivate var inlines: [Inline] {
        switch self {
        case .paragraph(let c), .heading(_, let c): return c
        case .figure(let f): return f.caption
        case .table(let t): return t.header.flatMap(\.content) + t.rows.flatMap { $0.flatMap(\.content) }
        default: return []
        }
    }
}

extension Inline {
    fileprivate var children: [Inline]? {
        switch self {
        case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c): return c
        default: return nil
        }
    }
}
