import Foundation

/// Turns a fragment of raw HTML, which may be malformed, into well-formed XHTML paragraphs of
/// phrasing content: block elements (`p`, `div`, `li`, `tr`, headings…) split paragraphs;
/// simple formatting without attributes (`b`, `i`, `em`, `strong`, `sub`, `sup`, `code`…) and
/// `br` are kept and balanced; script-like elements are dropped with their content; every
/// other tag is dropped and its text kept. Used where markup must be valid XML (EPUB).
public enum XHTMLPhrasing {
    /// Elements kept, all without attributes.
    static let kept: Set<String> = [
        "b", "i", "em", "strong", "sub", "sup", "code", "small", "u", "s", "mark", "del", "ins",
        "kbd", "var", "cite", "abbr", "q", "dfn", "samp",
    ]
    /// Elements whose content is dropped too.
    static let dropped: Set<String> = [
        "script", "style", "iframe", "object", "noscript", "template", "svg", "math", "head",
        "title", "select", "textarea", "button", "video", "audio", "canvas",
    ]
    /// Elements that end a paragraph where they open or close.
    static let blocks: Set<String> = [
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "thead", "tbody", "tfoot",
        "caption", "blockquote", "section", "article", "aside", "header", "footer", "nav", "main",
        "figure", "figcaption", "pre", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "address",
        "details", "summary", "form", "fieldset", "center",
    ]

    /// The paragraphs of `html`, each well-formed XHTML phrasing content with some text.
    public static func paragraphs(fromHTML html: String) -> [String] {
        var paragraphs: [String] = []
        var current = ""
        var hasText = false
        var open: [String] = []
        var skipUntil: String?

        func flush() {
            for name in open.reversed() { current += "</\(name)>" }
            open.removeAll()
            if hasText { paragraphs.append(current.trimmingWhitespace) }
            current = ""
            hasText = false
        }
        func text(_ s: Substring) {
            guard skipUntil == nil, !s.isEmpty else { return }
            let decoded = XHTMLEscaping.decodeEntities(String(s))
            if decoded.contains(where: { !$0.isWhitespace }) { hasText = true }
            current += XHTMLEscaping.text(decoded)
        }

        var rest = Substring(html)
        while let lt = rest.firstIndex(of: "<") {
            text(rest[..<lt])
            let afterLT = rest[rest.index(after: lt)...]
            if afterLT.hasPrefix("!--") {
                guard let end = afterLT.range(of: "-->") else { rest = ""; break }
                rest = afterLT[end.upperBound...]
                continue
            }
            guard let gt = afterLT.firstIndex(of: ">") else {
                text(rest[lt...])
                rest = ""
                break
            }
            let tag = afterLT[..<gt]
            rest = afterLT[afterLT.index(after: gt)...]
            let closing = tag.hasPrefix("/")
            let name = String((closing ? tag.dropFirst() : tag).prefix { $0.isLetter || $0.isNumber }).lowercased()
            if name.isEmpty {
                if !(tag.hasPrefix("!") || tag.hasPrefix("?") || closing) { text("<" + tag + ">") }
                continue
            }
            if let skip = skipUntil {
                if closing && name == skip { skipUntil = nil }
                continue
            }
            if dropped.contains(name) {
                if !closing && !tag.hasSuffix("/") { skipUntil = name }
            } else if blocks.contains(name) {
                flush()
            } else if name == "td" || name == "th" {
                if !closing && hasText { current += " " }
            } else if name == "br" {
                current += "<br/>"
            } else if name == "img" {
                if let alt = attribute("alt", in: tag) { text(Substring(alt)) }
            } else if kept.contains(name) {
                if closing {
                    if let i = open.lastIndex(of: name) {
                        for n in open[i...].reversed() { current += "</\(n)>" }
                        open.removeSubrange(i...)
                    }
                } else if !tag.hasSuffix("/") {
                    open.append(name)
                    current += "<\(name)>"
                }
            }
        }
        text(rest)
        flush()
        return paragraphs
    }

    /// The value of attribute `name` in the inside of a start tag, entities left encoded.
    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let r = tag.range(of: " " + name + "=", options: .caseInsensitive) else { return nil }
        var value = tag[r.upperBound...]
        if let q = value.first, q == "\"" || q == "'" {
            value = value.dropFirst()
            return String(value.prefix { $0 != q })
        }
        return String(value.prefix { !$0.isWhitespace && $0 != "/" })
    }
}
