import ArticleCore
import Foundation

/// What an object at the top of an ArticleKit JSON file is: one article, or a collection (the
/// same metadata keys, and `articles` in place of `blocks`). A top-level array of articles (as
/// versions before collections wrote several) is read by ``JSONReader`` directly.
enum JSONTopLevel: Decodable {
    case article(Article)
    case collection(ArticleCollection)

    private enum Keys: String, CodingKey { case articles, blocks }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        guard c.contains(.articles) else {
            // One article is a record: its own fields kept, `{"foo": 1}` refused.
            let record = try RecordBody(from: decoder)
            if let document = record.document {
                throw RecordShapeError(message: "the object holds a raw \(document.format) document, which only a JSON Lines stream reads")
            }
            self = .article(record.article)
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
