import ArticleCore
import ArticleKit
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// A book's parts and cover, read from another publisher's book and rebuilt: parts holding
/// chapters stay parts in the new book's contents, and the cover stays the cover.
@Suite struct EPUBNestedContentsTests {
    /// Two parts: a part page each, chapters under them, and a chapter's second file that the
    /// contents do not list. `ncx` puts the nesting in an EPUB 2 NCX instead of a nav document.
    static func partsBook(ncx: Bool = false, cover: Bool = false) -> HandMadeBook {
        var b = HandMadeBook()
        b.title = "Parts and Chapters"
        if cover {
            b.items.append(.init(id: "cover-img", href: "images/front.png", mediaType: "image/png", attributes: ncx ? "" : "properties=\"cover-image\""))
            b.add("OEBPS/images/front.png", tinyPNG)
            b.addDocument(id: "cover", href: "cover.xhtml", body: "<div><img src=\"images/front.png\" alt=\"Cover\"/></div>")
            if ncx { b.metadata = "<meta name=\"cover\" content=\"cover-img\"/>" }
        }
        b.addDocument(id: "p1", href: "part1.xhtml", body: "<h1>Part One</h1>")
        b.addDocument(id: "c1", href: "c1.xhtml", body: "<h2>Chapter 1</h2><p>The first chapter's words.</p>")
        b.addDocument(id: "c1b", href: "c1b.xhtml", body: "<p>More of the first chapter, in a file of its own.</p>")
        b.addDocument(id: "c2", href: "c2.xhtml", body: "<h2>Chapter 2</h2><p>The second chapter's words.</p>")
        b.addDocument(id: "p2", href: "part2.xhtml", body: "<h1>Part Two</h1>")
        b.addDocument(id: "c3", href: "c3.xhtml", body: "<h2>Chapter 3</h2><p>The third chapter's words.</p><h3 id=\"s\">A section</h3><p>Inside it.</p>")
        if ncx {
            b.version = "2.0"
            b.items.append(.init(id: "ncx", href: "toc.ncx", mediaType: "application/x-dtbncx+xml"))
            func point(_ label: String, _ src: String, _ inner: String = "") -> String {
                "<navPoint id=\"n-\(src.filter(\.isLetter))\(src.filter(\.isNumber))\"><navLabel><text>\(label)</text></navLabel><content src=\"\(src)\"/>\(inner)</navPoint>"
            }
            let map = point("Part One", "part1.xhtml", point("Chapter 1", "c1.xhtml") + point("Chapter 2", "c2.xhtml"))
                + point("Part Two", "part2.xhtml", point("Chapter 3", "c3.xhtml", point("A section", "c3.xhtml#s")))
            b.add("OEBPS/toc.ncx", Data("<?xml version=\"1.0\"?><ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\"><head/><docTitle><text>t</text></docTitle><navMap>\(map)</navMap></ncx>".utf8))
        } else {
            b.items.append(.init(id: "nav", href: "nav.xhtml", attributes: "properties=\"nav\""))
            b.add("OEBPS/nav.xhtml", HandMadeBook.xhtml("""
            <nav epub:type="toc"><ol>
            <li><a href="part1.xhtml">Part One</a><ol><li><a href="c1.xhtml">Chapter 1</a></li><li><a href="c2.xhtml">Chapter 2</a></li></ol></li>
            <li><a href="part2.xhtml">Part Two</a><ol><li><a href="c3.xhtml">Chapter 3</a><ol><li><a href="c3.xhtml#s">A section</a></li></ol></li></ol></li>
            </ol></nav>
            """))
        }
        return b
    }

    static func read(_ book: HandMadeBook) throws -> [Article] {
        var context = ConversionContext()
        return try Converter().read(ReaderInput(data: book.data, name: "parts.epub"), from: "epub", context: &context)
    }

    static func rebuild(_ book: HandMadeBook) throws -> UnzippedBook {
        var context = ConversionContext()
        context.options.rasterCover = false
        let data = try Converter().convert([ReaderInput(data: book.data, name: "parts.epub")], from: "epub", to: "epub", context: &context)
        return try UnzippedBook(data)
    }

    /// The contents entries of a nav document or NCX as (depth, label), in order.
    static func contents(_ data: Data) -> [(depth: Int, label: String)] {
        final class Walk: NSObject, XMLParserDelegate {
            var depth = 0, inLabel = false, inTOC = false
            var out: [(depth: Int, label: String)] = []
            func parser(_ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                switch name {
                case "nav": inTOC = attributes["epub:type"] == "toc"
                case "ol" where inTOC, "navPoint": depth += 1
                case "a" where inTOC, "text" where depth > 0:
                    inLabel = true
                    out.append((depth, ""))
                default: break
                }
            }
            func parser(_ p: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                switch name {
                case "nav": inTOC = false
                case "ol" where inTOC, "navPoint": depth -= 1
                case "a", "text": inLabel = false
                default: break
                }
            }
            func parser(_ p: XMLParser, foundCharacters s: String) {
                if inLabel, let last = out.indices.last { out[last].label += s }
            }
        }
        let walk = Walk()
        let parser = XMLParser(data: data)
        parser.delegate = walk
        _ = parser.parse()
        return walk.out
    }

    @Test(arguments: [false, true])
    func chaptersUnderAPartHaveThePartAsTheirSection(ncx: Bool) throws {
        let articles = try Self.read(Self.partsBook(ncx: ncx))
        let shown = articles.map { ($0.metadata.title ?? "-", $0.metadata.section ?? "-") }
        // The chapter's second file, which the contents do not list, is in the part of the file before it.
        #expect(shown.map(\.1) == ["Part One", "Part One", "Part One", "Part One", "Part Two", "Part Two"], "\(shown)")
        #expect(shown.map(\.0) == ["Part One", "Chapter 1", "Parts and Chapters", "Chapter 2", "Part Two", "Chapter 3"], "\(shown)")
    }

