import ArticleCore

/// Renders an article as XHTML markup: a header block (title, subtitle, byline, date, source),
/// then the body. The output is well-formed XML and valid HTML5 at once, so the HTML writer
/// and the EPUB writer share it.
///
/// ```swift
/// let renderer = XHTMLRenderer()
/// let rendered = renderer.render(article)
/// print(rendered.markup)      // <article>…</article>
/// ```
public struct XHTMLRenderer {
    /// What to do with raw HTML the article kept (``/ArticleCore/Block/html(_:)``, ``/ArticleCore/Inline/html(_:)``).
    public enum RawHTMLPolicy: Sendable {
        /// Emit it through ``HTMLSanitizer/sanitize(html:)``: allowlisted markup only, no
        /// script, handlers or unsafe URLs.
        case sanitize
        /// Emit it as it is: for HTML already sanitized (``HTMLSanitizer/sanitize(_:)``, as the
        /// HTML writer does) or trusted (`--raw-html`).
        case emit
        /// Emit its text, with its paragraphs and simple formatting (``XHTMLPhrasing``), as
        /// well-formed XHTML (EPUB, where markup that is not well-formed XML or not allowed by
        /// the EPUB schema would make the book invalid).
        case text
    }

    /// One heading of the rendered article, for a table of contents.
    public struct Heading: Hashable, Sendable {
        /// The level after rendering (2 to 6; the title is level 1).
        public var level: Int
        /// The heading's text.
        public var text: String
        /// The `id` of the heading element.
        public var id: String
    }

    /// The markup of one article and what a table of contents needs.
    public struct Rendered: Sendable {
        /// The `<article>` element with the header block and the body.
        public var markup: String
        /// The `id` of the title heading, or `nil` when the article has no title to show.
        public var titleID: String?
        /// The headings of the body, in order.
        public var headings: [Heading]
    }

    /// What to do with raw HTML; `.sanitize` by default.
    public var rawHTML: RawHTMLPolicy = .sanitize
    /// Put before every `id` the renderer makes, so that ids stay unique when several
    /// articles share one document or one book.
    public var idPrefix: String = ""
    /// The title to show when the article has none (`nil` shows no title heading).
    public var fallbackTitle: String?
    /// The `src` to write for an image, or `nil` to leave the image out (a figure keeps its
    /// caption). By default the source is written when it is a safe image URL
    /// (``XHTMLEscaping/safeImageURL(_:)``).
    public var imageSource: (ImageReference) -> String? = { XHTMLEscaping.safeImageURL($0.source) }
    /// The `href` to write for a link, or `nil` to keep only the link's text.
    public var linkTarget: (String) -> String? = { XHTMLEscaping.safeLinkURL($0) }

    /// Attributes added to the `<article>` element (`epub:type="chapter"`), written as given.
    public var articleAttributes = ""

    /// Creates a renderer with the default settings.
    public init() {}

    /// Renders the article's header block and body inside an `<article>` element.
    public func render(_ article: Article) -> Rendered {
        var state = State()
        var out = "<article\(articleAttributes.isEmpty ? "" : " " + articleAttributes) id=\"\(XHTMLEscaping.attribute(idPrefix + "article"))\">\n"
        let titleID = renderHeader(article.metadata, into: &out)
        // The title is the one h1; body headings move down a level when the body uses h1 too.
        state.headingShift = article.blocks.contains { if case .heading(1, _) = $0 { return true }; return false } ? 1 : 0
        for block in article.blocks { renderBlock(block, into: &out, state: &state) }
        out += "</article>\n"
        return Rendered(markup: out, titleID: titleID, headings: state.headings)
    }

    /// Renders the header block: title, subtitle, byline, date and dateline, source. Returns
    /// the title's id, or `nil` when no title was shown.
    @discardableResult
    public func renderHeader(_ m: Metadata, into out: inout String) -> String? {
        let title = nonEmpty(m.title) ?? fallbackTitle
        var parts = ""
        var titleID: String?
        if let title {
            let id = idPrefix + "title"
            titleID = id
            parts += "<h1 class=\"title\" id=\"\(XHTMLEscaping.attribute(id))\">\(XHTMLEscaping.text(title))</h1>\n"
        }
        if let s = nonEmpty(m.subtitle) {
            parts += "<p class=\"subtitle\">\(XHTMLEscaping.text(s))</p>\n"
        }
        let authors = m.authors.compactMap(nonEmpty)
        if !authors.isEmpty {
            parts += "<p class=\"byline\">\(authors.map(XHTMLEscaping.text).joined(separator: ", "))</p>\n"
        }
        if let date = Self.dateLine(m) {
            parts += "<p class=\"dateline\">\(date)</p>\n"
        }
        if let source = nonEmpty(m.source) ?? nonEmpty(m.url) {
            let label = XHTMLEscaping.text(source)
            // The source links to the original page, never into the book.
            if let u = nonEmpty(m.url), ["http", "https"].contains(XHTMLEscaping.scheme(of: u) ?? ""),
               let href = XHTMLEscaping.safeLinkURL(u) {
                parts += "<p class=\"source\"><a href=\"\(XHTMLEscaping.attribute(href))\">\(label)</a></p>\n"
            } else {
                parts += "<p class=\"source\">\(label)</p>\n"
            }
        }
        if !parts.isEmpty { out += "<header class=\"article-header\">\n" + parts + "</header>\n" }
        return titleID
    }

