import ArticleCore
import Foundation

/// What an ArticleKit JSON file holds at its top level: one article object, a collection object
/// (the same metadata keys, and `articles` in place of `blocks`), or an array of articles (as
/// versions before collections wrote several).
enum JSONTopLevel: Decodable {
    case article(Article)
    case collection(ArticleCollection)

    private enum Keys: String, CodingKey { case articles, blocks }

    init(from decoder: any Decoder) throws {
        if var list = try? decoder.unkeyedContainer() {
            var articles: [Article] = []
            while !list.isAtEnd { articles.append(try list.decode(Article.self)) }
            self = .collection(ArticleCollection(articles: articles))
            return
        }
        let c = try decoder.container(keyedBy: Keys.self)
        guard c.contains(.articles) else {
            self = .article(try Article(from: decoder))
            return
        }
        if c.contains(.blocks) {
            throw DecodingError.dataCorruptedError(forKey: .articles, in: c,
                debugDescription: "an object holds either blocks (one article) or articles (a collection), not both")
        }
        // The collection's metadata has the same keys as an article's.
        let own = try Article(from: decoder).metadata
        self = .collection(ArticleCollection(metadata: own, articles: try c.decode([Article].self, forKey: .articles)))
    }

    /// The articles, as a collection (one article is a collection of one, with no metadata).
    var collection: ArticleCollection {
        switch self {
        case .article(let a): return ArticleCollection(articles: [a])
        case .collection(let c): return c
        }
    }
}
