import ArticleKit
import Foundation
import Testing

/// Reading a fetched page: the reader from its Content-Type, the charset from its header, the
/// address and the base of its links from its final URL, and no local file ever read.
@Suite struct ReadPageTests {
    static let html = """
        <html><head><title>Harvest</title>LINK</head><body><article><h1>Harvest</h1>
        <p>Farmers in the delta brought in the rice harvest early this year, after weeks of heavy rain had threatened the fields.</p>
        <p>Officials said the yield was the best in a decade. <a href="../more.html">More</a></p>
        <figure><img src="IMG" alt="x"><figcaption>The field.</figcaption></figure></article></body></html>
        """

    func page(_ body: String, type: String?, charset: String? = nil, url: String = "https://news.example/a/b/story",
              data: Data? = nil) -> FetchedDocument {
        FetchedDocument(requestedURL: URL(string: "https://news.example/old")!, url: URL(string: url)!, mediaType: type, charset: charset,
                        data: data ?? Data(body.utf8))
    }

    func html(canonical: String? = nil, image: String = "img/field.jpg") -> String {
        Self.html.replacingOccurrences(of: "LINK", with: canonical.map { "<link rel=\"canonical\" href=\"\($0)\">" } ?? "")
            .replacingOccurrences(of: "IMG", with: image)
    }

    @Test func theContentTypeWinsOverTheExtensionUnlessItIsGeneric() throws {
        let c = Converter()
        #expect(try c.reader(forPage: page("", type: "application/json", url: "https://x.example/a.html"), format: nil).format.name == "json")
        #expect(try c.reader(forPage: page("", type: "text/html", url: "https://x.example/a.json"), format: nil).format.name == "html")
        #expect(try c.reader(forPage: page("", type: "application/xhtml+xml", url: "https://x.example/a"), format: nil).format.name == "html")
        #expect(try c.reader(forPage: page("", type: "text/markdown", url: "https://x.example/a.txt"), format: nil).format.name == "markdown")
        #expect(try c.reader(forPage: page("", type: "application/epub+zip", url: "https://x.example/book"), format: nil).format.name == "epub")
        #expect(try c.reader(forPage: page("", type: "text/plain", url: "https://x.example/README.md"), format: nil).format.name == "markdown")
        #expect(try c.reader(forPage: page("", type: "text/plain", url: "https://x.example/notes"), format: nil).format.name == "text")
        #expect(try c.reader(forPage: page("", type: nil, url: "https://x.example/story"), format: nil).format.name == "html")
        #expect(try c.reader(forPage: page("", type: "text/html", url: "https://x.example/a"), format: "md").format.name == "markdown")
    }

    @Test func theFinalURLIsTheAddressAndTheBaseAndTheCanonicalLinkWins() throws {
        var context = ConversionContext()
        let plain = try Converter().readPage(page(html(), type: "text/html"), context: &context)
        #expect(plain.first?.metadata.url == "https://news.example/a/b/story")
        var context2 = ConversionContext()
        let canonical = try Converter().readPage(page(html(canonical: "https://news.example/canon"), type: "text/html"), context: &context2)
        #expect(canonical.first?.metadata.url == "https://news.example/canon")
        let text = try String(decoding: Converter().write(canonical, to: "json", context: &context2), as: UTF8.self)
        #expect(text.contains("https:\\/\\/news.example\\/a\\/more.html") || text.contains("https://news.example/a/more.html"), "\(text)")
        #expect(text.contains("news.example\\/a\\/b\\/img\\/field.jpg") || text.contains("news.example/a/b/img/field.jpg"), "\(text)")
    }

    @Test func theHeadersCharsetDecodesThePageUnlessABOMOrTheBytesSayOtherwise() throws {
        let words = "Урожай риса собрали рано"
        let body = html().replacingOccurrences(of: "Farmers in the delta", with: words + ". Farmers")
        let cp1251 = try #require(body.data(using: .windowsCP1251))
        var context = ConversionContext()
        let read = try Converter().readPage(page("", type: "text/html", charset: "windows-1251", data: cp1251), context: &context)
        #expect(read.first.map { $0.blocks.map(\.plainText).joined(separator: "\n") }?.contains(words) == true)
        #expect(context.options.encoding == nil, "the header's charset is for this page only")
        // A server that calls every page iso-8859-1 while it sends UTF-8.
        var context2 = ConversionContext()
        let lying = try Converter().readPage(page(body, type: "text/html", charset: "iso-8859-1"), context: &context2)
        #expect(lying.first.map { $0.blocks.map(\.plainText).joined(separator: "\n") }?.contains(words) == true)
        // An unknown label is ignored, not an error.
        var context3 = ConversionContext()
        let unknown = try Converter().readPage(page(body, type: "text/html", charset: "x-no-such-charset"), context: &context3)
        #expect(unknown.first.map { $0.blocks.map(\.plainText).joined(separator: "\n") }?.contains(words) == true)
    }

    @Test func aFetchedPageIsRemoteAndEmbedsNoLocalFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("readpage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==") ?? Data()
        let secret = dir.appendingPathComponent("secret.png")
        try png.write(to: secret)
        #expect(page("", type: "text/html").readerInput.origin == .remote)
        let writer = try Converter().writer(named: "epub")
        var context = ConversionContext()
        let book = try Converter().convert([.page(page(html(image: "file://" + secret.path), type: "text/html"))], to: writer, context: &context)
        #expect(book.range(of: png) == nil)
        // Markdown keeps paths as written: the book's image step meets them, and refuses them.
        let markdown = "# Harvest\n\nThe fields.\n\n![a](\(secret.path))\n\n![b](file://\(secret.path))\n\n![c](secret.png)\n"
        var context2 = ConversionContext()
        let book2 = try Converter().convert([.page(page(markdown, type: "text/markdown", url: "https://news.example/" + dir.path + "/a.md"))],
                                            to: writer, context: &context2)
        #expect(book2.range(of: png) == nil)
        #expect(context2.warnings.filter { $0.message.contains("came from the network") }.count >= 2, "\(context2.warnings)")
    }
}
