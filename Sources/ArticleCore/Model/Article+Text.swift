extension Block {
    /// The text of the block with formatting dropped; child blocks are separated by newlines.
    public var plainText: String {
        switch self {
        case .paragraph(let c), .heading(_, let c): return c.plainText
        case .list(let l): return l.items.map { $0.blocks.map(\.plainText).joined(separator: "\n") }.joined(separator: "\n")
        case .quote(let b): return b.map(\.plainText).joined(separator: "\n")
        case .figure(let f): return f.caption.plainText
        case .code(_, let t): return t
        case .rule, .html: return ""
        case .table(let t):
            return ([t.header] + t.rows).map { $0.map(\.content.plainText).joined(separator: "\t") }.joined(separator: "\n")
        }
    }
}

extension Article {
    /// The number of words in the body (runs of letters and digits).
    public var wordCount: Int {
        var n = 0
        for b in blocks {
            var inWord = false
            for s in b.plainText.unicodeScalars {
                let w = s.properties.isAlphabetic || s.properties.numericType != nil
                if w && !inWord { n += 1 }
                inWord = w
            }
        }
        return n
    }

    /// A copy with `f` applied to every piece of text: metadata, inline text, captions, credits.
    public func mapStrings(_ f: (String) -> String) -> Article {
        var a = self
        var m = a.metadata
        m.title = m.title.map(f); m.subtitle = m.subtitle.map(f); m.authors = m.authors.map(f)
        m.dateline = m.dateline.map(f); m.source = m.source.map(f); m.tags = m.tags.map(f)
        m.summary = m.summary.map(f)
        a.metadata = m
        a.blocks = blocks.map { $0.mapStrings(f) }
        return a
    }
}

extension Block {
    func mapStrings(_ f: (String) -> String) -> Block {
        func inl(_ x: [Inline]) -> [Inline] { x.map { $0.mapStrings(f) } }
        switch self {
        case .paragraph(let c): return .paragraph(inl(c))
        case .heading(let l, let c): return .heading(level: l, content: inl(c))
        case .list(var l):
            l.items = l.items.map { ListItem(blocks: $0.blocks.map { $0.mapStrings(f) }, checked: $0.checked) }
            return .list(l)
        case .quote(let b): return .quote(b.map { $0.mapStrings(f) })
        case .figure(var fig):
            fig.caption = inl(fig.caption)
            fig.credit = fig.credit.map(f)
            if var img = fig.image { img.alt = f(img.alt); fig.image = img }
            return .figure(fig)
        case .code, .rule, .html: return self
        case .table(var t):
            t.header = t.header.map { TableCell(inl($0.content)) }
            t.rows = t.rows.map { $0.map { TableCell(inl($0.content)) } }
            return .table(t)
        }
    }
}

extension Inline {
    func mapStrings(_ f: (String) -> String) -> Inline {
        func inl(_ x: [Inline]) -> [Inline] { x.map { $0.mapStrings(f) } }
        switch self {
        case .text(let s): return .text(f(s))
        case .emphasis(let c): return .emphasis(inl(c))
        case .strong(let c): return .strong(inl(c))
        case .strikethrough(let c): return .strikethrough(inl(c))
        case .link(let u, let t, let c): return .link(url: u, title: t.map(f), content: inl(c))
        case .image(var r): r.alt = f(r.alt); return .image(r)
        case .code, .lineBreak, .softBreak, .html: return self
        }
    }
}