    @Test(arguments: [false, true])
    func aRebuiltBookKeepsThePartsNestingAndTheChapterOrder(ncx: Bool) throws {
        let book = try Self.rebuild(Self.partsBook(ncx: ncx))
        let expected: [(Int, String)] = [(1, "Part One"), (2, "Chapter 1"), (2, "Parts and Chapters"), (2, "Chapter 2"),
                                         (1, "Part Two"), (2, "Chapter 3"), (3, "A section")]
        for file in ["EPUB/nav.xhtml", "EPUB/toc.ncx"] {
            let entries = Self.contents(book.files[file] ?? Data())
            #expect(entries.map(\.depth) == expected.map(\.0) && entries.map(\.label) == expected.map(\.1), "\(file): \(entries)")
        }
        let text = book.chapters.joined()
        let order = ["Part One", "first chapter", "More of the first chapter", "second chapter", "Part Two", "third chapter"].compactMap { text.range(of: $0)?.lowerBound }
        #expect(order.count == 6 && order == order.sorted(), "the chapters in their order")
    }

    /// A book of two chapters, c1.xhtml and c2.xhtml with these bodies, and an EPUB 3 nav whose
    /// table of contents is `nav` (its `<ol>`).
    static func twoChapters(first: String, second: String, nav: String) -> HandMadeBook {
        var b = HandMadeBook()
        b.addDocument(id: "c1", href: "c1.xhtml", body: first)
        b.addDocument(id: "c2", href: "c2.xhtml", body: second)
        b.items.append(.init(id: "nav", href: "nav.xhtml", attributes: "properties=\"nav\""))
        b.add("OEBPS/nav.xhtml", HandMadeBook.xhtml("<nav epub:type=\"toc\">" + nav + "</nav>"))
        return b
    }

    @Test func contentsWhoseChildrenPointInsideTheirOwnDocumentAreNotParts() throws {
        let b = Self.twoChapters(first: "<h1>One</h1><p>a</p><h2 id=\"x\">One, a</h2><p>b</p>", second: "<h1>Two</h1><p>c</p>",
                                 nav: "<ol><li><a href=\"c1.xhtml\">One</a><ol><li><a href=\"c1.xhtml#x\">One, a</a></li></ol></li><li><a href=\"c2.xhtml\">Two</a></li></ol>")
        #expect(try Self.read(b).allSatisfy { $0.metadata.section == nil })
    }

    @Test func aSpanHeadingInTheNavIsAPartWithoutAPage() throws {
        let b = Self.twoChapters(first: "<h1>One</h1><p>a</p>", second: "<h1>Two</h1><p>b</p>",
                                 nav: "<ol><li><span>Book I</span><ol><li><a href=\"c1.xhtml\">One</a></li><li><a href=\"c2.xhtml\">Two</a></li></ol></li></ol>")
        #expect(try Self.read(b).map(\.metadata.section) == ["Book I", "Book I"])
        let entries = Self.contents(try Self.rebuild(b).files["EPUB/nav.xhtml"] ?? Data())
        #expect(entries.map(\.depth) == [1, 2, 2] && entries.map(\.label) == ["Book I", "One", "Two"], "\(entries)")
    }

    @Test(arguments: [false, true])
    func theCoverIsTheBooksCoverNotAChapter(ncx: Bool) throws {
        let articles = try Self.read(Self.partsBook(ncx: ncx, cover: true))
        #expect(articles.first?.metadata.title == "Part One", "no cover chapter: \(articles.map(\.metadata.title))")
        #expect(articles.allSatisfy { $0.metadata.image == "OEBPS/images/front.png" })
        #expect(articles.first?.resource(at: "OEBPS/images/front.png")?.data == tinyPNG)
        let book = try Self.rebuild(Self.partsBook(ncx: ncx, cover: true))
        let opf = book.opf
        let coverItem = try #require(XMLProbe.parse(book.files["EPUB/package.opf"] ?? Data()).elements.first { $0.name == "item" && ($0.attributes["properties"] ?? "").contains("cover-image") })
        #expect(book.files["EPUB/" + (coverItem.attributes["href"] ?? "")] == tinyPNG, "the source's cover is the cover-image: \(opf)")
        #expect(book.files["EPUB/images/cover.svg"] == nil, "no generated cover")
        #expect(book.text("EPUB/text/cover.xhtml").contains(coverItem.attributes["href"] ?? "-"))
        #expect(!book.chapters.joined().contains("<img"), "the cover is no figure of a chapter")
    }

    @Test func aCoverImageShownInsideAChapterWithTextStaysThere() throws {
        var b = HandMadeBook()
        b.items.append(.init(id: "img", href: "front.png", mediaType: "image/png", attributes: "properties=\"cover-image\""))
        b.add("OEBPS/front.png", tinyPNG)
        b.addDocument(id: "c1", href: "c1.xhtml", body: "<h1>One</h1><p>Our cover, shown:</p><img src=\"front.png\" alt=\"The cover\"/>")
        b.addDocument(id: "c2", href: "c2.xhtml", body: "<h1>Two</h1><p>b</p>")
        let articles = try Self.read(b)
        #expect(articles.count == 2 && articles[0].blocks.contains { if case .figure = $0 { return true }; return false })
        #expect(articles.allSatisfy { $0.metadata.image == "OEBPS/front.png" })
    }
}
