import ArticleCore
import Foundation

/// Reads ArticleKit JSON: one article object, a collection object (`articles`, what
/// ``JSONWriter`` writes for several articles), or an array of articles.
public struct JSONReader: ArticleCollectionReader {
    /// The format: `json`, `.json`, `application/json`.
    public let format = JSONFormat.info

    /// Creates the reader.
    public init() {}

    /// Reads the input into its articles; throws ``/ArticleCore/ArticleError`` for input it cannot
    /// or must not read.
    public func read(_ input: ReaderInput, context: inout ConversionContext) throws(ArticleError) -> [Article] {
        try collection(input, context: &context).articles
    }

    /// Reads the input as a collection: a collection object gives its own metadata and its
    /// articles; one article object, or an array, gives those articles and no metadata.
    /// Throws ``/ArticleCore/ArticleError`` for input it cannot or must not read.
    public func collection(_ input: ReaderInput, context: inout ConversionContext) throws(ArticleError) -> ArticleCollection {
        let data = input.data
        guard data.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else {
            throw ArticleError(.emptyInput, "the file is empty", file: input.name)
        }
        guard String(validating: data, as: UTF8.self) != nil else {
            throw ArticleError(.notText, "the file is not UTF-8 text, so it cannot be JSON", file: input.name)
        }
        try JSONDepthLimit.check(data, name: input.name)
        let first = data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }
        let decoder = JSONDecoder()
        do {
            if first == UInt8(ascii: "[") {
                return ArticleCollection(articles: try decoder.decode([Article].self, from: data))
            }
            return try decoder.decode(JSONTopLevel.self, from: data).collection
        } catch let error as RecordShapeError {
            throw ArticleError(.malformed, error.message, file: input.name)
        } catch let error as DecodingError {
            throw ArticleError(.malformed, "not ArticleKit JSON: \(Self.describe(error))", file: input.name)
        } catch {
            throw ArticleError(.malformed, "not ArticleKit JSON: \(error.localizedDescription)", file: input.name)
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ p: [any CodingKey]) -> String {
            p.isEmpty ? "the top level" : p.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .dataCorrupted(let c):
            if let u = c.underlyingError { return "\(c.debugDescription) \(u.localizedDescription)" }
            return "\(c.debugDescription) at \(path(c.codingPath))"
        case .keyNotFound(let k, let c): return "missing \"\(k.stringValue)\" at \(path(c.codingPath))"
        case .typeMismatch(let t, let c): return "expected \(t) at \(path(c.codingPath))"
        case .valueNotFound(let t, let c): return "expected \(t), found null at \(path(c.codingPath))"
        @unknown default: return "\(error)"
        }
    }
}
