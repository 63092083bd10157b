import ArticleCore

extension XHTMLRenderer {
    /// Renders inlines (text, emphasis, links, images, breaks) into `out`.
    public func renderInlines(_ inlines: [Inline], into out: inout String) {
        for inline in inlines { renderInline(inline, into: &out) }
    }

    func renderInline(_ inline: Inline, into out: inout String) {
        switch inline {
        case .text(let s): out += XHTMLEscaping.text(s)
        case .emphasis(let c): wrap("em", c, into: &out)
        case .strong(let c): wrap("strong", c, into: &out)
        case .strikethrough(let c): wrap("s", c, into: &out)
        case .code(let s): out += "<code>\(XHTMLEscaping.text(s))</code>"
        case .link(let url, let title, let content):
            if let href = linkTarget(url) {
                out += "<a href=\"\(XHTMLEscaping.attribute(href))\""
                if let t = nonEmpty(title) { out += " title=\"\(XHTMLEscaping.attribute(t))\"" }
                out += ">"
                renderInlines(content, into: &out)
                out += "</a>"
            } else {
                renderInlines(content, into: &out)
            }
        case .image(let ref):
            if let src = imageSource(ref) {
                out += "<img src=\"\(XHTMLEscaping.attribute(src))\" alt=\"\(XHTMLEscaping.attribute(ref.alt))\"/>"
            } else if !ref.alt.isEmpty {
                out += XHTMLEscaping.text(ref.alt)
            }
        case .lineBreak: out += "<br/>\n"
        case .softBreak: out += "\n"
        case .html(let html):
            switch rawHTML {
            case .sanitize: out += HTMLSanitizer.sanitize(html: html)
            case .emit: out += html
            case .text: out += XHTMLEscaping.text(XHTMLEscaping.textOfHTML(html))
            }
        }
    }

    func wrap(_ tag: String, _ content: [Inline], into out: inout String) {
        out += "<\(tag)>"
        renderInlines(content, into: &out)
        out += "</\(tag)>"
    }
}
