import ArticleCore
import ArticleKit
import Foundation
import Testing

/// Books as publishers and tools make them, valid or nearly so: read as reading systems read them.
@Suite struct EPUBTolerantReadingTests {
    func read(_ book: HandMadeBook, options: ConversionOptions = ConversionOptions()) throws -> (articles: [Article], warnings: [String]) {
        var context = ConversionContext(options: options)
        let articles = try Converter().read(ReaderInput(data: book.data, name: "hand.epub"), from: "epub", context: &context)
        return (articles, context.warnings.map(\.message))
    }

    func text(_ articles: [Article]) -> String {
        articles.map { $0.blocks.map(\.plainText).joined(separator: "\n") }.joined(separator: "\n")
    }

    /// Two ordinary chapters, for tests that change one thing about a book.
    func twoChapters() -> HandMadeBook {
        var b = HandMadeBook()
        b.addDocument(id: "c1", href: "c1.xhtml", body: "<h1>One</h1><p>First chapter words.</p>")
        b.addDocument(id: "c2", href: "c2.xhtml", body: "<h1>Two</h1><p>Second chapter words.</p>")
        return b
    }

    @Test func utf8NamesWithoutTheFlagAndCP437NamesAreFound() throws {
        var b = HandMadeBook()
        b.utf8Flag = false
        b.addDocument(id: "cover", href: "%E8%A1%A8%E7%B4%99.xhtml", body: "<p>表紙の言葉。</p>")
        // CP437's 0x81 is ü: a name that is not UTF-8 at all.
        b.items.append(.init(id: "c2", href: "%C3%BC.xhtml"))
        b.spine.append(("c2", ""))
        b.files.append((Array("OEBPS/".utf8) + [0x81] + Array(".xhtml".utf8), HandMadeBook.xhtml("<p>Umlaut page.</p>")))
        let (articles, _) = try read(b)
        #expect(text(articles).contains("表紙の言葉。"))
        #expect(text(articles).contains("Umlaut page."))
    }

    @Test func idsAndHrefsWithSpacesPercentEncodingOrAnotherCaseResolve() throws {
        var b = HandMadeBook()
        b.items = [.init(id: " c1 ", href: " Text/Chapter%20One.xhtml "), .init(id: "c2", href: "text/CHAPTER-2.XHTML")]
        b.spine = [("c1  ", ""), (" c2", "")]
        b.add("OEBPS/Text/Chapter One.xhtml", HandMadeBook.xhtml("<p>Spaced id and encoded href.</p>"))
        b.add("OEBPS/Text/chapter-2.xhtml", HandMadeBook.xhtml("<p>Case differs from the manifest.</p>"))
        let all = text(try read(b).articles)
        #expect(all.contains("Spaced id and encoded href.") && all.contains("Case differs from the manifest."))
    }

    @Test func aBookWithoutMimetypeIsReadWithAWarning() throws {
        var b = twoChapters()
        b.withMimetype = false
        let (articles, warnings) = try read(b)
        #expect(text(articles).contains("Second chapter words."))
        #expect(warnings.contains { $0.contains("no mimetype") })
    }

    @Test func compressionOnlyEncryptionIsNotDRMButRealEncryptionIs() throws {
        var b = twoChapters()
        let compressed = """
        <encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
        <enc:EncryptedData><enc:CipherData><enc:CipherReference URI="OEBPS/video.mp4"/></enc:CipherData>
        <enc:EncryptionProperties><enc:EncryptionProperty><Compression xmlns="http://www.idpf.org/2016/encryption#compression" Method="8" OriginalLength="100"/></enc:EncryptionProperty></enc:EncryptionProperties>
        </enc:EncryptedData></encryption>
        """
        b.add("META-INF/encryption.xml", Data(compressed.utf8))
        #expect(text(try read(b).articles).contains("First chapter words."))
        var drm = twoChapters()
        drm.add("META-INF/encryption.xml", Data(compressed.replacingOccurrences(of: "<enc:CipherData>", with: "<enc:EncryptionMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#aes128-cbc\"/><enc:CipherData>").utf8))
        #expect { try read(drm) } throws: { ($0 as? ArticleError)?.code == .encrypted }
    }

