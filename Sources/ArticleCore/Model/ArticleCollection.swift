/// Several articles as one document (`articlekit convert a.txt b.txt --output both.md`): the
/// collection's own metadata, and each article whole, with its own title, byline, date,
/// dateline and source.
///
/// The collection's metadata is what the caller says about the collection (the `--title`), never
/// the first article's, and no article's authors or tags are merged into it. Writers that render
/// a collection (``ArticleCollectionWriter``: Markdown, HTML, plain text, JSON) keep every
/// article's metadata beside its text; the matching readers give the articles back.
public struct ArticleCollection: Hashable, Sendable {
    /// What the collection says about itself: its title (`--title`), and anything else a caller
    /// sets. Empty by default: a collection has no title of its own unless it is given one.
    public var metadata: Metadata
    /// The articles, in order, each with its own metadata.
    public var articles: [Article]

    /// Creates a collection.
    public init(metadata: Metadata = Metadata(), articles: [Article]) {
        self.metadata = metadata
        self.articles = articles
    }

    /// A collection of `articles` whose only metadata is `title` (an empty title counts as none).
    public init(_ articles: [Article], title: String?) {
        var m = Metadata()
        if let title, !Self.isBlank(title) { m.title = title }
        self.init(metadata: m, articles: articles)
    }

    /// The collection's title, or a neutral one that names no article: "3 articles".
    public var displayTitle: String {
        if let t = metadata.title, !Self.isBlank(t) { return t }
        return articles.count == 1 ? "1 article" : "\(articles.count) articles"
    }

    /// The language every article has, when they all have the same one (`nil` otherwise): the
    /// language of a page or file that holds them all.
    public var sharedLanguage: String? {
        if let own = metadata.language, !own.isEmpty { return own }
        guard let first = articles.first?.metadata.language, !first.isEmpty else { return nil }
        return articles.allSatisfy({ $0.metadata.language == first }) ? first : nil
    }

    private static func isBlank(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }
}
