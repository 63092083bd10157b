import ArticleCore
import ArticleSupport
import Foundation

/// The XML dialects: RSS 0.9x/1.0/2.0, Atom 1.0 and OPML, walked by local name and namespace.
struct FeedXMLReader {
    var links: FeedLinks
    let limits: FeedLimits

    init(base: URL?, limits: FeedLimits) {
        links = FeedLinks(base: base)
        self.limits = limits
    }

    static let contentNS = "http://purl.org/rss/1.0/modules/content/"
    static let dcNS = "http://purl.org/dc/elements/1.1/"
    static let mediaNS = "http://search.yahoo.com/mrss/"
    static let atomNS = "http://www.w3.org/2005/Atom"

    func text(_ node: XMLNode?) -> String? { node?.text.feedText(limit: limits.maxFieldBytes) }

    /// The HTML an element carries as text (escaped or CDATA), trimmed; `nil` when empty.
    func html(_ node: XMLNode?) -> String? {
        guard let t = node?.text.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }

    /// The first child element named `name` in namespace `ns` (`nil`: none, or the RSS 1.0 one).
    /// An RSS feed's own elements win over Atom ones of the same name (`atom:link rel="self"`
    /// sits beside `link` in many RSS 2.0 channels).
    func child(_ node: XMLNode, _ name: String, ns: String? = nil) -> XMLNode? {
        let matches = node.elementChildren.filter { $0.name == name && (ns == nil ? Self.isPlain($0) : $0.namespaceURI == ns) }
        return matches.first { $0.namespaceURI != Self.atomNS } ?? matches.first
    }

    /// An element in no namespace, or in RSS 1.0's or Atom's (plain element names of the dialect).
    static func isPlain(_ node: XMLNode) -> Bool {
        guard let ns = node.namespaceURI else { return true }
        return ns == "http://purl.org/rss/1.0/" || ns == atomNS || ns == "http://my.netscape.com/rdf/simple/0.9/"
    }

    /// The items of one feed, at most the limit, the rest counted.
    func bounded<T>(_ nodes: [XMLNode], _ make: (XMLNode) -> T) -> (items: [T], omitted: Int) {
        let kept = nodes.prefix(limits.maxItems).map(make)
        return (kept, nodes.count - kept.count)
    }

    // MARK: RSS

    func rss(_ root: XMLNode) -> Feed {
        // RSS 2.0 and 0.9x: rss/channel/item; RSS 1.0 (RDF): rdf:RDF/channel, rdf:RDF/item.
        let channel = child(root, "channel") ?? root
        var feed = Feed(kind: .rss)
        feed.title = text(child(channel, "title"))
        feed.link = links.resolve(text(child(channel, "link")))
        feed.language = text(child(channel, "language")) ?? text(child(channel, "language", ns: Self.dcNS))
        var itemLinks = links
        if links.base == nil, let home = feed.link { itemLinks = FeedLinks(base: URL(string: home)) }
        let nodes = (channel.elementChildren + (channel.isSame(as: root) ? [] : root.elementChildren))
            .filter { $0.name == "item" && Self.isPlain($0) }
        let read = bounded(nodes) { rssItem($0, links: itemLinks) }
        feed.items = read.items
        feed.omittedItems = read.omitted
        return feed
    }

    func rssItem(_ node: XMLNode, links: FeedLinks) -> FeedItem {
        var item = FeedItem()
        item.title = text(child(node, "title")).map(HTMLEntities.decode)
        let guid = child(node, "guid")
        item.id = text(guid) ?? node.attribute("about")
        item.link = links.resolve(text(child(node, "link")))
        if item.link == nil, let guid, guid.attribute("isPermaLink")?.lowercased() != "false" {
            item.link = links.resolve(text(guid))
        }
        item.authors = node.elementChildren.filter { $0.name == "creator" && $0.namespaceURI == Self.dcNS }.compactMap { text($0) }
        if item.authors.isEmpty, let author = text(child(node, "author")) { item.authors = [Self.rssAuthor(author)] }
        item.published = (text(child(node, "pubDate")) ?? text(child(node, "date", ns: Self.dcNS))).flatMap(FeedDate.parse)
        item.contentHTML = html(child(node, "encoded", ns: Self.contentNS))
        item.summaryHTML = html(child(node, "description"))
        item.image = mediaImage(node)
        item.tags = node.elementChildren.filter { $0.name == "category" && Self.isPlain($0) }.compactMap { text($0) }
        return item
    }

    /// `jo@example.com (Jo Bloggs)` → `Jo Bloggs`; anything else as it is.
    static func rssAuthor(_ s: String) -> String {
        if let open = s.firstIndex(of: "("), let close = s.lastIndex(of: ")"), open < close {
            let name = s[s.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { return name }
        }
        return s
    }

    /// The item's image: `media:content` or `media:thumbnail` (also inside `media:group`), an
    /// `enclosure` of an image type, Atom's `link rel=enclosure` of one.
    func mediaImage(_ node: XMLNode) -> String? {
        var candidates = node.elementChildren
        for g in candidates where g.name == "group" && g.namespaceURI == Self.mediaNS { candidates += g.elementChildren }
        for c in candidates where c.namespaceURI == Self.mediaNS && c.name == "content" {
            let type = c.attribute("type")?.lowercased() ?? ""
            let medium = c.attribute("medium")?.lowercased() ?? ""
            if medium == "image" || type.hasPrefix("image/") || (medium.isEmpty && type.isEmpty), let u = links.resolve(c.attribute("url")) { return u }
        }
        for c in candidates where c.namespaceURI == Self.mediaNS && c.name == "thumbnail" {
            if let u = links.resolve(c.attribute("url")) { return u }
        }
        for c in candidates where c.name == "enclosure" && Self.isPlain(c) {
            if c.attribute("type")?.lowercased().hasPrefix("image/") == true, let u = links.resolve(c.attribute("url")) { return u }
        }
        for c in candidates where c.name == "link" && c.attribute("rel") == "enclosure" {
            if c.attribute("type")?.lowercased().hasPrefix("image/") == true, let u = links.resolve(c.attribute("href")) { return u }
        }
        return nil
    }
}
