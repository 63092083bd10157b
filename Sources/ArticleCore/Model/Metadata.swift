/// What an article says about itself.
///
/// Raw text that could not be understood is kept: a dateline that is not a date stays in
/// ``dateline`` and ``published`` is `nil`.
public struct Metadata: Hashable, Sendable {
    /// The headline.
    public var title: String?
    /// A standfirst or deck under the headline.
    public var subtitle: String?
    /// The people who wrote the article, in byline order.
    public var authors: [String]
    /// When the article was published, with the time zone it was published in.
    public var published: ArticleDate?
    /// The dateline exactly as found in the source (it may not be a parseable date).
    public var dateline: String?
    /// The publication or site the article comes from.
    public var source: String?
    /// The canonical address of the article.
    public var url: String?
    /// The language of the text as a BCP 47 tag (`en`, `vi`, `de-AT`).
    public var language: String?
    /// Keywords or sections.
    public var tags: [String]
    /// A one-paragraph description.
    public var summary: String?
    /// The article's lead image, as the page names it for sharing (`og:image`, `twitter:image`,
    /// the JSON-LD `image`): an absolute `http(s)` URL or a raster `data:` URI for a page from
    /// the network, possibly a relative reference for a local document. A single-article book
    /// uses its bytes for the cover when the article's resources hold them (a resource whose
    /// path is this string).
    public var image: String?
    /// The part of a book or paper this article belongs to: a feed's name in a daily paper, a
    /// book's part. A book groups consecutive articles of one section under one entry of its
    /// table of contents; `nil` for an article on its own.
    public var section: String?
    /// Metadata the model has no field for (for example unknown YAML front-matter keys), so it
    /// survives round trips. Writers emit it sorted by key.
    public var extra: [String: MetadataValue]

    /// Creates metadata; every field is optional.
    public init(
        title: String? = nil, subtitle: String? = nil, authors: [String] = [],
        published: ArticleDate? = nil, dateline: String? = nil, source: String? = nil,
        url: String? = nil, language: String? = nil, tags: [String] = [], summary: String? = nil,
        image: String? = nil, section: String? = nil, extra: [String: MetadataValue] = [:]
    ) {
        self.title = title
        self.subtitle = subtitle
        self.authors = authors
        self.published = published
        self.dateline = dateline
        self.source = source
        self.url = url
        self.language = language
        self.tags = tags
        self.summary = summary
        self.image = image
        self.section = section
        self.extra = extra
    }
}

/// A JSON-like value for metadata the model has no typed field for.
public indirect enum MetadataValue: Hashable, Sendable {
    /// An explicit null.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number (JSON has one kind).
    case number(Double)
    /// Text.
    case string(String)
    /// A list of values.
    case array([MetadataValue])
    /// Values by key.
    case object([String: MetadataValue])
}