    /// The dateline as the source wrote it, in a `<time>` element when the date is known.
    static func dateLine(_ m: Metadata) -> String? {
        let shown = m.dateline.flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0.trimmingWhitespace }
        guard let published = m.published else { return shown.map(XHTMLEscaping.text) }
        var text = shown ?? String(published.iso8601.prefix(10))
        if shown == nil, published.hour != 0 || published.minute != 0 {
            text += " " + String(published.iso8601.dropFirst(11).prefix(5))
        }
        return "<time datetime=\"\(XHTMLEscaping.attribute(published.iso8601))\">\(XHTMLEscaping.text(text))</time>"
    }

    /// Renders blocks alone, with no header.
    public func render(blocks: [Block]) -> String {
        var state = State()
        var out = ""
        for block in blocks { renderBlock(block, into: &out, state: &state) }
        return out
    }

    struct State {
        var headings: [Heading] = []
        var headingShift = 0
    }

    func renderBlock(_ block: Block, into out: inout String, state: inout State) {
        switch block {
        case .paragraph(let content):
            out += "<p>"
            renderInlines(content, into: &out)
            out += "</p>\n"
        case .heading(let level, let content):
            let l = min(max(min(max(level, 1), 6) + state.headingShift, 2), 6)  // clamped first: no overflow
            let id = idPrefix + "sec-\(state.headings.count + 1)"
            state.headings.append(Heading(level: l, text: content.plainText.trimmingWhitespace, id: id))
            out += "<h\(l) id=\"\(XHTMLEscaping.attribute(id))\">"
            renderInlines(content, into: &out)
            out += "</h\(l)>\n"
        case .list(let list):
            renderList(list, into: &out, state: &state)
        case .quote(let blocks):
            out += "<blockquote>\n"
            for b in blocks { renderBlock(b, into: &out, state: &state) }
            out += "</blockquote>\n"
        case .figure(let figure):
            renderFigure(figure, into: &out)
        case .code(let language, let text):
            let cls = nonEmpty(language).map { " class=\"language-\(XHTMLEscaping.attribute($0))\"" } ?? ""
            out += "<pre><code\(cls)>\(XHTMLEscaping.text(text))</code></pre>\n"
        case .rule:
            out += "<hr/>\n"
        case .table(let table):
            renderTable(table, into: &out)
        case .html(let html):
            switch rawHTML {
            case .sanitize: out += HTMLSanitizer.sanitize(html: html) + "\n"
            case .emit: out += html + "\n"
            case .text:
                for p in XHTMLPhrasing.paragraphs(fromHTML: html) { out += "<p>\(p)</p>\n" }
            }
        }
    }

    private func renderList(_ list: ListBlock, into out: inout String, state: inout State) {
        if list.items.isEmpty { return }
        let tag = list.ordered ? "ol" : "ul"
        let start = list.ordered && list.start != 1 ? " start=\"\(list.number(ofItem: 0))\"" : ""
        out += "<\(tag)\(start)>\n"
        for item in list.items {
            out += "<li>"
            if let checked = item.checked { out += checked ? "☑ " : "☐ " }
            if list.tight, item.blocks.count == 1, case .paragraph(let content) = item.blocks[0] {
                renderInlines(content, into: &out)
            } else if list.tight, case .paragraph(let content)? = item.blocks.first {
                renderInlines(content, into: &out)
                out += "\n"
                for b in item.blocks.dropFirst() { renderBlock(b, into: &out, state: &state) }
            } else {
                for b in item.blocks { renderBlock(b, into: &out, state: &state) }
            }
            out += "</li>\n"
        }
        out += "</\(tag)>\n"
    }

    private func renderFigure(_ figure: Figure, into out: inout String) {
        let caption = figure.caption
        let credit = nonEmpty(figure.credit)
        let src = figure.image.flatMap(imageSource)
        if src == nil && caption.plainText.trimmingWhitespace.isEmpty && credit == nil { return }
        out += "<figure>\n"
        if let image = figure.image, let src {
            let alt = nonEmpty(image.alt) ?? caption.plainText.trimmingWhitespace
            out += "<img src=\"\(XHTMLEscaping.attribute(src))\" alt=\"\(XHTMLEscaping.attribute(alt))\""
            if let t = nonEmpty(image.title) { out += " title=\"\(XHTMLEscaping.attribute(t))\"" }
            out += "/>\n"
        }
        if !caption.isEmpty || credit != nil {
            out += "<figcaption>"
            renderInlines(caption, into: &out)
            if let credit {
                if !caption.isEmpty { out += " " }
                out += "<span class=\"credit\">\(XHTMLEscaping.text(credit))</span>"
            }
            out += "</figcaption>\n"
        }
        out += "</figure>\n"
    }

    private func renderTable(_ table: Table, into out: inout String) {
        if table.header.isEmpty && table.rows.isEmpty { return }
        func align(_ i: Int) -> String {
            guard i < table.alignments.count else { return "" }
            switch table.alignments[i] {
            case .none: return ""
            case .left: return " style=\"text-align: left\""
            case .center: return " style=\"text-align: center\""
            case .right: return " style=\"text-align: right\""
            }
        }
        out += "<table>\n"
        if !table.header.isEmpty {
            out += "<thead>\n<tr>"
            for (i, cell) in table.header.enumerated() {
                out += "<th\(align(i))>"
                renderInlines(cell.content, into: &out)
                out += "</th>"
            }
            out += "</tr>\n</thead>\n"
        }
        if !table.rows.isEmpty {
            out += "<tbody>\n"
            for row in table.rows {
                out += "<tr>"
                for (i, cell) in row.enumerated() {
                    out += "<td\(align(i))>"
                    renderInlines(cell.content, into: &out)
                    out += "</td>"
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n"
        }
        out += "</table>\n"
    }

    func nonEmpty(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = s.trimmingWhitespace
        return t.isEmpty ? nil : t
    }
}
