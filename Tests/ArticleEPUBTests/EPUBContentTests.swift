import ArticleCore
@testable import ArticleEPUB
import Foundation
import Testing

@Suite struct EPUBContentTests {
    @Test func figcaptionHoldsCaptionAndCredit() throws {
        let (book, _) = try makeBook([Fixtures.article()])
        let chapter = XMLProbe.parse(Data(book.chapters[0].utf8))
        let caption = chapter.elements.first { $0.name == "figcaption" }
        #expect(caption?.text == "Farmers in the field. Thanh Le")
        #expect(book.chapters[0].contains("<figcaption>Farmers in the field. <span class=\"credit\">Thanh Le</span></figcaption>"))
        #expect(book.chapters[0].contains("<img src=\"../images/img-001.png\" alt=\"A field\"/>"))
        #expect(book.opf.contains("href=\"images/img-001.png\" media-type=\"image/png\""))
    }

    @Test func chapterOpensWithTheTitleBlock() throws {
        let (book, _) = try makeBook([Fixtures.article()])
        let chapter = book.chapters[0]
        let header = try #require(chapter.range(of: "<header class=\"article-header\">"))
        let firstParagraph = try #require(chapter.range(of: "<p>The harvest"))
        #expect(header.lowerBound < firstParagraph.lowerBound)
        for part in ["class=\"title\"", "class=\"subtitle\"", "class=\"byline\">Thanh Le, Nguyen Xuan Son",
                     "<time datetime=\"2011-09-05T08:30:00+07:00\">Monday, 05/09/2011 - 08:30</time>", "class=\"source\""] {
            #expect(chapter.contains(part), "\(part)")
        }
    }

    @Test func idsAreUniqueAcrossABookEvenWithTheSameArticleTwice() throws {
        let a = Fixtures.article()
        let (book, _) = try makeBook([a, a, Fixtures.article(title: "Third")])
        #expect(book.chapters.count == 3)
        var ids: [String] = []
        for chapter in book.chapters { ids += XMLProbe.parse(Data(chapter.utf8)).ids }
        #expect(ids.count > 6)
        #expect(Set(ids).count == ids.count)
        // The shared image is stored once.
        #expect(book.paths.filter { $0.hasPrefix("EPUB/images/img-") }.count == 1)
        let nav = XMLProbe.parse(book.files["EPUB/nav.xhtml"] ?? Data())
        let labels = nav.elements.filter { $0.name == "a" }.map(\.text)
        #expect(labels.filter { $0 == "Rice harvest breaks records" }.count == 3, "two in the toc, one landmark")
        #expect(labels.contains("Third") && labels.contains("Prices") && labels.contains("Details"))
    }

    @Test func linksBetweenArticlesOfTheBookPointInside() throws {
        let first = Fixtures.article(title: "First", url: "https://example.org/first",
                                     extraBlocks: [.paragraph([.link(url: "http://www.example.org/second/#x", title: nil, content: [.text("next")]),
                                                               .link(url: "relative.html", title: nil, content: [.text("gone")]),
                                                               .link(url: "javascript:alert(1)", title: nil, content: [.text("script")])])])
        let second = Fixtures.article(title: "Second", url: "https://example.org/second")
        let (book, _) = try makeBook([first, second])
        #expect(book.chapters[0].contains("<a href=\"chapter-002.xhtml\">next</a>"))
        #expect(!book.chapters[0].contains("relative.html"))
        #expect(!book.chapters[0].contains("javascript"))
        let (alone, _) = try makeBook([first])
        #expect(alone.chapters[0].contains("<a href=\"http://www.example.org/second/#x\">next</a>"))
    }

    @Test func missingImageKeepsTheCaptionAndWarns() throws {
        var a = Fixtures.article()
        a.resources = []
        let (book, warnings) = try makeBook([a])
        #expect(!book.chapters[0].contains("<img"))
        #expect(book.chapters[0].contains("<figcaption>Farmers in the field. <span class=\"credit\">Thanh Le</span></figcaption>"))
        #expect(warnings.contains { $0.message.contains("image not found") && $0.message.contains("photo.png") })
        #expect(!book.paths.contains { $0.hasPrefix("EPUB/images/img-") })
    }

