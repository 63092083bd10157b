import ArticleCore

/// One item (RSS), entry (Atom) or item (JSON Feed), with its links resolved against the feed's
/// base. Text fields are plain text; ``contentHTML`` and ``summaryHTML`` are HTML as the feed
/// carries it (untrusted: the HTML reader sanitizes it like any page).
public struct FeedItem: Hashable, Sendable {
    /// The item's guid (RSS), id (Atom, JSON Feed), or `nil`.
    public var id: String?
    /// The headline.
    public var title: String?
    /// The item's page: an absolute http(s) URL when the feed gives one that resolves.
    public var link: String?
    /// The authors, in the feed's order.
    public var authors: [String]
    /// When the item was published (else updated), as the feed says.
    public var published: ArticleDate?
    /// The item's full content as HTML (`content:encoded`, Atom `content`, `content_html`,
    /// or `content_text` escaped), or `nil`.
    public var contentHTML: String?
    /// A summary as HTML (RSS `description`, Atom `summary`, JSON Feed `summary`), or `nil`.
    public var summaryHTML: String?
    /// The lead image (`media:content`, `media:thumbnail`, an image `enclosure`, JSON Feed
    /// `image`), absolute when it resolves.
    public var image: String?
    /// Categories or tags.
    public var tags: [String]

    /// Creates an item; every field is optional.
    public init(id: String? = nil, title: String? = nil, link: String? = nil, authors: [String] = [],
                published: ArticleDate? = nil, contentHTML: String? = nil, summaryHTML: String? = nil,
                image: String? = nil, tags: [String] = []) {
        self.id = id
        self.title = title
        self.link = link
        self.authors = authors
        self.published = published
        self.contentHTML = contentHTML
        self.summaryHTML = summaryHTML
        self.image = image
        self.tags = tags
    }
}
