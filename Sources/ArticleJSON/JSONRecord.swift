import ArticleCore
import Foundation

/// One record of a JSON Lines stream: an ArticleKit article, or a raw document to read
/// (`{"id": 7, "url": "https://…", "html": "<html>…"}`), with the record's own fields.
///
/// - Fields that are not article fields (an `id`, a crawl date, anything) are kept in
///   ``/ArticleCore/Metadata/recordFields`` and written back unchanged by the JSON writers.
/// - `html`, `text` or `markdown` (one of them) holds a raw document; the record's article fields
///   (`url`, `title`, …) then come with it (see ``document``).
/// - An object with neither an article field nor a raw document (`{"foo": 1}`) is not an article:
///   an error, never an empty article.
public struct JSONRecord: Sendable {
    /// A raw document carried by a record.
    public struct Document: Hashable, Sendable {
        /// The reader that reads it: `html`, `text` or `markdown`.
        public var format: String
        /// The document.
        public var content: String

        /// Creates a raw document for the reader named `format`.
        public init(format: String, content: String) {
            self.format = format
            self.content = content
        }
    }

    /// The article; for a raw document, only the fields the record gave beside it (its `url`,
    /// `title`, …) and its record fields.
    public var article: Article
    /// The raw document, when the record carries one instead of blocks.
    public var document: Document?

    /// The keys of an ArticleKit JSON article (`Resources/article.schema.json`).
    public static let articleFields: Set<String> = [
        "title", "subtitle", "authors", "published", "dateline", "source", "url", "language", "tags",
        "summary", "image", "section", "blocks", "resources", "meta",
    ]

    /// The keys that carry a raw document, and the reader each goes to.
    public static let documentFields: [String: String] = ["html": "html", "text": "text", "markdown": "markdown"]

    /// Decodes one record from its JSON text. Throws ``/ArticleCore/ArticleError`` (`malformed`,
    /// or `limit-exceeded` for nesting too deep) naming `name` and `line`.
    public static func decode(_ data: Data, name: String, line: Int? = nil) throws(ArticleError) -> JSONRecord {
        try JSONDepthLimit.check(data, name: name, line: line)
        do {
            let body = try JSONDecoder().decode(RecordBody.self, from: data)
            return JSONRecord(article: body.article, document: body.document)
        } catch let error as RecordShapeError {
            throw ArticleError(.malformed, error.message, file: name, line: line)
        } catch let error as DecodingError {
            throw ArticleError(.malformed, "not an ArticleKit JSON article: \(JSONReader.describe(error))", file: name, line: line)
        } catch {
            throw ArticleError(.malformed, "not an ArticleKit JSON article", file: name, line: line)
        }
    }

    /// The value of a record's top-level `field` (a record field such as `id`, or `url` and
    /// `title`), read from the JSON text alone, so that an error line can name a record that did
    /// not decode; `nil` when the text is not a JSON object or has no such field.
    public static func key(_ field: String, in data: Data) -> MetadataValue? {
        guard (try? JSONDepthLimit.check(data, name: "")) != nil else { return nil }
        return (try? JSONDecoder().decode([String: MetadataValue].self, from: data))?[field]
    }

    /// The value of `field` in this record: a record field, or the article's `url` or `title`.
    public func key(_ field: String) -> MetadataValue? {
        if let v = article.metadata.recordFields[field] { return v }
        switch field {
        case "url": return article.metadata.url.map(MetadataValue.string)
        case "title": return article.metadata.title.map(MetadataValue.string)
        default: return nil
        }
    }
}

/// A record's shape is wrong in a way the decoder has no words for.
struct RecordShapeError: Error {
    var message: String
}

/// A JSON object's keys by name.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init(stringValue s: String) { stringValue = s }
    init?(intValue: Int) { nil }
}

/// Decodes a record: the article, its record fields, its raw document.
struct RecordBody: Decodable {
    var article: Article
    var document: JSONRecord.Document?

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        var fields: [String: MetadataValue] = [:]
        var document: JSONRecord.Document?
        var articleKeys = 0
        for k in c.allKeys {
            let name = k.stringValue
            if JSONRecord.articleFields.contains(name) { articleKeys += 1; continue }
            if let format = JSONRecord.documentFields[name] {
                if let document {
                    throw RecordShapeError(message: "a record holds one raw document, not both \"\(document.format)\" and \"\(name)\"")
                }
                document = JSONRecord.Document(format: format, content: try c.decode(String.self, forKey: k))
                continue
            }
            fields[name] = try c.decode(MetadataValue.self, forKey: k)
        }
        if let document, c.contains(AnyKey("blocks")) {
            throw RecordShapeError(message: "a record holds either blocks (an article) or a raw document (\"\(document.format)\"), not both")
        }
        guard articleKeys > 0 || document != nil else {
            let names = c.allKeys.map(\.stringValue).sorted().prefix(5).joined(separator: ", ")
            throw RecordShapeError(message: "not an article: none of its fields (\(names.isEmpty ? "none" : names)) is an article field (title, blocks, …) or a raw document (html, text, markdown)")
        }
        var article = try Article(from: decoder)
        article.metadata.recordFields = fields
        self.article = article
        self.document = document
    }
}