    @Test func fileThatIsNotAnImageIsLeftOut() throws {
        var a = Fixtures.article()
        a.resources = [Resource(path: "photo.png", mediaType: "image/png", data: Data("<html>not a picture</html>".utf8))]
        let (book, warnings) = try makeBook([a])
        #expect(!book.chapters[0].contains("<img"))
        #expect(book.chapters[0].contains("Farmers in the field."))
        #expect(warnings.contains { $0.message.contains("not a JPEG, PNG, GIF or WebP") })
        #expect(!book.opf.contains("image/png"))
    }

    @Test func dataURIImagesAreEmbeddedAndRemoteOnesAreNotFetched() throws {
        let uri = "data:image/png;base64," + tinyPNG.base64EncodedString()
        let a = Article(metadata: Metadata(title: "Images", language: "en"), blocks: [
            .paragraph([.text("intro")]),
            .figure(Figure(image: ImageReference(source: uri, alt: "tiny"), caption: [.text("Embedded.")], credit: "Me")),
            .figure(Figure(image: ImageReference(source: "https://example.org/a.jpg"), caption: [.text("Remote.")], credit: nil)),
        ])
        let (book, warnings) = try makeBook([a])
        #expect(book.chapters[0].contains("<img src=\"../images/img-001.png\" alt=\"tiny\"/>"))
        #expect(book.chapters[0].contains("<figcaption>Remote.</figcaption>"))
        #expect(warnings.contains { $0.message.contains("remote image not fetched") })
    }

    @Test func resourceDataThatIsASliceIsStoredWhole() throws {
        var a = Fixtures.article()
        let slice = (Data([1, 2, 3]) + tinyPNG).dropFirst(3)
        #expect(slice.startIndex == 3)
        a.resources = [Resource(path: "photo.png", mediaType: "image/png", data: slice)]
        let (book, _) = try makeBook([a])
        #expect(book.files["EPUB/images/img-001.png"] == tinyPNG)
    }

    @Test func articleWithNoBlocksMakesAValidChapter() throws {
        let (book, _) = try makeBook([Article(metadata: Metadata(title: "Empty"))])
        let chapter = XMLProbe.parse(Data(book.chapters[0].utf8))
        #expect(chapter.wellFormed)
        #expect(chapter.elements.first { $0.name == "h1" }?.text == "Empty")
        let (blank, _) = try makeBook([Article()], inputName: "blank.json")
        #expect(XMLProbe.parse(Data(blank.chapters[0].utf8)).elements.first { $0.name == "h1" }?.text == "blank")
    }

    @Test func rawHTMLKeepsOnlyWellFormedPhrasingSoTheBookStaysValid() throws {
        let a = Article(metadata: Metadata(title: "Raw"), blocks: [.html("<div onclick=\"x()\"><p>Hello <b>there</b> &amp; <script>bad()</script>bye</div>")])
        let (book, _) = try makeBook([a])
        #expect(book.chapters[0].contains("<p>Hello <b>there</b> &amp; bye</p>"))
        #expect(!book.chapters[0].contains("script"))
    }

    @Test func localImagesAreLoadedRelativeToTheInput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("epub-local-\(getpid())")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("img"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try tinyPNG.write(to: dir.appendingPathComponent("img/a b.png"))
        let a = Article(metadata: Metadata(title: "Local"), blocks: [
            .figure(Figure(image: ImageReference(source: "img/a%20b.png"), caption: [.text("Local file.")], credit: nil)),
            .figure(Figure(image: ImageReference(source: "img/none.png"), caption: [.text("No file.")], credit: nil)),
        ])
        var context = ConversionContext(inputName: dir.appendingPathComponent("article.json").path)
        let loaded = try EmbedLocalImages().apply(to: a, context: &context)
        #expect(loaded.resources.map(\.path) == ["img/a%20b.png"])
        #expect(loaded.resources.first?.data == tinyPNG)
        let (book, _) = try makeBook([loaded])
        #expect(book.chapters[0].contains("src=\"../images/img-001.png\""))
    }
}
