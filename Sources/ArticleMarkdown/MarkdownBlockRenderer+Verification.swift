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
            let log = MarkdownInlineRenderer.TagLog()
            renderer.tagLog = log
            let markdown = render(renderer)
            // A span written as its HTML tag comes back as raw HTML around its content.
            var index = 0
            let expectedBack = log.tagged.contains(true) ? normalized(withTags(expected, log.tagged, &index)) : target
            if let blocks = try? CmarkParser.parse(markdown), blocks.count == 1, normalized(blocks[0]) == expectedBack {
                return markdown
            }
        }
        var renderer = base
        renderer.mode = .tags
        return render(renderer)
    }

    private static func withTags(_ block: Block, _ tagged: [Bool], _ index: inout Int) -> Block {
        switch block {
        case .paragraph(let c): return .paragraph(withTags(c, tagged, &index))
        case .heading(let level, let c): return .heading(level: level, content: withTags(c, tagged, &index))
        default: return block
        }
    }

    /// `inlines` with each span the log marks as tagged replaced by its tags and content.
    private static func withTags(_ inlines: [Inline], _ tagged: [Bool], _ index: inout Int) -> [Inline] {
        var out: [Inline] = []
        for inline in inlines {
            let tag: String
            let children: [Inline]
            switch inline {
            case .emphasis(let c): tag = "em"; children = c
            case .strong(let c): tag = "strong"; children = c
            case .strikethrough(let c): tag = "del"; children = c
            case .link(let url, let title, let c):
                out.append(.link(url: url, title: title, content: withTags(c, tagged, &index)))
                continue
            default:
                out.append(inline)
                continue
            }
            let isTagged = index < tagged.count && tagged[index]
            index += 1
            let inner = withTags(children, tagged, &index)
            if isTagged {
                out.append(.html("<\(tag)>"))
                out += inner
                out.append(.html("</\(tag)>"))
            } else {
                switch inline {
                case .emphasis: out.append(.emphasis(inner))
                case .strong: out.append(.strong(inner))
                default: out.append(.strikethrough(inner))
                }
            }
        }
        return out
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
