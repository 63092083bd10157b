/// A named step run between reading and writing: it takes an article and returns a new one.
public protocol ArticleTransform: Sendable {
    /// A short name, used in messages (`normalize-unicode`).
    var name: String { get }
    /// Returns the transformed article.
    func apply(to article: Article, context: inout ConversionContext) throws(ArticleError) -> Article
}

/// A transform built from a closure, for small steps that need no type of their own.
public struct AnyTransform: ArticleTransform {
    public let name: String
    private let body: @Sendable (Article, inout ConversionContext) throws(ArticleError) -> Article

    /// Creates a transform named `name` that runs `body`.
    public init(_ name: String, _ body: @escaping @Sendable (Article, inout ConversionContext) throws(ArticleError) -> Article) {
        self.name = name
        self.body = body
    }

    public func apply(to article: Article, context: inout ConversionContext) throws(ArticleError) -> Article {
        try body(article, &context)
    }
}
