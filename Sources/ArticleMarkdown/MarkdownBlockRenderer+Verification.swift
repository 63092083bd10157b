import ArticleCore

extension MarkdownBlockRenderer {
    /// Inline content written with the first delimiter mode whose output cmark reads back as
    /// `expected` (relaxed, strict, cautious), or else with HTML tags, which render the same. Only content with emphasis,
    /// strong emphasis or strikethrough needs the check: everything else is written in a form
    /// that has one reading.
    static func faithful(_ content: [Inline], expected: Block, base: MarkdownInlineRenderer,
                         render: (MarkdownInlineRenderer) -> String) -> String {
        guard containsDelimited(content) else { return render(base) }
        let target = normalized(expected)
        for mode in [MarkdownInlineRenderer.DelimiterMode.relaxed, .strict, .cautious] {
            var renderer = base
            renderer.mode = mode
            let markdown = render(renderer)
            if let blocks = try? CmarkParser.parse(markdown), blocks.count == 1, normalized(blocks[0]) == target {
                return markdown
            }
        }
        var renderer = base
        renderer.mode = .tags
        return render(renderer)
    }

    private static func containsDelimited(_ inlines: [Inline]) -> Bool {
        inlines.contains { inline in
            switch inline {
            case .emphasis, .strong, .strikethrough: return true
            case .link(_, _, let content): return containsDelimited(content)
            default: return false
            }
        }
    }

    /// The block as the reader would give it: adjacent text merged, empty text dropped.
    private static func normalized(_ block: Block) -> Block {
        switch block {
        case .paragraph(let c): return .paragraph(normalized(c))
        case .heading(let level, let c): return .heading(level: level, content: normalized(c))
        default: return block
        }
    }

    private static func normalized(_ inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        for inline in inlines {
            let n: Inline
            switch inline {
            case .text(let s):
                if s.isEmpty { continue }
                if case .text(let previous)? = out.last {
                    out[out.count - 1] = .text(previous + s)
                    continue
                }
                n = inline
            case .emphasis(let c): n = .emphasis(normalized(c))
            case .strong(let c): n = .strong(normalized(c))
            case .strikethrough(let c): n = .strikethrough(normalized(c))
            case .link(let url, let title, let c): n = .link(url: url, title: title, content: normalized(c))
            default: n = inline
            }
            out.append(n)
        }
        return out
    }
}
