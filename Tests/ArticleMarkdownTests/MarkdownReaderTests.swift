import ArticleCore
import ArticleMarkdown
import Foundation
import Testing

/// The reader, construct by construct: Markdown in, model out.
@Suite struct MarkdownReaderTests {
    @Test func inlines() throws {
        #expect(try blocks("a *b* **c** ~~d~~ `e` [f](/g \"h\") ![i *j*](/k)\\\nl\nm <span>n</span> &amp; \\*")
            == [.paragraph([
                .text("a "), .emphasis([.text("b")]), .text(" "), .strong([.text("c")]), .text(" "),
                .strikethrough([.text("d")]), .text(" "), .code("e"), .text(" "),
                .link(url: "/g", title: "h", content: [.text("f")]), .text(" "),
                .image(ImageReference(source: "/k", alt: "i j")), .lineBreak, .text("l"), .softBreak,
                .text("m "), .html("<span>"), .text("n"), .html("</span>"), .text(" & *"),
            ])])
    }

    @Test func autolinks() throws {
        #expect(try blocks("<https://a.org> www.b.org c@d.org")
            == [.paragraph([
                .link(url: "https://a.org", title: nil, content: [.text("https://a.org")]), .text(" "),
                .link(url: "http://www.b.org", title: nil, content: [.text("www.b.org")]), .text(" "),
                .link(url: "mailto:c@d.org", title: nil, content: [.text("c@d.org")]),
            ])])
    }

    @Test func headingsRulesQuotesCode() throws {
        #expect(try blocks("## A\n\nB\n---\n\n***\n\n> q\n\n```swift\nlet x = 1\n```\n\n    indented\n")
            == [.heading(level: 2, content: [.text("A")]), .heading(level: 2, content: [.text("B")]), .rule,
                .quote([.paragraph([.text("q")])]), .code(language: "swift", text: "let x = 1"),
                .code(language: nil, text: "indented")])
    }

    @Test func fenceInfoIsKeptWhole() throws {
        #expect(try blocks("``` ruby startline=3\nx\n```") == [.code(language: "ruby startline=3", text: "x")])
    }

    @Test func lists() throws {
        let a = ListItem(blocks: [.paragraph([.text("a")])])
        let b = ListItem(blocks: [.paragraph([.text("b")])])
        #expect(try blocks("- a\n- b") == [.list(ListBlock(ordered: false, items: [a, b]))])
        #expect(try blocks("3) a\n\n4) b") == [.list(ListBlock(ordered: true, start: 3, tight: false, items: [a, b]))])
        #expect(try blocks("- [x] a\n- [ ] b") == [.list(ListBlock(ordered: false, items: [
            ListItem(blocks: [.paragraph([.text("a")])], checked: true),
            ListItem(blocks: [.paragraph([.text("b")])], checked: false),
        ]))])
    }

    @Test func tables() throws {
        #expect(try blocks("| a | b |\n| :-: | --: |\n| 1 | 2 |")
            == [.table(Table(alignments: [.center, .right], header: [TableCell([.text("a")]), TableCell([.text("b")])],
                             rows: [[TableCell([.text("1")]), TableCell([.text("2")])]]))])
    }

    @Test func rawHTMLIsKept() throws {
        #expect(try blocks("<div>\n*x*\n</div>\n\ntext") == [.html("<div>\n*x*\n</div>"), .paragraph([.text("text")])])
    }

    @Test func figures() throws {
        #expect(try blocks("![A](p.jpg)\n*Caption* (Photo: Thanh Le)")
            == [.figure(Figure(image: ImageReference(source: "p.jpg", alt: "A"), caption: [.text("Caption")], credit: "Thanh Le"))])
        #expect(try blocks("![A](p.jpg)") == [.figure(Figure(image: ImageReference(source: "p.jpg", alt: "A")))])
        #expect(try blocks("*Caption* (Ảnh: Thanh Le)") == [.figure(Figure(caption: [.text("Caption")], credit: "Thanh Le"))])
        // An emphasised line alone, or an image inside text, is not a figure.
        #expect(try blocks("*Just emphasis*") == [.paragraph([.emphasis([.text("Just emphasis")])])])
        #expect(try blocks("see ![A](p.jpg)") == [.paragraph([.text("see "), .image(ImageReference(source: "p.jpg", alt: "A"))])])
    }

    @Test func leadingHeadingBecomesTheTitle() throws {
        let one = try read("# The title\n\nBody.").article
        #expect(one.metadata.title == "The title")
        #expect(one.blocks == [.paragraph([.text("Body.")])])
        // Two level-1 headings are sections; a formatted heading is not plain text.
        #expect(try read("# A\n\n# B").article.metadata.title == nil)
        #expect(try read("# A *b*").article.metadata.title == nil)
        // A front-matter title wins; the heading stays in the body.
        let both = try read("---\ntitle: T\n---\n# H\n").article
        #expect(both.metadata.title == "T")
        #expect(both.blocks == [.heading(level: 1, content: [.text("H")])])
    }

    @Test func notUTF8IsAClearError() {
        var context = ConversionContext()
        let input = ReaderInput(data: Data([0x63, 0x61, 0x66, 0xE9, 0x0A]), name: "bad.md")
        do throws(ArticleError) {
            _ = try MarkdownReader().read(input, context: &context)
            Issue.record("expected an encoding error")
        } catch {
            #expect(error.code == .badEncoding)
            #expect(error.file == "bad.md")
            #expect(error.description.contains("not valid UTF-8"))
        }
    }

    @Test(arguments: [
        String(repeating: ">", count: 100_000) + " deep",
        String(repeating: "- ", count: 100_000) + "deep",
        String(repeating: "1. ", count: 100_000) + "deep",
        String(repeating: "*", count: 100_000) + "deep" + String(repeating: "*", count: 100_000),
    ])
    func deepNestingIsRefusedNotCrashed(_ text: String) {
        do {
            _ = try read(text)
            Issue.record("expected a limit error")
        } catch {
            #expect(error.code == .limitExceeded)
            #expect(error.message.contains("\(MarkdownFormat.maximumDepth) levels"))
        }
    }

    @Test func parsesAtOnceInManyThreads() async throws {
        // cmark-gfm keeps extension characters in a process-wide table; the reader serialises
        // parses so that none loses its strikethrough or autolinks.
        let expected: [Block] = [.paragraph([.strikethrough([.text("gone")]), .text(" "),
                                             .link(url: "http://www.a.org", title: nil, content: [.text("www.a.org")])])]
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<200 {
                group.addTask { (try? blocks("~~gone~~ www.a.org")) == expected }
            }
            var all: [Bool] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.allSatisfy { $0 })
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let text = String(repeating: ">", count: 100) + " deep"
        var b = try blocks(text)
        var depth = 0
        while case .quote(let inner)? = b.first { depth += 1; b = inner }
        #expect(depth == 100)
        #expect(b == [.paragraph([.text("deep")])])
    }
}
