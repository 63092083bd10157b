import ArticleCore

/// A news feed as read: what it says about itself and its items, in the feed's order, or, for
/// an OPML file, the feeds it lists.
public struct Feed: Hashable, Sendable {
    /// The dialect a feed is written in.
    public enum Kind: String, Hashable, Sendable {
        /// RSS 0.9x, 1.0 (RDF) or 2.0.
        case rss
        /// Atom 1.0.
        case atom
        /// JSON Feed 1.0 or 1.1.
        case jsonFeed = "json-feed"
        /// OPML: a list of feeds, not a feed.
        case opml
    }

    /// The dialect.
    public var kind: Kind
    /// The feed's title (the site's name, usually).
    public var title: String?
    /// The site's home page, absolute when it could be resolved.
    public var link: String?
    /// The feed's language as a BCP 47 tag, when it names one.
    public var language: String?
    /// The items, in the feed's order, at most ``FeedLimits/maxItems`` of them.
    public var items: [FeedItem]
    /// The feeds an OPML file lists, in its order; empty for a feed.
    public var subscriptions: [FeedSubscription]
    /// How many items the feed held beyond ``FeedLimits/maxItems`` (left out).
    public var omittedItems: Int

    /// Creates a feed.
    public init(kind: Kind, title: String? = nil, link: String? = nil, language: String? = nil,
                items: [FeedItem] = [], subscriptions: [FeedSubscription] = [], omittedItems: Int = 0) {
        self.kind = kind
        self.title = title
        self.link = link
        self.language = language
        self.items = items
        self.subscriptions = subscriptions
        self.omittedItems = omittedItems
    }
}
