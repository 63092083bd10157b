import ArticleCore
@testable import ArticleEPUB
import Foundation
import Testing

func makeBook(_ articles: [Article], options: ConversionOptions = ConversionOptions(), inputName: String? = "in.json") throws -> (UnzippedBook, [ConversionWarning]) {
    var context = ConversionContext(options: options, inputName: inputName)
    // SOURCE_DATE_EPOCH is left out so that the environment cannot change what tests see.
    let data = try EPUBWriter().write(articles, context: &context, sourceDateEpoch: nil)
    return (try UnzippedBook(data), context.warnings)
}

@Suite struct EPUBContainerTests {
    @Test func mimetypeComesFirstStoredWithNoExtraField() throws {
        let (book, _) = try makeBook([Fixtures.article()])
        #expect(book.paths.first == "mimetype")
        #expect(book.compressed["mimetype"] == false)
        let raw = [UInt8](book.raw.prefix(58))
        #expect(raw[0..<4] == [0x50, 0x4B, 0x03, 0x04])
        #expect(raw[8] == 0 && raw[9] == 0, "compression method is stored")
        #expect(raw[28] == 0 && raw[29] == 0, "no extra field")
        #expect(String(decoding: raw[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: raw[38..<58], as: UTF8.self) == "application/epub+zip")
        #expect(book.paths.dropFirst().first == "META-INF/container.xml")
        #expect(book.text("META-INF/container.xml").contains("full-path=\"EPUB/package.opf\""))
    }

    @Test func everyFileIsInTheManifestAndEveryManifestItemIsAFile() throws {
        let (book, _) = try makeBook([Fixtures.article(), Fixtures.article(title: "Second")])
        let manifest = Set(book.manifestHrefs.map { "EPUB/" + $0 })
        let content = Set(book.paths.filter { $0.hasPrefix("EPUB/") && $0 != "EPUB/package.opf" })
        #expect(manifest == content)
    }

    @Test func everyXMLFileIsWellFormed() throws {
        let tricky = Fixtures.article(title: "Farmers & co-ops <finally> \"agree\" 'today' 🌾\u{1} ok",
                                      extraBlocks: [.html("<div><p>unclosed <b>bold</div>"), .code(language: "a\"b", text: "x < y && z")])
        for articles in [[Fixtures.article()], [tricky], [tricky, Fixtures.article(), tricky]] {
            let (book, _) = try makeBook(articles)
            for path in book.xmlPaths {
                let probe = XMLProbe.parse(book.files[path] ?? Data())
                #expect(probe.wellFormed, "\(path): \(probe.error ?? "")")
            }
        }
    }

    @Test func exactlyOneModifiedDateFromTheArticleNeverTheClock() throws {
        let (book, _) = try makeBook([Fixtures.article()])
        #expect(occurrences(of: "dcterms:modified", in: book.opf) == 1)
        var undated = Fixtures.article()
        undated.metadata.published = nil
        let builder = EPUBBookBuilder(options: ConversionOptions(), inputName: nil, sourceDateEpoch: nil)
        #expect(builder.build([Fixtures.article()]) { _ in }.modified == "2011-09-05T01:30:00Z")
        #expect(builder.build([undated]) { _ in }.modified == "1980-01-01T00:00:00Z")
        let pinned = EPUBBookBuilder(options: ConversionOptions(), inputName: nil, sourceDateEpoch: "1700000000")
        #expect(pinned.build([Fixtures.article()]) { _ in }.modified == "2023-11-14T22:13:20Z")
    }

    @Test func twoRunsGiveTheSameBytesAndIdentifier() throws {
        let articles = [Fixtures.article(), Fixtures.article(title: "Other")]
        var c1 = ConversionContext(), c2 = ConversionContext()
        let a = try EPUBWriter().write(articles, context: &c1)
        let b = try EPUBWriter().write(articles, context: &c2)
        #expect(a == b)
        var d1 = SHA256Digest(), d2 = SHA256Digest()
        d1.update(a); d2.update(b)
        #expect(d1.finalize() == d2.finalize())
        let id = XMLProbe.parse(try UnzippedBook(a).files["EPUB/package.opf"] ?? Data()).text(of: "identifier")
        #expect(id?.hasPrefix("urn:uuid:") == true)
        let changed = try makeBook([Fixtures.article(), Fixtures.article(title: "Other!")]).0
        #expect(XMLProbe.parse(changed.files["EPUB/package.opf"] ?? Data()).text(of: "identifier") != id)
    }

    @Test func identifierOptionWinsAndMatchesTheNCX() throws {
        var options = ConversionOptions()
        options.identifier = "urn:isbn:9780000000002"
        let (book, _) = try makeBook([Fixtures.article()], options: options)
        #expect(book.opf.contains("<dc:identifier id=\"book-id\">urn:isbn:9780000000002</dc:identifier>"))
        #expect(book.text("EPUB/toc.ncx").contains("content=\"urn:isbn:9780000000002\""))
    }

    @Test func sha256MatchesTheStandardVectors() {
        var d = SHA256Digest()
        d.update(Array("abc".utf8))
        #expect(d.finalize().map { String(format: "%02x", $0) }.joined() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var long = SHA256Digest()
        long.update(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        #expect(long.finalize().map { String(format: "%02x", $0) }.joined() == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func embeddedStylesheetMatchesResourcesFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = try String(contentsOf: root.appendingPathComponent("Resources/epub.css"), encoding: .utf8)
        #expect(EPUBStylesheet.css + "\n" == file, "run scripts/embed-resources.py after editing Resources/epub.css")
        let (book, _) = try makeBook([Fixtures.article()])
        #expect(book.text("EPUB/styles/epub.css") == file)
    }

    @Test func noArticlesIsAClearError() {
        var context = ConversionContext()
        #expect(throws: ArticleError.self) { try EPUBWriter().write([], context: &context) }
    }
}