    @Test func svgTextIsRead() throws {
        var b = HandMadeBook()
        b.items = [.init(id: "p1", href: "page1.svg", mediaType: "image/svg+xml"), .init(id: "p2", href: "page2.xhtml")]
        b.spine = [("p1", ""), ("p2", "")]
        b.add("OEBPS/page1.svg", Data("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><title>t</title><text x=\"1\" y=\"1\">Drawn words <tspan>on a page</tspan></text></svg>".utf8))
        b.add("OEBPS/page2.xhtml", HandMadeBook.xhtml("<p>Before.</p><svg xmlns=\"http://www.w3.org/2000/svg\"><text>Inline drawn text</text></svg><p>After.</p>"))
        let all = text(try read(b).articles)
        #expect(all.contains("Drawn words on a page"))
        let inline = try #require(all.range(of: "Inline drawn text"))
        #expect(all.range(of: "Before.").map { $0.upperBound <= inline.lowerBound } == true, "in document order")
        #expect(!all.split(separator: "\n").contains("t"), "an SVG's <title> is not text")
    }

    @Test func spineFallbacksChainsAndImageOnlyPages() throws {
        var b = HandMadeBook()
        b.items = [
            .init(id: "img1", href: "p1.jpg", mediaType: "image/jpeg", attributes: "fallback=\"mid\""),
            .init(id: "mid", href: "p1.pdf", mediaType: "application/pdf", attributes: "fallback=\"doc\""),
            .init(id: "doc", href: "p1.xhtml"),
            .init(id: "loop", href: "x.bin", mediaType: "application/x-thing", attributes: "fallback=\"loop\""),
            .init(id: "manga", href: "p2.png", mediaType: "image/png"),
        ]
        b.spine = [("img1", ""), ("loop", ""), ("manga", "")]
        b.add("OEBPS/p1.jpg", Data([0xFF, 0xD8, 0xFF]))
        b.add("OEBPS/p1.xhtml", HandMadeBook.xhtml("<p>Read from the fallback.</p>"))
        b.add("OEBPS/p2.png", tinyPNG)
        let (articles, _) = try read(b)
        #expect(text(articles).contains("Read from the fallback."))
        let page = try #require(articles.last)
        #expect(page.resources.first?.data == tinyPNG, "the image page is an article of its image")
        #expect(page.blocks.contains { if case .figure(let f) = $0 { f.image?.source == page.resources.first?.path } else { false } })
    }

    @Test func headingOnlyPagesStayAndNonLinearComeLastOrNotAtAll() throws {
        var b = HandMadeBook()
        b.addDocument(id: "notes", href: "notes.xhtml", body: "<h1>Notes</h1><p>Note one.</p>", spineAttributes: "linear=\"no\"")
        b.addDocument(id: "part", href: "part1.xhtml", body: "<h1>Part One</h1>")
        b.addDocument(id: "blank", href: "blank.xhtml", body: "<div> </div>")
        b.addDocument(id: "c1", href: "c1.xhtml", body: "<h1>Chapter 1</h1><p>Story words.</p>")
        let (articles, _) = try read(b)
        #expect(articles.map(\.metadata.title) == ["Part One", "Chapter 1", "Notes"])
        #expect(articles[0].blocks == [.heading(level: 1, content: [.text("Part One")])])
        var omit = ConversionOptions()
        omit.extra["epub-nonlinear"] = "omit"
        #expect(try read(b, options: omit).articles.map(\.metadata.title) == ["Part One", "Chapter 1"])
        var join = ConversionOptions()
        join.extra["epub-chapters"] = "join"
        let joined = try #require(try read(b, options: join).articles.first)
        let headings = joined.blocks.compactMap { if case .heading(_, let c) = $0 { c.plainText } else { nil } }
        #expect(headings == ["Part One", "Chapter 1", "Notes"], "the part keeps its place in a joined book")
    }

