import ArticleCore
import ArticleJSON
import Foundation
import Testing

func writeJSON(_ articles: [Article]) throws -> Data {
    var context = ConversionContext()
    return try JSONWriter().write(articles, context: &context)
}

func readJSON(_ data: Data, name: String = "a.json") throws -> [Article] {
    var context = ConversionContext()
    return try JSONReader().read(ReaderInput(data: data, name: name), context: &context)
}

/// An article using every block and inline kind, every metadata field, and a resource.
let everything = Article(
    metadata: Metadata(
        title: "Title & <more> \"quoted\" 🚲", subtitle: "Sub", authors: ["A One", "B Two"],
        published: ArticleDate(year: 2011, month: 9, day: 5, hour: 8, minute: 30, utcOffsetMinutes: 420),
        dateline: "Monday, 05/09/2011 - 08:30", source: "Baonghean.vn", url: "https://example.org/a",
        language: "vi", tags: ["education", "Nghệ An"], summary: "A summary.", image: "https://example.org/lead.jpg",
        extra: ["custom": .object(["n": .number(3), "list": .array([.bool(true), .null, .string("x")])])]),
    blocks: [
        .paragraph([.text("Plain "), .emphasis([.text("em")]), .strong([.text("strong")]), .strikethrough([.text("gone")]),
                    .code("x < y"), .link(url: "https://example.org", title: "T", content: [.text("link")]),
                    .image(ImageReference(source: "i.png", alt: "alt", title: nil)), .lineBreak, .softBreak, .html("<br>")]),
        .heading(level: 2, content: [.text("Heading")]),
        .list(ListBlock(ordered: true, start: 3, tight: false, items: [
            ListItem(blocks: [.paragraph([.text("one")]), .list(ListBlock(ordered: false, items: [ListItem(blocks: [.paragraph([.text("nested")])])]))]),
            ListItem(blocks: [.paragraph([.text("task")])], checked: true),
        ])),
        .quote([.paragraph([.text("quoted")])]),
        .figure(Figure(image: ImageReference(source: "images/p.jpg", alt: "A photo", title: "t"), caption: [.text("Caption.")], credit: "Thanh Le")),
        .figure(Figure(image: nil, caption: [.text("No image.")], credit: nil)),
        .code(language: "swift", text: "let x = 1\n"),
        .rule,
        .table(Table(alignments: [.left, .right], header: [TableCell([.text("h1")]), TableCell([.text("h2")])],
                     rows: [[TableCell([.text("a")]), TableCell([.text("b")])]])),
        .html("<div>raw</div>"),
    ],
    resources: [Resource(path: "images/p.jpg", mediaType: "image/jpeg", data: Data([0xFF, 0xD8, 0xFF, 0xE0]))])

@Test func everyModelValueSurvivesJSON() throws {
    let data = try writeJSON([everything])
    #expect(try readJSON(data) == [everything])
    let several = [everything, Article(metadata: Metadata(title: "Second"))]
    #expect(try readJSON(try writeJSON(several)) == several)
}

@Test func topLevelKeysAreTheDocumentedOnes() throws {
    let object = try #require(try JSONSerialization.jsonObject(with: writeJSON([Article()])) as? [String: Any])
    #expect(Set(object.keys) == ["title", "subtitle", "authors", "published", "dateline", "source", "url", "language", "tags", "summary", "image", "blocks"])
    let full = try #require(try JSONSerialization.jsonObject(with: writeJSON([everything])) as? [String: Any])
    #expect(full["published"] as? String == "2011-09-05T08:30:00+07:00")
    #expect(full["image"] as? String == "https://example.org/lead.jpg")
    let blocks = try #require(full["blocks"] as? [[String: Any]])
    #expect(blocks.map { $0["type"] as? String } == ["paragraph", "heading", "list", "quote", "figure", "figure", "code", "rule", "table", "html"])
    #expect(blocks[4]["credit"] as? String == "Thanh Le")
    #expect(blocks[2]["ordered"] as? Bool == true)
}

@Test func aSectionRoundTripsAndIsWrittenOnlyWhenSet() throws {
    var a = everything
    a.metadata.section = "Harbour Times"
    let data = try writeJSON([a])
    #expect(try readJSON(data) == [a])
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["section"] as? String == "Harbour Times")
    let again = try JSONEncoder().encode(a)
    #expect(try JSONDecoder().decode(Article.self, from: again).metadata.section == "Harbour Times")
    let bare = try #require(try JSONSerialization.jsonObject(with: writeJSON([everything])) as? [String: Any])
    #expect(bare["section"] == nil)
}

@Test func outputIsStable() throws {
    #expect(try writeJSON([everything]) == writeJSON([everything]))
}

