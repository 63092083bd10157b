import Foundation

/// A feed or OPML file as it arrived: its bytes, its name for messages, and where it came from.
public struct FeedDocument: Sendable {
    /// The bytes.
    public var data: Data
    /// The path or URL, for messages.
    public var name: String
    /// The address it was fetched from after redirects (the base of its relative links), or `nil`
    /// for a file or standard input.
    public var url: URL?
    /// The `Content-Type` it was served with, if any.
    public var mediaType: String?

    /// Creates a document.
    public init(data: Data, name: String, url: URL? = nil, mediaType: String? = nil) {
        self.data = data
        self.name = name
        self.url = url
        self.mediaType = mediaType
    }

    /// The feed in a fetched document (its final URL is the base).
    public init(_ document: FetchedDocument) {
        self.init(data: document.data, name: document.url.absoluteString, url: document.url, mediaType: document.mediaType)
    }

    /// The media types only feeds are served as.
    static let feedMediaTypes: Set<String> = [
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml",
        "text/x-opml", "application/x-opml", "text/x-opml+xml",
    ]

    /// Whether the document is a feed or OPML file: by its content (see
    /// ``/ArticleFeed/FeedSniffer``), or served as one (then a document that is no feed is a
    /// feed that failed, not a page).
    public var isFeed: Bool { FeedParser.isFeed(data) || mediaType.map(Self.feedMediaTypes.contains) == true }
}
