import ArticleCore
import Foundation

/// JSON Feed 1.0 and 1.1 (<https://jsonfeed.org/version/1.1>), read with Foundation's JSON
/// parser into untyped values, so that a field of the wrong type is skipped rather than failing
/// the feed.
struct JSONFeedReader {
    let links: FeedLinks
    let limits: FeedLimits

    init(base: URL?, limits: FeedLimits) {
        links = FeedLinks(base: base)
        self.limits = limits
    }

    func read(_ data: Data, name: String) throws(ArticleError) -> Feed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ArticleError(.malformed, "the JSON Feed is not valid JSON (truncated or broken)", file: name)
        }
        guard let top = object as? [String: Any], let version = top["version"] as? String,
              version.hasPrefix("https://jsonfeed.org/version/") else {
            throw ArticleError(.unknownFormat, "not a feed (JSON without a JSON Feed version)", file: name)
        }
        var feed = Feed(kind: .jsonFeed)
        feed.title = string(top["title"])
        // Relative item URLs resolve against the feed's address, else its home page.
        var itemLinks = links
        feed.link = links.resolve(top["home_page_url"] as? String)
        if links.base == nil, let home = feed.link ?? links.resolve(top["feed_url"] as? String) { itemLinks = FeedLinks(base: URL(string: home)) }
        feed.language = string(top["language"])
        let feedAuthors = authors(top)
        let items = (top["items"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        feed.items = items.prefix(limits.maxItems).map { item(from: $0, links: itemLinks, feedAuthors: feedAuthors) }
        feed.omittedItems = items.count - feed.items.count
        return feed
    }

    func item(from o: [String: Any], links: FeedLinks, feedAuthors: [String]) -> FeedItem {
        var item = FeedItem()
        // An id may be a number in feeds written before 1.1 made it a string.
        item.id = string(o["id"]) ?? (o["id"] as? NSNumber).map { $0.stringValue }
        item.title = string(o["title"])
        item.link = links.resolve(o["url"] as? String) ?? links.resolve(o["external_url"] as? String)
        item.authors = authors(o)
        if item.authors.isEmpty { item.authors = feedAuthors }
        item.published = (string(o["date_published"]) ?? string(o["date_modified"])).flatMap(FeedDate.parse)
        if let html = o["content_html"] as? String, !html.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            item.contentHTML = html
        } else if let text = o["content_text"] as? String, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            item.contentHTML = text.components(separatedBy: "\n\n").map { "<p>" + FeedXMLReader.escape($0) + "</p>" }.joined(separator: "\n")
        }
        item.summaryHTML = string(o["summary"]).map { "<p>" + FeedXMLReader.escape($0) + "</p>" }
        item.image = links.resolve(o["image"] as? String) ?? links.resolve(o["banner_image"] as? String)
        item.tags = (o["tags"] as? [Any] ?? []).compactMap { string($0) }
        return item
    }

    /// `authors` (1.1) or `author` (1.0), by name.
    func authors(_ o: [String: Any]) -> [String] {
        var list = (o["authors"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        if list.isEmpty, let one = o["author"] as? [String: Any] { list = [one] }
        return list.compactMap { string($0["name"]) }
    }

    func string(_ value: Any?) -> String? { (value as? String)?.feedText(limit: limits.maxFieldBytes) }
}
