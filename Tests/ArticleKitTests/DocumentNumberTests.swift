import ArticleKit
import Foundation
import Testing

/// Numbers a document supplies (list starts, heading levels) never overflow a reader or writer:
/// readers that forgive structure clamp them, the JSON reader refuses values its schema does not
/// allow, and every writer is safe on any article built in code.
@Suite struct DocumentNumberTests {
    static let formats = ["md", "txt", "json", "html", "epub"]

    static func write(_ article: Article, to format: String) throws -> String {
        var context = ConversionContext()
        let data = try Converter().write([article], to: format, context: &context)
        return String(decoding: data, as: UTF8.self)
    }

    static func read(_ text: String, name: String) throws -> [Article] {
        var context = ConversionContext()
        return try Converter().read(ReaderInput(data: Data(text.utf8), name: name), context: &context)
    }

    static func list(start: Int, items: Int = 3) -> Block {
        .list(ListBlock(ordered: true, start: start, items: (0..<items).map { ListItem(blocks: [.paragraph([.text("item \($0)")])]) }))
    }

    @Test(arguments: [Int.max, Int.min, Int.max - 1, 1_000_000_001, -1_000_000_001])
    func everyWriterNumbersAnyListStart(start: Int) throws {
        let article = Article(metadata: Metadata(title: "T"), blocks: [Self.list(start: start), .heading(level: Int.max, content: [.text("H")]),
                                                                        .heading(level: Int.min, content: [.text("L")])])
        for format in Self.formats {
            let out = try Self.write(article, to: format)
            #expect(!out.isEmpty, "\(format)")
        }
        // What the writers give back is readable again: the JSON within the schema, the
        // Markdown still a list.
        let json = try Self.read(try Self.write(article, to: "json"), name: "a.json")
        guard case .list(let l)? = json.first?.blocks.first else { Issue.record("no list"); return }
        #expect(ListBlock.startRange.contains(l.start))
        #expect(l.items.count == 3)
        let md = try Self.read(try Self.write(article, to: "md"), name: "a.md")
        let lists = md.first?.blocks.compactMap { b -> ListBlock? in if case .list(let l) = b { l } else { nil } } ?? []
        guard let m = lists.first, lists.count == 1 else { Issue.record("not one Markdown list"); return }
        #expect(m.items.count == 3)
    }

    @Test func theHTMLReaderClampsAListStartIntoRange() throws {
        for (value, expected) in [("9223372036854775807", 1_000_000_000), ("-99999999999999999999999", -1_000_000_000),
                                  (" 7", 7), ("+3", 3), ("x", 1), ("000000000000000000042", 42)] {
            let page = "<html><body><article><p>\(String(repeating: "Words of the article body. ", count: 20))</p><ol start=\"\(value)\"><li>one</li><li>two</li></ol></article></body></html>"
            let article = try Self.read(page, name: "p.html")
            let starts = article.flatMap(\.blocks).compactMap { b -> Int? in if case .list(let l) = b { l.start } else { nil } }
            #expect(starts == [expected], "start=\(value)")
            for format in Self.formats { _ = try Self.write(article[0], to: format) }
        }
    }

    @Test func theJSONReaderRefusesAListStartOrHeadingLevelOutsideTheSchema() throws {
        for block in [#"{"type": "list", "ordered": true, "start": 9223372036854775807, "items": []}"#,
                      #"{"type": "list", "ordered": true, "start": -1000000001, "items": []}"#,
                      #"{"type": "list", "ordered": true, "start": 1e300, "items": []}"#,
                      #"{"type": "heading", "level": 9223372036854775807}"#] {
            #expect(throws: ArticleError.self, "\(block)") { try Self.read(#"{"blocks": [\#(block)]}"#, name: "a.json") }
        }
        let edge = try Self.read(#"{"blocks": [{"type": "list", "ordered": true, "start": 1000000000, "items": [{"blocks": []}, {"blocks": []}]}]}"#, name: "a.json")
        for format in Self.formats { _ = try Self.write(edge[0], to: format) }
    }

    @Test func markdownNumbersPastNineDigitsStayOneList() throws {
        let md = "999999998. a\n999999999. b\n1000000000. c\n"
        let article = try Self.read(md, name: "a.md")
        let out = try Self.write(article[0], to: "md")
        let again = try Self.read(out, name: "b.md")
        #expect(article[0].blocks == again[0].blocks)
        _ = try Self.write(article[0], to: "txt")
    }
}