    @Test func aTableInsideAFigureStaysATable() throws {
        var b = twoChapters()
        b.addDocument(id: "t", href: "t.xhtml", body: "<figure><p class=\"hd\">List of Governors</p><table><tr><th>Name</th></tr><tr><td>Ann</td></tr></table><figcaption>Source: records</figcaption></figure>")
        let chapter = try #require(try read(b).articles.last)
        #expect(chapter.blocks.contains { if case .table = $0 { true } else { false } })
        #expect(!chapter.blocks.contains { if case .figure = $0 { true } else { false } })
        #expect(text([chapter]).contains("List of Governors") && text([chapter]).contains("Source: records"))
    }

    @Test func aMissingOrNonXMLChapterIsLeftOutWithAWarningNamingIt() throws {
        var b = twoChapters()
        b.items.append(.init(id: "gone", href: "gone.xhtml"))
        b.spine.insert(("gone", ""), at: 1)
        b.addDocument(id: "bad", href: "bad.xhtml", body: "")
        b.files.removeLast()
        b.add("OEBPS/bad.xhtml", Data("<p>Unclosed <b>markup & stray".utf8))
        let (articles, warnings) = try read(b)
        #expect(text(articles).contains("First chapter words.") && text(articles).contains("Second chapter words."))
        #expect(warnings.contains { $0.contains("OEBPS/gone.xhtml") && $0.contains("left out") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("OEBPS/bad.xhtml") }, "\(warnings)")
    }

    @Test func aDamagedChapterIsLeftOutAndTheRestRead() throws {
        var data = twoChapters().data
        // One byte of the second chapter changed after zipping: its CRC no longer matches.
        let range = try #require(data.range(of: Data("Second chapter words.".utf8)))
        data[range.lowerBound] = UInt8(ascii: "X")
        var context = ConversionContext()
        let articles = try Converter().read(ReaderInput(data: data, name: "hand.epub"), from: "epub", context: &context)
        #expect(text(articles).contains("First chapter words.") && !text(articles).contains("econd chapter"))
        #expect(context.warnings.contains { $0.message.contains("OEBPS/c2.xhtml") && $0.message.contains("damaged") }, "\(context.warnings)")
    }

    @Test func oneChapterWithEntitiesStillRefusesTheBook() throws {
        var b = twoChapters()
        b.addDocument(id: "e", href: "e.xhtml", body: "")
        b.files.removeLast()
        b.add("OEBPS/e.xhtml", Data("<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY a \"aaaa\">]><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>&a;</p></body></html>".utf8))
        #expect { try read(b) } throws: { ($0 as? ArticleError)?.code == .unsafeInput }
    }

    @Test func theBookMetadataTitlesEveryWholeBookOutput() throws {
        var b = twoChapters()
        b.metadata = "<dc:publisher>Hand Press</dc:publisher><dc:date>1922-10-01</dc:date>"
        let input = ReaderInput(data: b.data, name: "hand.epub")
        for format in ["json", "md", "html", "txt"] {
            var context = ConversionContext()
            let out = String(decoding: try Converter().convert([input], from: "epub", to: format, context: &context), as: UTF8.self)
            #expect(out.contains("A Hand-Made Book"), "\(format)")
        }
        var context = ConversionContext()
        let json = try Converter().convert([input], from: "epub", to: "json", context: &context)
        let meta = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect((meta["meta"] as? [String: Any])?["identifier"] as? String == "urn:uuid:12345678-1234-4234-8234-123456789abc")
        #expect(meta["title"] as? String == "A Hand-Made Book")
        #expect(meta["authors"] as? [String] == ["Ada Writer"] && meta["language"] as? String == "en")
        #expect(meta["source"] as? String == "Hand Press")
        // Per chapter, the chapters' own titles.
        #expect(try read(b).articles.map(\.metadata.title) == ["One", "Two"])
    }
}
