import ArticleSupport

/// One pass over the whole page that gathers what metadata extraction needs: `<meta>` values,
/// `<link rel>`, `<title>`, JSON-LD scripts, `<h1>`s, `<time>`s and byline-like elements.
struct PageScan {
    /// `<meta>` content by lower-cased `name`, `property` or `itemprop`, in document order.
    var meta: [String: [String]] = [:]
    var canonical: String?
    var baseHref: String?
    var titleText: String?
    var language: String?
    var ldScripts: [XMLNode] = []
    var h1s: [XMLNode] = []
    var times: [XMLNode] = []
    /// Where each of ``times`` is, as the number of elements visited before it.
    var timePositions: [Int] = []
    /// Where the first `<h1>` is, as the number of elements visited before it.
    var h1Position: Int?
    /// Elements other than `<meta>` whose microdata says they hold the publication date
    /// (`itemprop="datePublished"` or `"dateCreated"`), in document order.
    var publishedNodes: [XMLNode] = []
    var bylines: [XMLNode] = []
    var body: XMLNode?
    /// The number of elements visited (not counting the insides of scripts, styles and SVG).
    var elementCount = 0

    init(document: XMLDocument) {
        guard let root = document.root else { return }
        if let lang = root.attribute("lang") ?? root.attribute("xml:lang"), !lang.trimmingWhitespace.isEmpty {
            language = lang.trimmingWhitespace
        }
        root.forEachDescendant { node in
            guard node.isElement else { return false }
            elementCount += 1
            switch node.name {
            case "meta":
                if let content = node.attribute("content") {
                    for key in ["name", "property", "itemprop", "http-equiv"] {
                        // RDFa lets one element name several properties: `property="dc:title og:title"`.
                        guard let k = node.attribute(key) else { continue }
                        // The bytes, not Foundation's `contains` (a `range(of:)` on every
                        // <meta> key: 24 M instructions of 62 pages by callgrind). The same
                        // answer wherever it matters: a space byte that is no " " Character
                        // (a combining mark after it) splits into the whole key anyway.
                        if k.utf8.contains(32) {
                            for part in k.lowercased().split(separator: " ") { meta[String(part), default: []].append(content) }
                        } else {
                            meta[k.lowercased(), default: []].append(content)
                        }
                    }
                }
                return false
            case "link":
                let rel = node.attribute("rel")?.lowercased() ?? ""
                if rel == "canonical", canonical == nil { canonical = node.attribute("href") }
                if rel.contains("author"), let h = node.attribute("title") { meta["link:author", default: []].append(h) }
                return false
            case "base":
                if baseHref == nil { baseHref = node.attribute("href") }
                return false
            case "title":
                if titleText == nil, node.parent?.name != "svg" { titleText = node.text }
                return false
            case "script":
                if (node.attribute("type") ?? "").lowercased().contains("ld+json") { ldScripts.append(node) }
                return false
            case "style", "svg", "noscript", "template":
                return false
            case "body":
                body = body ?? node
            case "h1":
                if h1s.count < 10 { h1s.append(node) }
                if h1Position == nil { h1Position = elementCount }
            case "time":
                if times.count < 30 { times.append(node); timePositions.append(elementCount) }
            default:
                break
            }
            if bylines.count < 20, Self.isByline(node) { bylines.append(node) }
            if publishedNodes.count < 5, node.withAttribute("itemprop", Self.namesPublication) == true { publishedNodes.append(node) }
            return true
        }
    }

    static func isByline(_ node: XMLNode) -> Bool {
        // Compared in place: these two look-ups run on every element of the page.
        if node.withAttribute("rel", { $0.elementsEqual("author".utf8) }) == true { return true }
        if node.withAttribute("itemprop", { $0.elementsEqual("author".utf8) || $0.elementsEqual("creator".utf8) }) == true { return true }
        return BoilerplateRules.namesByline(node)
    }

    private static let datePublished = Array("datePublished".utf8)
    private static let dateCreated = Array("dateCreated".utf8)

    /// Whether an `itemprop` value names the publication date.
    static func namesPublication(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        v.elementsEqual(datePublished) || v.elementsEqual(dateCreated)
    }

    /// The first non-empty meta value for any of `keys`.
    func first(_ keys: String...) -> String? {
        for k in keys {
            if let v = meta[k]?.first(where: { !$0.trimmingWhitespace.isEmpty }) { return v.trimmingWhitespace }
        }
        return nil
    }
}
