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
        return withoutActuallyEscaping(f) { f in
            var pass = StringMapper(f: f)
            return pass.rewrite(a)
        }
    }
}

/// The rewriter behind ``Article/mapStrings(_:)``: text, link titles, alternative text and credits.
private struct StringMapper: ArticleRewriter {
    let f: (String) -> String

    func rewrite(block: Block) -> [Block] {
        guard case .figure(var fig) = block else { return [block] }
        fig.credit = fig.credit.map(f)
        return [.figure(fig)]
    }

    func rewrite(inline: Inline) -> [Inline] {
        switch inline {
        case .text(let s): return [.text(f(s))]
        case .link(let u, let t, let c): return [.link(url: u, title: t.map(f), content: c)]
        default: return [inline]
        }
    }

    func rewrite(image: ImageReference) -> ImageReference? {
        var r = image
        r.alt = f(r.alt)
        return r
    }
}