@Test func badJSONGivesAClearError() throws {
    for (text, needle) in [("{\"blocks\": [{\"type\": \"poem\"}]}", "unknown block type"),
                           ("{\"published\": \"yesterday\"}", "ISO 8601"),
                           ("{\"title\": ", "not ArticleKit JSON"),
                           ("  ", "empty")] {
        do {
            _ = try readJSON(Data(text.utf8), name: "bad.json")
            Issue.record("\(text) must be refused")
        } catch let e as ArticleError {
            #expect(e.description.hasPrefix("bad.json: "))
            #expect(e.description.contains(needle), "\(e)")
        }
    }
}

@Test func schemaNamesEveryBlockType() throws {
    let schemaURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Resources/article.schema.json")
    let schema = try String(contentsOf: schemaURL, encoding: .utf8)
    for type in ["paragraph", "heading", "list", "quote", "figure", "code", "rule", "table", "html",
                 "text", "emphasis", "strong", "strikethrough", "link", "image", "lineBreak", "softBreak"] {
        #expect(schema.contains("\"\(type)\""), "schema lacks \(type)")
    }
}

@Test func deepNestingIsRefusedWithTheLimit() throws {
    let n = 100_000
    let deep = "{\"blocks\":" + String(repeating: "[{\"type\":\"quote\",\"blocks\":", count: n) + "[]" + String(repeating: "}]", count: n) + "}"
    do {
        _ = try readJSON(Data(deep.utf8), name: "deep.json")
        Issue.record("100,000 levels must be refused")
    } catch let e as ArticleError {
        #expect(e.code == .limitExceeded)
        #expect(e.description == "deep.json: JSON nested more than 200 levels deep (the limit)")
    }
    // Brackets inside strings do not count.
    let text = "{\"title\": \"" + String(repeating: "[", count: 1000) + "\", \"blocks\": []}"
    #expect(try readJSON(Data(text.utf8)).first?.metadata.title?.count == 1000)
    // Reasonable nesting still reads.
    let ok = "{\"blocks\":" + String(repeating: "[{\"type\":\"quote\",\"blocks\":", count: 50) + "[]" + String(repeating: "}]", count: 50) + "}"
    #expect(try readJSON(Data(ok.utf8)).count == 1)
}

@Test func directWriterAndCodableAreTheSameJSON() throws {
    let encoder = JSONEncoder()
    for article in [everything, Article(), Article(metadata: Metadata(title: "Control \u{01} and \"quotes\" \\ / é 🚲"))] {
        let viaCodable = try JSONSerialization.jsonObject(with: encoder.encode(article)) as? NSDictionary
        let direct = try JSONSerialization.jsonObject(with: writeJSON([article])) as? NSDictionary
        #expect(viaCodable != nil && viaCodable == direct)
        var context = ConversionContext()
        let line = try JSONLinesWriter().write([article], context: &context)
        #expect(line.filter { $0 == 0x0A }.count == 1, "one line per article")
        #expect(try JSONSerialization.jsonObject(with: line) as? NSDictionary == viaCodable)
    }
}

@Test func keysComeInReadingOrder() throws {
    let text = String(decoding: try writeJSON([everything]), as: UTF8.self)
    let order = ["\"title\"", "\"subtitle\"", "\"authors\"", "\"published\"", "\"dateline\"", "\"source\"", "\"url\"",
                 "\"language\"", "\"tags\"", "\"summary\"", "\"image\"", "\"blocks\""].compactMap { text.range(of: $0)?.lowerBound }
    #expect(order.count == 12 && order == order.sorted())
}

/// Writing is linear in the size of the article (it was quadratic once: 84 s for a 1 MB document).
@Test func largeArticlesAreWrittenInLinearTime() throws {
    let paragraphs = (0..<20_000).map { Block.paragraph([.text("Paragraph \($0) with "), .emphasis([.text("some")]), .text(" text.")]) }
    let article = Article(metadata: Metadata(title: "Big"), blocks: paragraphs)
    let start = Date()
    let data = try writeJSON([article])
    #expect(Date().timeIntervalSince(start) < 5, "20,000 paragraphs")
    #expect(data.count > 2_000_000)
    #expect(try readJSON(data) == [article])
}

@Test func anUnsafeLeadImageIsWrittenAsNull() throws {
    for bad in ["file:///etc/passwd", "javascript:alert(1)", "data:text/html,<script>x</script>"] {
        let object = try #require(try JSONSerialization.jsonObject(with: writeJSON([Article(metadata: Metadata(title: "T", image: bad))])) as? [String: Any])
        #expect(object["image"] is NSNull, "\(bad)")
    }
}
