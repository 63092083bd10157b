import ArticleCore
import ArticleSupport

/// Turns the chosen body container into the model's blocks: paragraphs, headings, lists,
/// quotes, tables, code and figures, leaving out furniture and link lists on the way.
struct BlockBuilder {
    let extractor: ContentExtractor
    let inlines: InlineBuilder
    let figures: FigureExtractor
    /// The article title and the page's visible headline (normalized), so a repeated `<h1>`
    /// is not kept as body text.
    let headlines: Set<String>
    /// Whether inline `<svg>` is content (a book's page drawn as SVG: its `<text>` and
    /// `<image>`), not a web page's icon.
    var keepSVG = false

    static let headingLevels: [String: Int] = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6]

    /// The blocks for `node` and everything inside it.
    func blocks(of node: XMLNode) -> [Block] {
        var out: [Block] = []
        appendBlock(node, to: &out, depth: 0)
        return out
    }

    /// Whether an element holds block markup (checked a few levels deep).
    func isBlockish(_ node: XMLNode, depth: Int = 0) -> Bool {
        let name = node.name
        if ContentExtractor.blockTags.contains(name) || name == "img" || name == "amp-img" || name == "picture" || (keepSVG && name == "svg") { return true }
        guard depth < 4 else { return false }
        return node.children.contains { $0.isElement && isBlockish($0, depth: depth + 1) }
    }

    private func skip(_ node: XMLNode) -> Bool {
        extractor.isBoilerplate(node)
    }

    private func appendChildren(of node: XMLNode, to out: inout [Block], depth: Int) {
        var run: [XMLNode] = []
        func flush() {
            guard !run.isEmpty else { return }
            for part in Self.splitAtBreakPairs(run) {
                let content = inlines.inlines(of: part)
                if !content.isEmpty { out.append(.paragraph(content)) }
            }
            run.removeAll()
        }
        for child in node.children {
            switch child.kind {
            case .text: run.append(child)
            case .element:
                if skip(child) { continue }
                if isBlockish(child) {
                    flush()
                    appendBlock(child, to: &out, depth: depth + 1)
                } else {
                    run.append(child)
                }
            default: continue
            }
        }
        flush()
    }

    /// A run of text and inline elements cut where two `<br>`s follow each other (white space
    /// between them aside): pages that write no `<p>` separate their paragraphs that way.
    static func splitAtBreakPairs(_ run: [XMLNode]) -> [[XMLNode]] {
        var parts: [[XMLNode]] = [[]]
        var pendingBreak: Int?
        for node in run {
            if node.isElement(named: "br") {
                if let first = pendingBreak {
                    // The first <br> of the pair ends the paragraph; both are dropped.
                    if let last = parts.indices.last { parts[last].removeSubrange(first...) }
                    parts.append([])
                    pendingBreak = nil
                    continue
                }
                pendingBreak = parts[parts.count - 1].count
            } else if node.kind == .text, node.content.trimmingWhitespace.isEmpty {
                // White space between the two <br>s keeps the pair.
            } else {
                pendingBreak = nil
            }
            parts[parts.count - 1].append(node)
        }
        return parts.filter { !$0.isEmpty }
    }

    private func appendBlock(_ node: XMLNode, to out: inout [Block], depth: Int) {
        guard depth < 200, !skip(node) else { return }
        let name = node.name
        switch name {
        case "p":
            if extractor.linkDensity(node) > 0.6 { return }
            if node.children.contains(where: { $0.isElement && ($0.name == "img" || $0.name == "amp-img" || $0.name == "picture" || $0.name == "figure" || $0.name == "div" || (keepSVG && $0.name == "svg")) }) {
                appendChildren(of: node, to: &out, depth: depth)
                return
            }
            let c = inlines.inlines(of: node)
            if !c.isEmpty { out.append(.paragraph(c)) }
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let c = inlines.inlines(of: node)
            let text = c.plainText
            if text.isEmpty { return }
            if name == "h1", headlines.contains(TextTools.normalized(text)) { return }
            if extractor.linkDensity(node) > 0.5 { return }
            out.append(.heading(level: Self.headingLevels[name] ?? 2, content: c))
        case "ul", "ol":
            if extractor.linkDensity(node) > 0.45 { return }
            let items = node.elementChildren.filter { $0.name == "li" && !skip($0) }.map { li -> ListItem in
                var b: [Block] = []
                appendChildren(of: li, to: &b, depth: depth + 1)
                return ListItem(blocks: b)
            }.filter { !$0.blocks.isEmpty }
            if items.isEmpty { return }
            // A gallery marked up as a list of figures: the figures themselves.
            if items.allSatisfy({ $0.blocks.allSatisfy(\.isFigure) }) {
                out += items.flatMap(\.blocks)
                return
            }
            // Any number a page gives (or none, or one too long for Int) is kept within the range
            // every writer can count from.
            let start = Self.listStart(node.attribute("start"))
            out.append(.list(ListBlock(ordered: name == "ol", start: start, tight: true, items: items)))
        case "blockquote":
            var b: [Block] = []
            appendChildren(of: node, to: &b, depth: depth)
            if !b.isEmpty { out.append(.quote(b)) }
        case "pre":
            let t = node.text
            if !t.trimmingWhitespace.isEmpty { out.append(.code(language: nil, text: t)) }
        case "table":
            if let t = TableBuilder(inlines: inlines, skip: skip).table(from: node) {
                out.append(.table(t))
            } else {
                appendChildren(of: node, to: &out, depth: depth)
            }
        case "figure" where !hasImage(node) && hasBlockContent(node):
            // A table, list or code "figure" (`<figure><p>List of Governors</p><table>…`): its
            // content is what it holds, the caption a paragraph of its own.
            for child in node.elementChildren where !skip(child) {
                if child.name == "figcaption" {
                    let c = inlines.inlines(of: child)
                    if !c.isEmpty { out.append(.paragraph(c)) }
                } else {
                    var one: [Block] = []
                    appendBlock(child, to: &one, depth: depth + 1)
                    if one.isEmpty, !isBlockish(child) {
                        let c = inlines.inlines(of: child)
                        if !c.isEmpty { one.append(.paragraph(c)) }
                    }
                    out += one
                }
            }
        case "svg" where keepSVG:
            appendSVG(node, to: &out)
        case "figure", "picture":
            if let f = figures.figure(from: node) { out.append(.figure(f)) }
        case "img", "amp-img":
            if let f = standaloneImage(node) { out.append(.figure(f)) }
        case "hr":
            out.append(.rule)
        case "figcaption":
            // A caption standing beside its <figure> went into that figure.
            if let prev = node.previousElementSibling, prev.isElement(named: "figure") { return }
            let c = inlines.inlines(of: node)
            if !c.isEmpty { out.append(.figure(Figure(caption: c))) }
        case "dl", "dt", "dd", "li":
            appendChildren(of: node, to: &out, depth: depth)
        default:
            if depth > 0, extractor.linkDensity(node) > 0.5, extractor.textLength(node) < 2000 { return }
            if FigureExtractor.looksLikeFigure(node), let f = figures.figure(from: node) {
                out.append(.figure(f))
                return
            }
            if isBlockish(node) {
                appendChildren(of: node, to: &out, depth: depth)
            } else {
                let c = inlines.inlines(of: node)
                if !c.isEmpty { out.append(.paragraph(c)) }
            }
        }
    }

    /// Whether `node` holds an image of any kind (among its first few thousand descendants:
    /// asked of every figure, so a page of nested figures stays linear).
    private func hasImage(_ node: XMLNode) -> Bool {
        node.containsElement { d in
            ["img", "amp-img", "picture", "image", "video", "object"].contains(d.name) || (!keepSVG && d.name == "svg")
        }
    }

    /// Whether `node` holds block content other than a caption: a table, list, code or quote.
    private func hasBlockContent(_ node: XMLNode) -> Bool {
        node.containsElement { d in
            ["table", "ul", "ol", "dl", "pre", "blockquote"].contains(d.name) || (keepSVG && d.name == "svg")
        }
    }

    /// An SVG drawing's content, in document order: each `<image>` a figure, each `<text>` a
    /// paragraph (fixed-layout pages and SVG covers draw their words this way).
    private func appendSVG(_ svg: XMLNode, to out: inout [Block]) {
        svg.forEachDescendant { d in
            guard d.isElement else { return true }
            switch d.name {
            case "text":
                let t = TextTools.collapse(d.text)
                if !t.isEmpty { out.append(.paragraph([.text(t)])) }
                return false
            case "image":
                if let href = d.attribute("href"), let src = figures.resolver.image(href) {
                    out.append(.figure(Figure(image: ImageReference(source: src, alt: ""))))
                }
                return false
            case "title", "desc", "metadata", "style", "script", "defs", "foreignObject":
                return false
            default:
                return true
            }
        }
    }

    private func standaloneImage(_ node: XMLNode) -> Figure? {
        for attr in ["width", "height"] {
            if let v = node.attribute(attr), let n = Int(v), n < 100 { return nil }
        }
        return figures.standaloneImage(node).map { Figure(image: $0) }
    }

    /// An `<ol start>` value clamped into ``ListBlock/startRange`` (browsers read leading
    /// whitespace and a sign; digits past what fits saturate rather than fail).
    static func listStart(_ value: String?) -> Int {
        guard let value else { return 1 }
        let t = value.trimmingWhitespace
        let negative = t.hasPrefix("-")
        let digits = (t.hasPrefix("-") || t.hasPrefix("+") ? t.dropFirst() : Substring(t)).prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return 1 }
        let limit = ListBlock.startRange.upperBound
        // Leading zeros cannot overflow; more than ten significant digits is past the range.
        let significant = digits.drop { $0 == "0" }
        let magnitude = significant.count > 10 ? limit : min(Int(significant) ?? 0, limit)
        return negative ? -magnitude : magnitude
    }
}

extension FigureExtractor {
    /// Whether a `div` or similar is a figure in disguise: an image plus a caption element.
    static let figureWords = WordMatcher(["figure", "image", "photo", "picture", "media", "img", "foto", "bild"])

    /// Whether an element's class or id names it as a figure or image holder.
    static func hasFigureClass(_ node: XMLNode) -> Bool {
        let ci = BoilerplateRules.rawClassAndID(node)
        return !ci.isEmpty && figureWords.matchesAny(ci.lowercased())
    }

    static func looksLikeFigure(_ node: XMLNode) -> Bool {
        guard hasFigureClass(node) else { return false }
        var images = 0
        var paragraphs = 0
        node.forEachDescendant { d in
            if d.isElement(named: "img") || d.isElement(named: "amp-img") { images += 1 }
            if d.isElement(named: "p") { paragraphs += 1 }
            return true
        }
        return images >= 1 && images <= 2 && paragraphs <= 2
    }
}
