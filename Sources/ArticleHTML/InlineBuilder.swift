import ArticleCore
import ArticleSupport

/// Turns the inline markup of an element (text, emphasis, links, code, line breaks) into the
/// model's inlines, with white space collapsed as a browser would and links made absolute.
struct InlineBuilder {
    let resolver: URLResolver
    /// Whether an element is furniture to leave out (share buttons inside a paragraph).
    let skip: (XMLNode) -> Bool

    /// The inlines of `node`'s content, white space collapsed and trimmed at both ends.
    func inlines(of node: XMLNode) -> [Inline] {
        var out: [Inline] = []
        append(childrenOf: node, to: &out, depth: 0)
        return Self.normalize(out)
    }

    /// The inlines of several sibling nodes (a run of bare text and inline elements).
    func inlines(of nodes: [XMLNode]) -> [Inline] {
        var out: [Inline] = []
        for n in nodes { append(n, to: &out, depth: 0) }
        return Self.normalize(out)
    }

    private func append(childrenOf node: XMLNode, to out: inout [Inline], depth: Int) {
        for child in node.children { append(child, to: &out, depth: depth + 1) }
    }

    private func append(_ node: XMLNode, to out: inout [Inline], depth: Int) {
        switch node.kind {
        case .text:
            out.append(.text(node.content))
            return
        case .element: break
        default: return
        }
        guard depth < 200, !skip(node) else { return }
        func content() -> [Inline] {
            var c: [Inline] = []
            append(childrenOf: node, to: &c, depth: depth)
            return c
        }
        switch node.name {
        case "br": out.append(.lineBreak)
        case "em", "i", "cite", "dfn", "var": wrap(content(), Inline.emphasis, into: &out)
        case "strong", "b": wrap(content(), Inline.strong, into: &out)
        case "s", "strike", "del": wrap(content(), Inline.strikethrough, into: &out)
        case "code", "kbd", "samp", "tt":
            let t = node.text
            if !t.isEmpty { out.append(.code(t)) }
        case "a":
            let c = content()
            if let href = node.attribute("href"), let url = resolver.link(href) {
                if !c.isEmpty { out.append(.link(url: url, title: node.attribute("title"), content: c)) }
            } else {
                out += c
            }
        case "img", "amp-img", "picture", "figure", "svg", "video", "audio", "iframe", "script", "style", "noscript", "button":
            return
        case "q":
            out.append(.text("“")); out += content(); out.append(.text("”"))
        case "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "dt", "dd":
            // Block markup inside inline content: keep the words apart.
            out.append(.text(" ")); out += content(); out.append(.text(" "))
        default:
            out += content()
        }
    }

    private func wrap(_ c: [Inline], _ make: ([Inline]) -> Inline, into out: inout [Inline]) {
        if c.isEmpty { return }
        out.append(make(c))
    }

    // MARK: - White space

    /// Collapses runs of white space to one space across element boundaries, merges adjacent
    /// text, drops empty wrappers, and trims the start and the end.
    static func normalize(_ inlines: [Inline]) -> [Inline] {
        var lastWasSpace = true
        var out = collapse(inlines, lastWasSpace: &lastWasSpace)
        trimEnd(&out)
        return out
    }

    private static func collapse(_ inlines: [Inline], lastWasSpace: inout Bool) -> [Inline] {
        var out: [Inline] = []
        for inline in inlines {
            switch inline {
            case .text(let s):
                let t = collapseSpaces(s, lastWasSpace: &lastWasSpace)
                if t.isEmpty { continue }
                if case .text(let prev)? = out.last { out[out.count - 1] = .text(prev + t) } else { out.append(.text(t)) }
            case .emphasis(let c):
                let x = collapse(c, lastWasSpace: &lastWasSpace)
                if !x.isEmpty { out.append(.emphasis(x)) }
            case .strong(let c):
                let x = collapse(c, lastWasSpace: &lastWasSpace)
                if !x.isEmpty { out.append(.strong(x)) }
            case .strikethrough(let c):
                let x = collapse(c, lastWasSpace: &lastWasSpace)
                if !x.isEmpty { out.append(.strikethrough(x)) }
            case .link(let u, let t, let c):
                let x = collapse(c, lastWasSpace: &lastWasSpace)
                if !x.isEmpty { out.append(.link(url: u, title: t, content: x)) }
            case .lineBreak:
                trimEnd(&out)
                if !out.isEmpty { out.append(.lineBreak) }
                lastWasSpace = true
            case .code:
                out.append(inline)
                lastWasSpace = false
            default:
                out.append(inline)
            }
        }
        return out
    }

    /// `s` with each run of white space (space, tab, newline, carriage return, form feed)
    /// turned into one space, none at the start when `lastWasSpace`. The white space is ASCII,
    /// so the bytes are rewritten in place of the scalars (appending scalar by scalar was most
    /// of `normalize`, 3% of the page benchmark).
    static func collapseSpaces(_ s: String, lastWasSpace: inout Bool) -> String {
        var s = s
        var wasSpace = lastWasSpace
        let t = s.withUTF8 { utf8 in
            String(unsafeUninitializedCapacity: utf8.count) { out in
                var n = 0
                for b in utf8 {
                    if b == 32 || b == 10 || b == 9 || b == 13 || b == 12 {
                        if !wasSpace { out[n] = 32; n += 1; wasSpace = true }
                    } else {
                        out[n] = b
                        n += 1
                        wasSpace = false
                    }
                }
                return n
            }
        }
        lastWasSpace = wasSpace
        return t
    }

    /// Removes trailing spaces and line breaks.
    static func trimEnd(_ out: inout [Inline]) {
        while let last = out.last {
            switch last {
            case .lineBreak, .softBreak:
                out.removeLast()
            case .text(let s):
                var t = Substring(s)
                while t.last == " " { t = t.dropLast() }
                if t.isEmpty { out.removeLast() } else { out[out.count - 1] = .text(String(t)); return }
            case .emphasis(var c):
                trimEnd(&c)
                if c.isEmpty { out.removeLast() } else { out[out.count - 1] = .emphasis(c); return }
            case .strong(var c):
                trimEnd(&c)
                if c.isEmpty { out.removeLast() } else { out[out.count - 1] = .strong(c); return }
            case .link(let u, let t, var c):
                trimEnd(&c)
                if c.isEmpty { out.removeLast() } else { out[out.count - 1] = .link(url: u, title: t, content: c); return }
            default:
                return
            }
        }
    }
}
