import ArticleCore
import ArticleSupport
import Foundation
import Testing

/// The first element named `name` in the document, depth first.
func firstElement(_ name: String, in doc: XMLDocument) -> XMLNode? {
    guard let root = doc.root else { return nil }
    if root.name == name { return root }
    return root.descendants(named: name).first
}

@Suite struct HTMLParserTests {
    @Test func walksTheTree() throws {
        let doc = try HTMLParser.parse(Data("<html><body><p class=a id=x>Hello <b>bold</b> world</p></body></html>".utf8))
        let p = try #require(firstElement("p", in: doc))
        #expect(p.name == "p")
        #expect(p.attribute("class") == "a")
        #expect(p.attribute("id") == "x")
        #expect(p.attribute("missing") == nil)
        #expect(p.text == "Hello bold world")
        #expect(p.elementChildren.map(\.name) == ["b"])
        #expect(p.children.map(\.kind) == [.text, .element, .text])
        #expect(p.parent?.name == "body")
    }

    @Test func decodesEntitiesOfHTML() throws {
        let doc = try HTMLParser.parse(Data("<p>Caf&eacute; &amp; &#8220;bar&#x201D;</p>".utf8))
        #expect(firstElement("p", in: doc)?.text == "Café & “bar”")
    }

    @Test func metaCharsetAfterTitleStillDecides() throws {
        let html = "<html><head><title>Новости</title><meta charset=\"windows-1251\"></head><body><p>Привет, мир</p></body></html>"
        let bytes = try #require(html.data(using: .windowsCP1251))
        let doc = try HTMLParser.parse(bytes)
        #expect(firstElement("title", in: doc)?.text == "Новости")
        #expect(firstElement("p", in: doc)?.text == "Привет, мир")
        #expect(doc.sourceEncoding == "windows-1251")
    }

    @Test func httpEquivContentType() throws {
        let html = "<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><p>日本語のニュース</p>"
        let bytes = try #require(html.data(using: .shiftJIS))
        let doc = try HTMLParser.parse(bytes)
        #expect(firstElement("p", in: doc)?.text == "日本語のニュース")
    }

    @Test func pageLyingAboutLegacyCharsetIsReadAsUTF8() throws {
        let html = "<meta charset=iso-8859-1><p>Größe – naïve “quotes”</p>"
        let doc = try HTMLParser.parse(Data(html.utf8))
        #expect(firstElement("p", in: doc)?.text == "Größe – naïve “quotes”")
    }

    @Test func pageLyingAboutUTF8FallsBackToWindows1252() throws {
        let html = "<meta charset=utf-8><p>Caf\u{E9} cr\u{E8}me</p>"
        let bytes = try #require(html.data(using: .windowsCP1252))
        let doc = try HTMLParser.parse(bytes)
        #expect(firstElement("p", in: doc)?.text == "Café crème")
    }

    @Test func undeclaredUTF8IsTriedFirst() throws {
        let doc = try HTMLParser.parse(Data("<p>Hà Nội, Việt Nam</p>".utf8))
        #expect(firstElement("p", in: doc)?.text == "Hà Nội, Việt Nam")
    }

    @Test func explicitEncodingWinsOverTheDeclaration() throws {
        let html = "<meta charset=utf-8><p>Привет</p>"
        let bytes = try #require(html.data(using: .windowsCP1251))
        let doc = try HTMLParser.parse(bytes, options: .init(encoding: "windows-1251"))
        #expect(firstElement("p", in: doc)?.text == "Привет")
    }

    @Test func byteOrderMarkWins() throws {
        var bytes = Data([0xFF, 0xFE])
        bytes.append(try #require("<meta charset=windows-1252><p>Ünïcödé</p>".data(using: .utf16LittleEndian)))
        let doc = try HTMLParser.parse(bytes)
        #expect(firstElement("p", in: doc)?.text == "Ünïcödé")
    }

    @Test func nulBytesAreDropped() throws {
        var bytes = Data("<p>one".utf8)
        bytes.append(contentsOf: [0, 0])
        bytes.append(Data(" two</p><p>three</p>".utf8))
        let doc = try HTMLParser.parse(bytes)
        #expect(doc.root?.descendants(named: "p").map(\.text) == ["one two", "three"])
    }

    @Test func truncatedHTMLIsRepaired() throws {
        let doc = try HTMLParser.parse(Data("<html><body><div><p>First paragraph<p>Second, cut off mid-wo".utf8))
        #expect(doc.root?.descendants(named: "p").map(\.text) == ["First paragraph", "Second, cut off mid-wo"])
    }

    @Test func emptyInputIsAnError() {
        #expect(throws: ArticleError.self) { try HTMLParser.parse(Data()) }
    }

    @Test func scriptsCanBeDiscardedButJSONLDStays() throws {
        let html = """
        <head><script>var a = "<p>not text</p>";</script><style>p{}</style>
        <script type="application/ld+json">{"headline":"H"}</script></head><body><p>Body</p></body>
        """
        let doc = try HTMLParser.parse(Data(html.utf8), options: .init(discardScripts: true))
        let scripts = doc.root?.descendants(named: "script") ?? []
        #expect(scripts.map(\.text) == ["", "{\"headline\":\"H\"}"])
        #expect(doc.root?.descendants(named: "p").map(\.text) == ["Body"])
    }

    @Test func unreadAttributesCanBeRemoved() throws {
        let html = """
        <body><svg><path d="M0 0L10 10"/></svg><img data-track='{"a":1}' data-src="a.jpg" DATA-X="y" src="b.jpg">
        <p data-note="<p>x</p>" title="t">Text</p></body>
        """
        let doc = try HTMLParser.parse(Data(html.utf8), options: .init(discardScripts: true, keptAttributes: ["data-src", "src", "title"]))
        let img = try #require(doc.root?.descendants(named: "img").first)
        #expect(img.attributes.map { "\($0.name)=\($0.value)" } == ["data-src=a.jpg", "src=b.jpg"])
        #expect(doc.root?.descendants(named: "path").first?.attributes.isEmpty == true)
        let p = try #require(doc.root?.descendants(named: "p").first)
        #expect(p.text == "Text")
        #expect(p.attribute("title") == "t")
        #expect(p.attribute("data-note") == nil)
    }

    @Test func attributesAreRemovedOnlyWhereLibxml2ReadsThemTheSameWay() throws {
        // libxml2 skips an end tag to its first `>`, so the quote after data-x opens no value;
        // after `a!` it skips to the next blank; a processing instruction ends at the first `>`.
        let html = """
        <body><p>One</p data-x="a><b>kept</b><i class="y">two</i>
        <div a!="b>c" data-z="q">three</div><?pi "<em data-w='1'>" ?></body>
        """
        let options = HTMLParser.Options(discardScripts: true, keptAttributes: ["class"])
        let doc = try HTMLParser.parse(Data(html.utf8), options: options)
        let plain = try HTMLParser.parse(Data(html.utf8), options: .init(discardScripts: true))
        #expect(doc.root?.descendants(named: "b").map(\.text) == ["kept"])
        #expect(doc.root?.text == plain.root?.text)
        #expect(doc.root?.text.contains("data-z=\"q\"") == true)
    }
}
