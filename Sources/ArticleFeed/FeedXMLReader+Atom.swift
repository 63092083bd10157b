import ArticleCore
import ArticleSupport
import Foundation

extension FeedXMLReader {
    func atom(_ root: XMLNode) -> Feed {
        let links = self.links.rebased(root.attribute("base"))
        var feed = Feed(kind: .atom)
        feed.title = atomText(child(root, "title"))
        feed.link = alternate(root, links: links)
        feed.language = root.attribute("lang")
        let nodes = root.elementChildren.filter { $0.name == "entry" && Self.isPlain($0) }
        let feedAuthors = authors(root)
        let read = bounded(nodes) { entry($0, links: links, feedAuthors: feedAuthors) }
        feed.items = read.items
        feed.omittedItems = read.omitted
        return feed
    }

    func entry(_ node: XMLNode, links base: FeedLinks, feedAuthors: [String]) -> FeedItem {
        let links = base.rebased(node.attribute("base"))
        var item = FeedItem()
        item.id = text(child(node, "id"))
        item.title = atomText(child(node, "title"))
        item.link = alternate(node, links: links)
        item.authors = authors(node)
        if item.authors.isEmpty { item.authors = feedAuthors }
        item.published = (text(child(node, "published")) ?? text(child(node, "updated"))).flatMap(FeedDate.parse)
        if let content = child(node, "content"), content.attribute("src") == nil { item.contentHTML = atomHTML(content) }
        item.summaryHTML = child(node, "summary").flatMap(atomHTML)
        var imageReader = self
        imageReader.links = links
        item.image = imageReader.mediaImage(node)
        item.tags = node.elementChildren.filter { $0.name == "category" && Self.isPlain($0) }.compactMap { c in
            (c.attribute("label") ?? c.attribute("term"))?.feedText(limit: limits.maxFieldBytes)
        }
        return item
    }

    /// `link rel="alternate"` (the default rel), preferring an HTML one.
    func alternate(_ node: XMLNode, links: FeedLinks) -> String? {
        let all = node.elementChildren.filter { $0.name == "link" && Self.isPlain($0) && ($0.attribute("rel") ?? "alternate") == "alternate" }
        let html = all.first { ($0.attribute("type") ?? "text/html").lowercased().contains("html") } ?? all.first
        return links.resolve(html?.attribute("href"))
    }

    func authors(_ node: XMLNode) -> [String] {
        node.elementChildren.filter { $0.name == "author" && Self.isPlain($0) }.compactMap { text(child($0, "name")) ?? text($0) }
    }

    /// A text construct as plain text (`html` and `xhtml` ones lose their markup).
    func atomText(_ node: XMLNode?) -> String? {
        guard let node else { return nil }
        if node.attribute("type") == "html" { return text(node).map(HTMLEntities.decode).map(Self.strippingTags)?.feedText(limit: limits.maxFieldBytes) }
        return text(node)
    }

    /// A text construct as HTML: `html` as it is, `xhtml` serialised, `text` escaped.
    func atomHTML(_ node: XMLNode) -> String? {
        switch node.attribute("type")?.lowercased() ?? "text" {
        case "html", "text/html": return html(node)
        case "xhtml", "application/xhtml+xml":
            let div = node.elementChildren.first { $0.name == "div" } ?? node
            var out = ""
            for c in div.children { Self.serialize(c, into: &out) }
            let t = out.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        default:
            return html(node).map { "<p>" + Self.escape($0) + "</p>" }
        }
    }

    static func strippingTags(_ s: String) -> String {
        var out = "", inTag = false
        for c in s {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        return out
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// XHTML content back to HTML text (the HTML reader parses and sanitizes it). libxml2's depth
    /// limit bounds the recursion.
    static func serialize(_ node: XMLNode, into out: inout String) {
        switch node.kind {
        case .text: out += escape(node.content)
        case .element:
            out += "<" + node.name
            for a in node.attributes { out += " \(a.name)=\"\(escape(a.value))\"" }
            out += ">"
            for c in node.children { serialize(c, into: &out) }
            out += "</" + node.name + ">"
        default: break
        }
    }

    // MARK: OPML

    func opml(_ root: XMLNode) -> Feed {
        var feed = Feed(kind: .opml)
        if let head = child(root, "head") { feed.title = text(child(head, "title")) }
        var subscriptions: [FeedSubscription] = []
        // Outlines nest (folders of feeds): every one with an xmlUrl, in document order.
        root.forEachDescendant { node in
            guard node.isElement, node.name == "outline", subscriptions.count < limits.maxSubscriptions else { return true }
            if let url = links.resolve(node.attribute("xmlUrl") ?? node.attribute("xmlurl")) {
                let title = (node.attribute("title") ?? node.attribute("text"))?.feedText(limit: limits.maxFieldBytes)
                subscriptions.append(FeedSubscription(url: url, title: title))
            }
            return true
        }
        feed.subscriptions = subscriptions
        return feed
    }
}
