import ArticleSupport

/// Finds the element that holds the article body, the way readability-style extractors do:
/// paragraphs of running text score their ancestors by length and commas, class and id names
/// shift the score, link-heavy containers lose, and the JSON-LD `articleBody`, when a page has
/// one, picks between close candidates.
struct ContentExtractor {
    struct Stats {
        var text = 0
        var link = 0
        var commas = 0
        /// Paragraphs of running text inside (`<p>` with 80 bytes of text or more).
        var paragraphs = 0
        /// `<img>` elements inside.
        var images = 0
        /// `<figure>` and `<figcaption>` elements inside.
        var figures = 0
        var boilerplate = false
    }

    private(set) var stats: [XMLNode: Stats] = [:]
    private var scores: [XMLNode: Double] = [:]
    /// Text of the paragraphs inside each element, counted in every ancestor.
    private var paragraphText: [XMLNode: Int] = [:]
    private var order: [XMLNode] = []

    init() {}

    /// An extractor for a page of about `elements` elements: the table of measurements is
    /// sized once instead of growing (rehashing as it grew was 1% of the page benchmark).
    init(expectedElements elements: Int) {
        stats.reserveCapacity(elements)
        order.reserveCapacity(elements)
    }

    /// Text length of an element, not counting furniture inside it.
    func textLength(_ node: XMLNode) -> Int { stats[node]?.text ?? 0 }

    /// The share of an element's text that is link text.
    func linkDensity(_ node: XMLNode) -> Double {
        guard let s = stats[node], s.text > 0 else { return 0 }
        return Double(s.link) / Double(s.text)
    }

    func isBoilerplate(_ node: XMLNode) -> Bool { stats[node]?.boilerplate ?? false }

    /// Measures every element under `body` once.
    mutating func measure(_ body: XMLNode) {
        _ = measure(body, inLink: false)
    }

    private mutating func measure(_ node: XMLNode, inLink: Bool) -> Stats {
        var s = Stats()
        // The name is read once, not again for each rule and check below.
        let name = node.name
        if BoilerplateRules.isHardBoilerplate(node, name: name) {
            s.boilerplate = true
            stats[node] = s
            return s
        }
        let isLink = inLink || name == "a"
        let firstDescendant = order.count
        var direct = 0
        for child in node.children {
            switch child.kind {
            case .text:
                let m = child.textMeasure
                direct += m.bytes
                s.text += m.bytes
                s.commas += m.commas
                if isLink { s.link += m.bytes }
            case .element:
                let c = measure(child, inLink: isLink)
                if !c.boilerplate {
                    s.text += c.text
                    s.link += c.link
                    s.commas += c.commas
                    s.paragraphs += c.paragraphs
                    s.images += c.images
                    s.figures += c.figures
                }
            default: break
            }
        }
        if !isLink, direct >= 80 || (name == "p" && s.text >= 80), s.link * 2 < s.text { s.paragraphs += 1 }
        // Furniture by name only: an element that holds several paragraphs of running text is
        // kept (whole pages wrapped in a <form>, articles inside a "sidebar-enabled" layout).
        if name == "img" || name == "amp-img" { s.images += 1 }
        if name == "figure" || name == "figcaption" { s.figures += 1 }
        // Figures are never furniture by their class names ("shareable-item", "image-widget").
        let holdsFigure = s.images > 0 && s.images <= 3 && s.text < 1000
        let figureLike = name == "figure" || (holdsFigure && (s.figures > 0 || FigureExtractor.hasFigureClass(node)))
        let imageButton = name == "button" && s.images > 0
        if !figureLike, !imageButton, BoilerplateRules.looksLikeFurniture(node, name: name), !(s.paragraphs >= 3 && s.text >= 600 && s.link * 2 < s.text) {
            s.boilerplate = true
            order.removeSubrange(firstDescendant...)
            stats[node] = s
            return s
        }
        stats[node] = s
        order.append(node)
        return s
    }

    static let paragraphTags: Set<String> = ["p", "pre", "blockquote", "td", "li", "h2", "h3", "dd"]
    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "ul", "ol", "li", "table", "tr", "td", "blockquote",
        "pre", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "header", "footer", "aside", "nav", "form",
        "dl", "dt", "dd", "hr", "address", "details", "center", "tbody", "thead", "figcaption",
    ]

    /// Scores the measured elements and returns the best body containers, best first.
    mutating func candidates() -> [XMLNode] {
        for node in order {
            let name = node.name
            guard let s = stats[node], !s.boilerplate else { continue }
            var isParagraph = Self.paragraphTags.contains(name)
            if !isParagraph, name == "div" || name == "section" || name == "span" || name == "font" {
                // A container of bare text with no block children reads as a paragraph.
                isParagraph = !node.children.contains { $0.isElement && Self.blockTags.contains($0.name) }
            }
            guard isParagraph, s.text >= 25 else { continue }
            let density = Double(s.link) / Double(max(1, s.text))
            if density > 0.5 { continue }
            var up = node.parent
            while let a = up {
                paragraphText[a, default: 0] += s.text
                up = a.parent
            }
            let score = (1 + Double(s.commas) + min(Double(s.text) / 100, 3)) * (1 - density)
            var ancestor = node.parent
            var level = 0
            while let a = ancestor, level < 5 {
                let divider: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
                let base = scores[a] ?? initialScore(a)
                scores[a] = base + score / divider
                ancestor = a.parent
                level += 1
            }
        }
        var ranked: [(XMLNode, Double)] = []
        for (node, score) in scores {
            let final = score * (1 - linkDensity(node))
            ranked.append((node, final))
        }
        ranked.sort { $0.1 > $1.1 }
        return ranked.prefix(8).map(\.0)
    }

    private func initialScore(_ node: XMLNode) -> Double {
        var s: Double
        switch node.name {
        case "article": s = 10
        case "main": s = 5
        case "div", "section": s = 5
        case "pre", "td", "blockquote": s = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": s = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": s = -5
        case "body", "html": s = -10
        default: s = 0
        }
        // Class names count fully only on elements with a fair amount of text, so a small
        // "content" box does not outrank the body.
        let w = BoilerplateRules.weight(node)
        s += w > 0 ? w * min(1, Double(textLength(node)) / 1500) : w
        if node.attribute("itemprop") == "articleBody" { s += 30 }
        return s
    }

    func score(_ node: XMLNode) -> Double { scores[node] ?? 0 }

    /// The length of the paragraph text inside an element.
    func paragraphLength(_ node: XMLNode) -> Int { paragraphText[node] ?? 0 }
}
