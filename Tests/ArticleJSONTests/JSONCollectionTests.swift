import ArticleCore
@testable import ArticleJSON
import Foundation
import Testing

/// Several articles in one JSON file: a collection object whose `articles` keep every article
/// whole, read back by the JSON reader.
@Suite struct JSONCollectionTests {
    static let second = Article(metadata: Metadata(title: "Second", authors: ["C Three"], dateline: "HANOI",
                                                   source: "Other", tags: ["other"]),
                                blocks: [.paragraph([.text("Two.")])])

    static func write(_ articles: [Article], title: String?) throws -> Data {
        var context = ConversionContext()
        context.options.title = title
        return try JSONWriter().write(articles, context: &context)
    }

    @Test func aCollectionReadsBackToEveryArticleAndItsOwnTitle() throws {
        let data = try Self.write([everything, Self.second], title: "Week 36")
        var context = ConversionContext()
        let back = try JSONReader().collection(ReaderInput(data: data, name: "both.json"), context: &context)
        #expect(back.metadata == Metadata(title: "Week 36"))
        #expect(back.articles == [everything, Self.second])
        #expect(try readJSON(data) == [everything, Self.second])
    }

    @Test func theCollectionsMetadataIsItsOwnNotTheFirstArticles() throws {
        let data = try Self.write([everything, Self.second], title: nil)
        let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(top["title"] is NSNull && (top["authors"] as? [String]) == [] && (top["tags"] as? [String]) == [])
        #expect(top["blocks"] == nil)
        let articles = try #require(top["articles"] as? [[String: Any]])
        #expect(articles.map { $0["authors"] as? [String] } == [["A One", "B Two"], ["C Three"]])
        #expect(articles.map { $0["dateline"] as? String } == ["Monday, 05/09/2011 - 08:30", "HANOI"])
        #expect(Array(top.keys).sorted() == ["articles", "authors", "dateline", "image", "language", "published", "source",
                                              "subtitle", "summary", "tags", "title", "url"])
    }

    @Test func oneArticleIsTheSameBytesAsBefore() throws {
        var expected = ArticleJSONEncoder(pretty: true).encode([everything], asArray: false)
        expected.append(0x0A)
        #expect(try Self.write([everything], title: "Ignored") == expected)
    }

    @Test func arraysStillReadAndAnObjectCannotBeBoth() throws {
        let array = "[" + #"{"title": "A", "blocks": []}"# + "," + #"{"title": "B", "blocks": []}"# + "]"
        #expect(try readJSON(Data(array.utf8)).map(\.metadata.title) == ["A", "B"])
        let both = #"{"title": "X", "blocks": [], "articles": []}"#
        #expect(throws: ArticleError.self) { try readJSON(Data(both.utf8)) }
        let wrong = #"{"title": "X", "articles": [{"title": 3}]}"#
        do {
            _ = try readJSON(Data(wrong.utf8), name: "w.json")
            Issue.record("expected an error")
        } catch let e as ArticleError {
            #expect(e.code == .malformed && e.description.contains("articles"))
        }
    }

    @Test func theSchemaDescribesTheCollection() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Resources/article.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let defs = try #require(schema["$defs"] as? [String: Any])
        let collection = try #require(defs["collection"] as? [String: Any])
        let required = Set(try #require(collection["required"] as? [String]))
        let top = try #require(try JSONSerialization.jsonObject(with: Self.write([everything, Self.second], title: "T")) as? [String: Any])
        // Every key the writer always writes is required, and no other key is allowed.
        #expect(required == Set(top.keys))
        #expect(collection["additionalProperties"] as? Bool == false)
        let properties = try #require(collection["properties"] as? [String: Any])
        // Written only when set: `meta`, and `section` (a collection that is a part of a book).
        #expect(Set(properties.keys) == required.union(["meta", "section"]))
    }
}
