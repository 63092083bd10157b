extension HTMLSanitizer {
    /// Elements kept, with the attributes ``attributes(of:)`` allows: text structure and
    /// formatting, tables, figures and images. Nothing here loads a frame, runs script, submits
    /// data or reads its content as raw text.
    static let keptElements: Set<String> = [
        "a", "abbr", "address", "article", "aside", "b", "bdi", "bdo", "blockquote", "br", "caption",
        "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i",
        "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp",
        "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    ]

    /// Elements written as `<name/>`: they have no content and no end tag.
    static let voidElements: Set<String> = ["br", "col", "hr", "img", "wbr"]

    /// Elements dropped with everything inside them: script and style, frames and plug-ins,
    /// the document's head (`base`, `meta`, `link`, `title`), form controls, media, and the
    /// foreign and raw-text elements a parser and a browser may read differently (`svg`,
    /// `math`, `noscript`, `template`, `xmp`, `plaintext`).
    static let droppedElements: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "noframes", "object", "embed", "applet",
        "param", "noscript", "noembed", "template", "svg", "math", "textarea", "select", "option",
        "optgroup", "input", "head", "title", "base", "meta", "link", "xmp", "plaintext", "listing",
        "canvas", "audio", "video", "source", "track", "portal", "datalist", "output", "keygen",
    ]

    /// Attributes allowed on every kept element. No `style` (CSS can load URLs and, in old
    /// browsers, run `expression(…)`), no event handlers (`on…`), no `srcset`.
    static let globalAttributes: Set<String> = ["class", "dir", "id", "lang", "title"]

    /// Attributes that hold a link (checked with ``/ArticleCore/URLSafety/isSafeLink(_:)``) or an
    /// image source (``/ArticleCore/URLSafety/isSafeImageSource(_:)``).
    enum URLKind { case link, image }

    /// The attributes `element` may have besides the global ones, and which of them are URLs.
    static func attributes(of element: String) -> [String: URLKind?] {
        switch element {
        case "a": return ["href": .link, "name": nil, "rel": nil, "hreflang": nil]
        case "img": return ["src": .image, "alt": nil, "width": nil, "height": nil]
        case "q", "blockquote": return ["cite": .link]
        case "del", "ins": return ["cite": .link, "datetime": nil]
        case "td": return ["colspan": nil, "rowspan": nil, "headers": nil, "align": nil]
        case "th": return ["colspan": nil, "rowspan": nil, "headers": nil, "align": nil, "scope": nil, "abbr": nil]
        case "col", "colgroup": return ["span": nil]
        case "ol": return ["start": nil, "reversed": nil, "type": nil]
        case "li": return ["value": nil]
        case "time": return ["datetime": nil]
        case "details": return ["open": nil]
        default: return [:]
        }
    }
}
