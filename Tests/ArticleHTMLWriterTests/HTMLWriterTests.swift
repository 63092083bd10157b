import ArticleCore
import ArticleHTML
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

private func page(_ articles: [Article], title: String? = nil) throws -> String {
    var options = ConversionOptions()
    options.title = title
    var context = ConversionContext(options: options)
    return String(decoding: try HTMLWriter().write(articles, context: &context), as: UTF8.self)
}

private func isWellFormedXML(_ s: String) -> Bool {
    XMLParser(data: Data(s.utf8)).parse()
}

@Suite struct HTMLWriterTests {
    let article = Article(
        metadata: Metadata(title: "A & B <c> \"d\" 🌾", subtitle: "Sub", authors: ["Ann", "Bo"],
                           published: ArticleDate(year: 2011, month: 9, day: 5, hour: 8, minute: 30, utcOffsetMinutes: 420),
                           dateline: "Monday, 05/09/2011 - 08:30", source: "Baonghean", url: "https://example.org/a", language: "en"),
        blocks: [
            .paragraph([.text("x < y & "), .emphasis([.text("em")]), .text(" "), .strong([.text("st")]), .lineBreak,
                        .code("a<b"), .link(url: "https://example.org/?a=1&b=2", title: "T\"", content: [.text("link")])]),
            .figure(Figure(image: ImageReference(source: "p.jpg", alt: "alt \"q\""), caption: [.text("Caption.")], credit: "Photog")),
            .list(ListBlock(ordered: true, start: 3, items: [ListItem(blocks: [.paragraph([.text("three")])], checked: true)])),
            .quote([.paragraph([.text("quoted")])]),
            .table(Table(alignments: [.right], header: [TableCell([.text("h")])], rows: [[TableCell([.text("c")])]])),
            .code(language: "swift", text: "let a = b < c\n"),
            .rule,
            .html("<aside class=\"raw\">kept</aside>"),
        ])

    @Test func standalonePageWithHeaderBlock() throws {
        let html = try page([article])
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<title>A &amp; B &lt;c&gt; \"d\" 🌾</title>"))
        #expect(html.contains("<h1 class=\"title\" id=\"title\">A &amp; B &lt;c&gt; \"d\" 🌾</h1>"))
        #expect(html.contains("<p class=\"byline\">Ann, Bo</p>"))
        #expect(html.contains("<time datetime=\"2011-09-05T08:30:00+07:00\">Monday, 05/09/2011 - 08:30</time>"))
        #expect(html.contains("<p class=\"source\"><a href=\"https://example.org/a\">Baonghean</a></p>"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://example.org/a\"/>"))
    }

    @Test func blocksUseTheSharedMarkup() throws {
        let html = try page([article])
        #expect(html.contains("<p>x &lt; y &amp; <em>em</em> <strong>st</strong><br/>\n<code>a&lt;b</code><a href=\"https://example.org/?a=1&amp;b=2\" title=\"T&quot;\">link</a></p>"))
        #expect(html.contains("<figure>\n<img src=\"p.jpg\" alt=\"alt &quot;q&quot;\"/>\n<figcaption>Caption. <span class=\"credit\">Photog</span></figcaption>\n</figure>"))
        #expect(html.contains("<ol start=\"3\">\n<li>☑ three</li>\n</ol>"))
        #expect(html.contains("<blockquote>\n<p>quoted</p>\n</blockquote>"))
        #expect(html.contains("<th style=\"text-align: right\">h</th>"))
        #expect(html.contains("<pre><code class=\"language-swift\">let a = b &lt; c\n</code></pre>"))
        #expect(html.contains("<hr/>"))
        #expect(html.contains("<aside class=\"raw\">kept</aside>"), "raw HTML is emitted as it is")
    }

    @Test func outputIsWellFormedXMLWhenTheRawHTMLIs() throws {
        #expect(isWellFormedXML(try page([article])))
        var renderer = XHTMLRenderer()
        renderer.rawHTML = .text
        var broken = article
        broken.blocks.append(.html("<p>unclosed <b>x"))
        #expect(isWellFormedXML(renderer.render(broken).markup))
    }

    @Test func scriptLinksAreDroppedAndBadCharactersRemoved() throws {
        let a = Article(metadata: Metadata(title: "t\u{0}\u{1}itle"), blocks: [
            .paragraph([.link(url: "javascript:alert(1)", title: nil, content: [.text("click")]),
                        .link(url: " https://example.org/a b\"c ", title: nil, content: [.text("spaced")])]),
        ])
        let html = try page([a])
        #expect(!html.contains("javascript"))
        #expect(html.contains(">click<") || html.contains("<p>click"))
        #expect(html.contains("href=\"https://example.org/a%20b%22c\""))
        #expect(html.contains("<h1 class=\"title\" id=\"title\">title</h1>"))
        #expect(isWellFormedXML(html))
    }

    @Test func missingImageKeepsTheFigureCaptionAndResourcesAreInlined() throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
        let a = Article(metadata: Metadata(title: "Img"), blocks: [
            .figure(Figure(image: ImageReference(source: "javascript:x"), caption: [.text("Gone.")], credit: "C")),
            .figure(Figure(image: ImageReference(source: "in.png", alt: "in"), caption: [], credit: nil)),
        ], resources: [Resource(path: "in.png", mediaType: "image/png", data: png)])
        let html = try page([a])
        #expect(html.contains("<figure>\n<figcaption>Gone. <span class=\"credit\">C</span></figcaption>\n</figure>"))
        #expect(html.contains("<img src=\"data:image/png;base64,\(png.base64EncodedString())\" alt=\"in\"/>"))
    }

    @Test func severalArticlesKeepIdsUnique() throws {
        var a = article
        a.blocks = [.heading(level: 2, content: [.text("H")])]
        let html = try page([a, a], title: "Both")
        #expect(html.contains("<title>Both</title>"))
        #expect(html.contains("id=\"sec-1\"") && html.contains("id=\"a2-sec-1\""))
        #expect(html.contains("id=\"title\"") && html.contains("id=\"a2-title\""))
    }

    @Test func escapingHelpers() {
        #expect(XHTMLEscaping.text("a<b>&\"'") == "a&lt;b&gt;&amp;\"'")
        #expect(XHTMLEscaping.attribute("a\"b\nc") == "a&quot;b&#10;c")
        #expect(XHTMLEscaping.text("ok\u{FFFE}\u{7}") == "ok")
        #expect(XHTMLEscaping.safeLinkURL("JavaScript:x") == nil)
        #expect(XHTMLEscaping.safeLinkURL("https://x.org/é?q=%zz#a#b") == "https://x.org/%C3%A9?q=%25zz#a%23b")
        #expect(XHTMLEscaping.textOfHTML("<p>a&nbsp;b</p><style>x{}</style><p>&#x41;&lt;</p>") == "a b A<")
    }
}
