import ArticleCore
import ArticleSupport
import Foundation

/// Reads a feed (RSS, Atom, JSON Feed) or a list of feeds (OPML) into a ``Feed``.
///
/// Safe on hostile input: XML is parsed by ArticleSupport's libxml2 wrapper (no network, no
/// external DTD, no entity substitution, libxml2's size and depth limits), and a document that
/// declares entities is refused before parsing; at most ``FeedLimits/maxItems`` items are kept.
///
/// ```swift
/// let feed = try FeedParser.parse(data, url: URL(string: "https://example.com/feed.xml"), name: "feed.xml")
/// for item in feed.items { print(item.title ?? "untitled", item.link ?? "no link") }
/// ```
public enum FeedParser {
    /// Parses `data`.
    /// - Parameters:
    ///   - data: The document.
    ///   - url: Where it was fetched from (after redirects), the base of relative links; `nil`
    ///     for a file (links then resolve against the feed's own absolute `link`, if any).
    ///   - name: The file name or URL, for messages.
    ///   - limits: The bounds.
    /// - Throws: ``/ArticleCore/ArticleError``: `.unknownFormat` when the bytes are no feed,
    ///   `.unsafeInput` for declared entities, `.malformed` for XML or JSON that does not parse.
    public static func parse(_ data: Data, url: URL? = nil, name: String, limits: FeedLimits = FeedLimits()) throws(ArticleError) -> Feed {
        guard let kind = FeedSniffer.kind(of: data) else {
            throw ArticleError(.unknownFormat, "not a feed (no RSS, Atom, JSON Feed or OPML document)", file: name)
        }
        if kind == .jsonFeed { return try JSONFeedReader(base: url, limits: limits).read(data, name: name) }
        if FeedSniffer.declaresEntities(data) {
            throw ArticleError(.unsafeInput, "the feed declares XML entities (<!ENTITY>), which no feed needs: refused, as an entity bomb could be", file: name)
        }
        let document: XMLDocument
        do {
            document = try XMLParser.parse([UInt8](data), name: name)
        } catch {
            throw ArticleError(error.code, "the feed is not well-formed XML (truncated or broken)", file: name)
        }
        guard let root = document.root else { throw ArticleError(.malformed, "the feed has no root element", file: name) }
        var reader = FeedXMLReader(base: url, limits: limits)
        switch kind {
        case .rss: return reader.rss(root)
        case .atom: return reader.atom(root)
        case .opml: return reader.opml(root)
        case .jsonFeed: return try JSONFeedReader(base: url, limits: limits).read(data, name: name)
        }
    }

    /// Whether `data` is a feed or OPML file (see ``FeedSniffer``); JSON only when its top-level
    /// `version` is a JSON Feed one (an article may mention the URL).
    public static func isFeed(_ data: Data) -> Bool {
        guard let kind = FeedSniffer.kind(of: data) else { return false }
        guard kind == .jsonFeed else { return true }
        let top = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        return (top?["version"] as? String)?.hasPrefix("https://jsonfeed.org/version/") == true
    }
}
