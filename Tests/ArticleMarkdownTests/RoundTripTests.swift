import ArticleCore
import ArticleJSON
import ArticleMarkdown
import Foundation
import Testing

/// Markdown ⇄ JSON ⇄ Markdown: what one format holds survives the other.
@Suite struct RoundTripTests {
    /// An article with every block and inline kind the model has.
    static let rich: Article = {
        var m = Metadata(title: "Rice harvest: a record year", subtitle: "In Nghe An", authors: ["Thanh Le", "Minh Anh"],
                         published: ArticleDate(year: 2011, month: 9, day: 5, hour: 8, minute: 30, utcOffsetMinutes: 420),
                         dateline: "Monday, 05/09/2011 - 08:30", source: "Baonghean", url: "https://baonghean.vn/a.html",
                         language: "vi", tags: ["farming", "rice"], summary: "Farmers bring in a record crop.",
                         image: "https://baonghean.vn/lead.jpg")
        m.extra = ["layout": .string("post"), "draft": .bool(false), "series": .object(["part": .number(2), "names": .array([.string("a"), .null])])]
        let item = { (s: String) in ListItem(blocks: [.paragraph([.text(s)])]) }
        return Article(metadata: m, blocks: [
            .paragraph([.text("(Baonghean) - Farmers in "), .emphasis([.text("Nghe An")]), .text(" harvested "),
                        .strong([.text("5 * 3 = 15")]), .text(" tonnes; see "),
                        .link(url: "https://example.com/a (b)", title: "The \"report\"", content: [.text("the report")]),
                        .text(" & "), .code("x = `y`"), .text("."), .lineBreak, .text("Next line"), .softBreak,
                        .text("1. not a list; "), .strikethrough([.text("old")]), .text(" "), .html("<kbd>"), .text("K"), .html("</kbd>")]),
            .heading(level: 2, content: [.text("Section #2")]),
            .figure(Figure(image: ImageReference(source: "images/rice.jpg", alt: "A field", title: "Rice"),
                           caption: [.text("Farmers at work in "), .strong([.text("Yen Thanh")]), .text(".")], credit: "Thanh Le")),
            .figure(Figure(caption: [.text("A caption without its photo")], credit: "Minh Anh")),
            .list(ListBlock(ordered: false, items: [item("one"), ListItem(blocks: [.paragraph([.text("two")]),
                .list(ListBlock(ordered: true, start: 7, items: [item("seven"), item("eight")]))])])),
            .list(ListBlock(ordered: false, items: [item("adjacent list")])),
            .list(ListBlock(ordered: true, start: 1, tight: false, items: [item("loose"), item("items")])),
            .list(ListBlock(ordered: false, items: [ListItem(blocks: [.paragraph([.text("task")])], checked: true),
                                                    ListItem(blocks: [.paragraph([.text("open")])], checked: false)])),
            .quote([.paragraph([.text("A quote")]), .quote([.paragraph([.text("nested")])])]),
            .code(language: "swift", text: "let fence = \"```\"\n\nprint(fence)"),
            .rule,
            .table(Table(alignments: [.left, .center, .none],
                         header: [TableCell([.text("a")]), TableCell([.text("b|c")]), TableCell([.emphasis([.text("d")])])],
                         rows: [[TableCell([.text("1")]), TableCell([.code("|")]), TableCell([])]])),
            .html("<aside>\n  raw\n</aside>"),
            .heading(level: 4, content: [.text("Last")]),
        ])
    }()

    static func viaMarkdown(_ a: Article) throws(ArticleError) -> Article {
        var context = ConversionContext()
        return try MarkdownReader().read(markdown: MarkdownWriter().markdown(a), context: &context)
    }

    static func viaJSON(_ a: Article) throws(ArticleError) -> Article {
        var context = ConversionContext()
        let data = try JSONWriter().write([a], context: &context)
        let articles = try JSONReader().read(ReaderInput(data: data, name: "a.json"), context: &context)
        return articles[0]
    }

    @Test func richArticleSurvivesMarkdown() throws {
        let back = try Self.viaMarkdown(Self.rich)
        #expect(back.metadata == Self.rich.metadata)
        #expect(back.blocks.count == Self.rich.blocks.count)
        for (x, y) in zip(back.blocks, Self.rich.blocks) { #expect(x == y) }
    }

    @Test func jsonToMarkdownToJSON() throws {
        let json = try Self.viaJSON(Self.rich)
        #expect(try Self.viaJSON(Self.viaMarkdown(json)) == json)
    }

    @Test func markdownToJSONToMarkdown() throws {
        let text = MarkdownWriter().markdown(Self.rich)
        var context = ConversionContext()
        let read = try MarkdownReader().read(markdown: text, context: &context)
        #expect(MarkdownWriter().markdown(try Self.viaJSON(read)) == text)
    }

    @Test func leadImageIsFrontMatterImageAndNeverAnUnsafeOne() throws {
        #expect(MarkdownWriter().markdown(Self.rich).contains("\nimage: https://baonghean.vn/lead.jpg\n"))
        var context = ConversionContext()
        let read = try MarkdownReader().read(markdown: "---\nimage: pics/lead.jpg\n---\n\nText.\n", context: &context)
        #expect(read.metadata.image == "pics/lead.jpg" && read.metadata.extra.isEmpty)
        var unsafe = Self.rich
        unsafe.metadata.image = "javascript:alert(1)"
        #expect(!MarkdownWriter().markdown(unsafe).contains("javascript"))
    }

    @Test func captionsAndCreditsSurviveJSONToMarkdown() throws {
        let json = #"{"title": "T", "blocks": [{"type": "figure", "image": {"src": "p.jpg", "alt": "A"}, "caption": [{"type": "text", "text": "Harvest"}], "credit": "Thanh Le"}], "meta": {"weight": 3}}"#
        var context = ConversionContext()
        let a = try JSONReader().read(ReaderInput(data: Data(json.utf8), name: "a.json"), context: &context)[0]
        let md = MarkdownWriter().markdown(a)
        #expect(md == "---\nweight: 3\n---\n\n# T\n\n![A](p.jpg)\n*Harvest* (Photo: Thanh Le)\n")
        #expect(try Self.viaMarkdown(a) == a)
    }
}
