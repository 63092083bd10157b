import ArticleCore
import ArticleSupport

/// Builds figure blocks from `<figure>` (or figure-like) markup: the image with its best source,
/// the caption, and the credit kept apart, whether the page marks the credit up (`<span
/// class="credit">`, `<small>`, `<cite>` in the caption) or only writes it (`Photo: …`, `©…`).
struct FigureExtractor {
    let inlines: InlineBuilder
    let resolver: URLResolver
    /// Picks each image's real source (lazy attributes, `srcset`, `<picture>`, `<noscript>`).
    let images: ImageSourceChooser

    /// A figure reader whose images are chosen for a book whose pictures are `targetWidth`
    /// pixels wide (``/ArticleCore/ImageOptions/maxDimension``).
    init(inlines: InlineBuilder, resolver: URLResolver, targetWidth: Int = ImageOptions().maxDimension) {
        self.inlines = inlines
        self.resolver = resolver
        images = ImageSourceChooser(resolver: resolver, targetWidth: targetWidth)
    }

    static let creditWords = [
        "credit", "copyright", "photographer", "byline", "rights", "attribution", "source", "author",
        "fotograf", "quelle", "urheber", "autor", "bildnachweis", "fonte", "auteur", "firma",
    ]
    static let captionWords = ["caption", "legend", "description", "desc", "bildunterschrift", "subtitle", "text"]
    /// The words above looked for in one pass over a class name, not one search per word.
    static let creditMatcher = WordMatcher(creditWords)
    static let captionMatcher = WordMatcher(captionWords)

    /// A figure for `node`, or `nil` when it has neither an image nor a caption.
    func figure(from node: XMLNode) -> Figure? {
        let image = bestImage(in: node)
        var captionNode: XMLNode?
        var figcaption: XMLNode?
        var creditNode: XMLNode?
        node.forEachDescendant { d in
            guard d.isElement else { return true }
            let name = d.name
            if name == "button" { return false }
            if name == "figcaption" { figcaption = figcaption ?? d; return true }
            let ci = BoilerplateRules.classAndID(d) + " " + (d.attribute("itemprop") ?? "").lowercased()
            if creditNode == nil, Self.creditMatcher.matchesAny(ci) || name == "footer" || name == "small" || name == "cite",
               !d.text.trimmingWhitespace.isEmpty {
                creditNode = d
                return false
            }
            if captionNode == nil, name != "img", name != "amp-img", name != "picture", Self.captionMatcher.matchesAny(ci) {
                captionNode = d
            }
            return true
        }
        if let f = figcaption { captionNode = f }
        if captionNode == nil, node.isElement(named: "figure"), let next = node.nextElementSibling,
           next.isElement(named: "figcaption") || Self.captionMatcher.matchesAny(BoilerplateRules.classAndID(next)) {
            // <figure><img></figure><figcaption>…</figcaption>: the caption stands beside it.
            captionNode = next
            if creditNode == nil {
                next.forEachDescendant { d in
                    guard d.isElement, creditNode == nil else { return false }
                    if Self.creditMatcher.matchesAny(BoilerplateRules.classAndID(d)) { creditNode = d; return false }
                    return true
                }
            }
        }
        if captionNode == nil {
            // No caption markup: the text blocks beside the image are the caption, then the credit.
            let texts = textBlocks(in: node)
            if let first = texts.first {
                captionNode = first
                if creditNode == nil, texts.count > 1, texts[1].text.split(separator: " ").count <= 8 { creditNode = texts[1] }
            }
        }
        var credit: String?
        if let creditNode {
            credit = Self.cleanCredit(creditNode.text)
            if let c = credit, Self.creditLabels.contains(c.lowercased()) {
                // A bare "Copyright" label: the name follows it.
                var rest = ""
                var next = creditNode.nextSibling
                while let n = next { rest += n.isElement ? n.text : n.content; next = n.nextSibling }
                credit = Self.cleanCredit(rest)
            }
        }
        var caption: [Inline] = []
        if let captionNode {
            if let cn = creditNode, cn.isDescendant(of: captionNode) {
                let skipCredit = InlineBuilder(resolver: resolver) { $0 == cn || inlines.skip($0) }
                caption = skipCredit.inlines(of: captionNode)
            } else {
                caption = inlines.inlines(of: captionNode)
            }
        }
        if credit == nil || credit?.isEmpty == true {
            let (c, cr) = Self.splitCredit(caption)
            caption = c
            credit = cr
        }
        if caption.isEmpty, let title = imageTitle(in: node), title.count > 15 {
            let (c, cr) = Self.splitCredit([.text(title)])
            caption = c
            if credit == nil { credit = cr }
        }
        if caption.isEmpty, let alt = image?.alt, alt.count > 15 {
            // A figure with no visible caption: its alternative text says what it shows.
            let (c, cr) = Self.splitCredit([.text(alt)])
            caption = c
            if credit == nil { credit = cr }
        }
        if let c = credit, c.isEmpty { credit = nil }
        guard image != nil || !caption.isEmpty else { return nil }
        return Figure(image: image, caption: caption, credit: credit)
    }

    /// The innermost elements with their own text inside a figure, in order (at most three).
    func textBlocks(in node: XMLNode) -> [XMLNode] {
        var out: [XMLNode] = []
        node.forEachDescendant { d in
            guard d.isElement, out.count < 3 else { return false }
            if BoilerplateRules.isHardBoilerplate(d) || d.name == "button" || d.name == "a" { return false }
            let own = d.children.contains { $0.kind == .text && !$0.content.trimmingWhitespace.isEmpty }
            if own {
                let t = d.text.trimmingWhitespace
                if t.count >= 2, t.count < 500 { out.append(d) }
                return false
            }
            return true
        }
        return out
    }

    /// The `title` attribute of the figure's image, which some sites use for the caption.
    func imageTitle(in node: XMLNode) -> String? {
        let img = node.isElement(named: "img") ? node : node.descendants(named: "img").first
        return img?.attribute("title").map(TextTools.collapse)
    }
}

extension XMLNode {
    /// Whether this node lies inside `ancestor`.
    func isDescendant(of ancestor: XMLNode) -> Bool {
        var p = parent
        while let n = p {
            if n == ancestor { return true }
            p = n.parent
        }
        return false
    }
}
