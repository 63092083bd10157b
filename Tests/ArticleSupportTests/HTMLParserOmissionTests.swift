import ArticleSupport
import Foundation
import Testing

/// libxml2's own limits cut a page silently; ArticleKit's keep all of it or say what went.
@Suite struct HTMLParserOmissionTests {
    static func parse(_ html: String, _ options: HTMLParser.Options = HTMLParser.Options()) throws -> XMLDocument {
        try HTMLParser.parse(Data(html.utf8), options: options)
    }

    @Test func aTextNodeOverTenMegabytesIsKeptWhole() throws {
        let words = String(repeating: "word ", count: 2_200_000)  // 11 MB
        let doc = try Self.parse("<html><body><p>\(words)end</p><p>after</p></body></html>")
        let text = doc.root?.text ?? ""
        #expect(text.hasSuffix("endafter"), "the page goes on past 10,000,000 bytes")
        #expect(text.utf8.count == words.utf8.count + 8)
        #expect(doc.omissions.isEmpty)
    }

    @Test func aJSONLDBlockOverTenMegabytesKeepsThePage() throws {
        let ld = #"{"@type": "NewsArticle", "x": ""# + String(repeating: "y", count: 11_000_000) + #""}"#
        let doc = try Self.parse("<html><head><script type=\"application/ld+json\">\(ld)</script></head><body><p>the body</p></body></html>",
                                 HTMLParser.Options(discardScripts: true))
        #expect(doc.root?.text.hasSuffix("the body") == true)
    }

    /// Nesting past the limit loses its tags but none of its text, whatever the markup after it.
    @Test(arguments: ["div", "span", "blockquote", "b"])
    func deepNestingIsFlattenedNotCut(tag: String) throws {
        let n = 50_000
        for closing in ["</\(tag)>", "</div>", ""] {
            let html = "<html><body>" + String(repeating: "<\(tag) class=c>", count: n) + "<p>bottom</p>"
                + String(repeating: closing, count: n) + "<p>after</p></body></html>"
            var doc: XMLDocument?
            let t = try seconds { doc = try Self.parse(html) }
            let text = doc?.root?.text ?? ""
            #expect(text.contains("bottom") && text.hasSuffix("after"), "<\(tag)> closed by \(closing): \(text.suffix(40))")
            #expect(doc?.omissions.first?.contains("flattened") == true)
            #expect(t < timeLimit, "<\(tag)> closed by \(closing): \(t) s")
        }
    }

    @Test func ordinaryPagesAreNotFlattened() throws {
        // Unclosed paragraphs and list items, void elements and `<x/>` nest nothing in libxml2,
        // so a long page of them is far below any depth.
        let items = String(repeating: "<p>para<br><img src=a.jpg><li>item<input><hr><svg><path d=\"M0\"/></svg>", count: 5_000)
        let doc = try Self.parse("<html><body><ul>\(items)</ul><table>" + String(repeating: "<tr><td>cell<td>cell", count: 2_000) + "</table></body></html>")
        #expect(doc.omissions.isEmpty, "\(doc.omissions)")
    }

    @Test func attributesPastTheCapAreLeftOutKeepingTheOnesRead() throws {
        let flood = (0..<50_000).map { "data-x\($0)=\"v\"" }.joined(separator: " ")
        let unquoted = (0..<50_000).map { "x\($0)=v" }.joined(separator: " ")
        let html = "<html><body><p \(flood) class=\"keep\">text</p><img \(unquoted) src=\"pic.jpg\" alt=\"A\"></body></html>"
        var doc: XMLDocument?
        let t = try seconds { doc = try Self.parse(html, HTMLParser.Options(discardScripts: true, keptAttributes: ["class", "src", "alt"])) }
        #expect(t < timeLimit, "\(t) s (libxml2 alone: 21 s)")
        let p = doc?.root?.descendants(named: "p").first
        let img = doc?.root?.descendants(named: "img").first
        #expect(p?.attribute("class") == "keep")
        #expect(img?.attribute("src") == "pic.jpg" && img?.attribute("alt") == "A")
        #expect(doc?.omissions.contains { $0.contains("attributes past 100") } == true)
        // Without a list of kept names (EPUB chapters) the first ones are kept.
        let plain = try Self.parse("<html><body><p id=first \(unquoted)>t</p></body></html>")
        #expect(plain.root?.descendants(named: "p").first?.attribute("id") == "first")
        #expect(plain.omissions.count == 1)
    }

    @Test func theAttributeCapIsLinear() throws {
        func page(_ n: Int) -> String { "<html><body><p " + (0..<n).map { "a\($0)=\"v\"" }.joined(separator: " ") + ">t</p></body></html>" }
        let small = page(25_000), large = page(100_000)
        let t1 = try seconds { _ = try Self.parse(small) }
        let t4 = try seconds { _ = try Self.parse(large) }
        #expect(t4 < max(t1, 0.01) * 8, "4× the attributes: \(t1) s then \(t4) s")
    }
}
