import ArticleKit
import Foundation
import Testing
import ZIPFoundation

/// Every way a document can name a local file, through the converter as the command line runs
/// it: only images inside the document's folder (or a resource folder) are embedded, nothing
/// from a book, and a refused reference reaches no output of the run.
@Suite struct LocalImageRouteTests {
    /// `root/doc/` holds the documents and `ok.png`; `root/outside/secret.png` is a real image
    /// the documents must not reach (so only its place refuses it), linked from `doc/link.png`;
    /// `doc/fake.png` is text; `doc/pipe.png` is a FIFO.
    struct Tree {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("routes-\(UUID().uuidString)")
        var doc: URL { root.appendingPathComponent("doc") }
        var secret: String { root.appendingPathComponent("outside/secret.png").path }
        /// The secret image: a PNG with its own marker bytes, so a leak is recognisable.
        let secretBytes = tinyPNG + Data("SECRET-MARKER".utf8)

        init() throws {
            let fm = FileManager.default
            try fm.createDirectory(at: root.appendingPathComponent("doc"), withIntermediateDirectories: true)
            try fm.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
            try tinyPNG.write(to: doc.appendingPathComponent("ok.png"))
            try secretBytes.write(to: URL(fileURLWithPath: secret))
            try Data("not a picture\n".utf8).write(to: doc.appendingPathComponent("fake.png"))
            try fm.createSymbolicLink(atPath: doc.appendingPathComponent("link.png").path, withDestinationPath: secret)
            guard mkfifo(doc.appendingPathComponent("pipe.png").path, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
        }

        func write(_ name: String, _ text: String) throws -> String {
            let url = doc.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url.path
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// Reads `path` as the EPUB writer's pipeline does, within a time bound (a pipe or device
    /// that blocked the read would fail the test instead of hanging it).
    func read(_ path: String, options: ConversionOptions = ConversionOptions()) throws -> ([Article], [ConversionWarning]) {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<([Article], [ConversionWarning]), ArticleError>?
        let thread = Thread {
            var context = ConversionContext(options: options)
            var converter = Converter()
            converter.transforms.append(EmbedLocalImages())
            do throws(ArticleError) {
                let articles = try converter.read(try ReaderInput(path: path), context: &context)
                result = .success((articles, context.warnings))
            } catch {
                result = .failure(error)
            }
            done.signal()
        }
        thread.start()
        guard done.wait(timeout: .now() + 20) == .success else { throw CancellationError() }
        return try #require(result).get()
    }

    func json(_ articles: [Article]) throws -> String {
        var context = ConversionContext()
        return String(decoding: try Converter().write(articles, to: "json", context: &context), as: UTF8.self)
    }

    /// Neither the secret's bytes nor its path is anywhere in the JSON of the articles.
    func expectNoLeak(_ articles: [Article], _ t: Tree, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = try json(articles)
        #expect(!text.contains(t.secretBytes.base64EncodedString()) && !text.contains("SECRET") && !text.contains("outside/secret"),
                sourceLocation: sourceLocation)
        #expect(!text.contains("/etc/passwd") && !text.contains("pipe.png") && !text.contains("fake.png") && !text.contains("/dev/zero"),
                sourceLocation: sourceLocation)
    }

    @Test func markdownReferencesOutsideTheFolderOrNotImagesAreLeftOut() throws {
        let t = try Tree()
        defer { t.remove() }
        let refs = [t.secret, "../outside/secret.png", "file://" + t.secret, "%2e%2e/outside/secret.png", "link.png",
                    "fake.png", "pipe.png", "/dev/zero", "/etc/passwd"]
        let md = "# Refs\n\n" + refs.enumerated().map { "![image \($0.offset)](\($0.element))\n*Caption \($0.offset).*\n" }.joined(separator: "\n")
            + "\n![allowed](ok.png)\n*Allowed.*\n"
        let (articles, warnings) = try read(try t.write("a.md", md))
        let article = try #require(articles.first)
        #expect(article.resources.map(\.path) == ["ok.png"])
        #expect(article.resources.first?.data == tinyPNG)
        for ref in refs {
            #expect(warnings.contains { $0.message.hasPrefix("image \(ref) left out: ") }, "\(ref): \(warnings)")
        }
        #expect(warnings.contains { $0.message == "image \(t.secret) left out: outside the document's folder" })
        #expect(warnings.contains { $0.message == "image link.png left out: outside the document's folder" })
        #expect(warnings.contains { $0.message == "image fake.png left out: not an image (by its first bytes)" })
        #expect(warnings.contains { $0.message == "image pipe.png left out: not a regular file (a pipe)" })
        // The figures keep their captions.
        for i in refs.indices { #expect(article.bodyText.contains("Caption \(i).")) }
        try expectNoLeak(articles, t)
    }

    @Test func htmlAndJSONFileURLsAreLeftOutToo() throws {
        let t = try Tree()
        defer { t.remove() }
        let html = """
        <html><head><title>Harvest</title></head><body><article><h1>Harvest</h1>
        <p>Farmers in the delta brought in the rice harvest early this year, after weeks of rain threatened the fields.</p>
        <figure><img src="file://\(t.secret)" alt="secret"><figcaption>The field. Photo: Thanh Le</figcaption></figure>
        <p>Officials said the yield was the best in a decade, and that prices at the market had held steady all season.</p>
        <figure><img src="ok.png" alt="ok"><figcaption>Allowed.</figcaption></figure>
        </article></body></html>
        """
        let (page, pageWarnings) = try read(try t.write("page.html", html))
        #expect(page.first?.resources.count == 1 && page.first?.resources.first?.data == tinyPNG)
        #expect(page.first?.bodyText.contains("The field.") == true)
        // The HTML reader itself refuses a file: image source (URLSafety), before the local-file
        // policy would; either way no reference to the file is left.
        #expect(!(try json(page)).contains("secret.png"), "\(pageWarnings)")
        try expectNoLeak(page, t)

        let json = #"{"title": "J", "blocks": [{"type": "figure", "image": {"src": "\#(t.secret)"}, "caption": [{"type": "text", "text": "Kept."}]},"#
            + #"{"type": "paragraph", "content": [{"type": "image", "src": "../outside/secret.png", "alt": "inline alt"}]}]}"#
        let (doc, docWarnings) = try read(try t.write("a.json", json))
        #expect(doc.first?.resources.isEmpty == true)
        #expect(doc.first?.bodyText.contains("Kept.") == true && doc.first?.bodyText.contains("inline alt") == true)
        #expect(docWarnings.filter { $0.message.contains("outside the document's folder") }.count == 2)
        try expectNoLeak(doc, t)
    }

    @Test func aResourcePathFolderIsAllowed() throws {
        let t = try Tree()
        defer { t.remove() }
        var options = ConversionOptions()
        options.resourcePaths = [t.root.appendingPathComponent("outside").path]
        let (articles, warnings) = try read(try t.write("a.md", "![a](secret.png)\n\n![b](\(t.secret))\n"), options: options)
        #expect(articles.first?.resources.map(\.data) == [t.secretBytes, t.secretBytes])
        #expect(warnings.isEmpty, "\(warnings)")
    }

    /// A third-party book whose chapter names a `file:` URL, an absolute path and a path out of
    /// the book (which a writer would have resolved against the book's own folder).
    @Test func aBooksChaptersNeverReachLocalFiles() throws {
        let t = try Tree()
        defer { t.remove() }
        try tinyPNG.write(to: t.doc.appendingPathComponent("beside.png"))
        let chapter = """
        <?xml version="1.0" encoding="UTF-8"?>
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>One</title></head><body><h1>One</h1>
        <p>The first chapter has enough words to be a chapter of its own in this book.</p>
        <figure><img src="file://\(t.secret)" alt="a"/><figcaption>File URL.</figcaption></figure>
        <figure><img src="\(t.secret)" alt="b"/><figcaption>Absolute.</figcaption></figure>
        <figure><img src="../../beside.png" alt="c"/><figcaption>Beside the book.</figcaption></figure>
        <figure><img src="../images/in.png" alt="d"/><figcaption>In the book.</figcaption></figure>
        </body></html>
        """
        let opf = """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:identifier id="id">x</dc:identifier><dc:title>Book</dc:title><dc:language>en</dc:language></metadata>
        <manifest><item id="c1" href="text/one.xhtml" media-type="application/xhtml+xml"/><item id="i" href="images/in.png" media-type="image/png"/></manifest>
        <spine><itemref idref="c1"/></spine></package>
        """
        let container = #"<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in [("mimetype", Data("application/epub+zip".utf8)), ("META-INF/container.xml", Data(container.utf8)),
                             ("EPUB/package.opf", Data(opf.utf8)), ("EPUB/text/one.xhtml", Data(chapter.utf8)), ("EPUB/images/in.png", tinyPNG)] {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count)) { pos, size in data.subdata(in: Int(pos)..<Int(pos) + size) }
        }
        let bookPath = t.doc.appendingPathComponent("book.epub")
        try #require(archive.data).write(to: bookPath)
        let (articles, warnings) = try read(bookPath.path)
        let article = try #require(articles.first)
        #expect(article.resources.map(\.data) == [tinyPNG], "only the book's own image")
        // The absolute path and the file beside the book are refused by the policy; the file: URL
        // does not even get that far (the chapter reader refuses file: image sources).
        #expect(warnings.filter { $0.message.contains("came from a book") }.count == 2, "\(warnings)")
        #expect(!(try json(articles)).contains("file:"))
        for caption in ["File URL.", "Absolute.", "Beside the book.", "In the book."] { #expect(article.bodyText.contains(caption)) }
        try expectNoLeak(articles, t)
        #expect(!(try json(articles)).contains("beside.png"))
    }

    /// ArticleKit's own book stores its articles as JSON; one crafted to name a file beside the
    /// book reads back without it.
    @Test func theArticleStoredInABookNeverReachesLocalFiles() throws {
        let t = try Tree()
        defer { t.remove() }
        try tinyPNG.write(to: t.doc.appendingPathComponent("beside.png"))
        let crafted = Article(metadata: Metadata(title: "Stored", language: "en"), blocks: [
            .paragraph([.text("Words.")]),
            .figure(Figure(image: ImageReference(source: "beside.png"), caption: [.text("Beside.")], credit: nil)),
            .figure(Figure(image: ImageReference(source: "file://" + t.secret), caption: [.text("Secret.")], credit: nil)),
        ])
        var context = ConversionContext()
        let bookPath = t.doc.appendingPathComponent("own.epub")
        try EPUBWriter().write([crafted], context: &context).write(to: bookPath)
        let (articles, warnings) = try read(bookPath.path)
        #expect(articles.first?.resources.isEmpty == true)
        #expect(warnings.filter { $0.message.contains("came from a book") }.count == 2, "\(warnings)")
        try expectNoLeak(articles, t)
        #expect(!(try json(articles)).contains("beside.png"))
    }

    @Test func theCoverMustBeARegularImageFile() throws {
        let t = try Tree()
        defer { t.remove() }
        for (cover, reason) in [("fake.png", "not an image"), ("pipe.png", "not a regular file"), ("/dev/zero", "not a regular file"), ("none.png", "no such file")] {
            var options = ConversionOptions()
            options.coverPath = cover.hasPrefix("/") ? cover : t.doc.appendingPathComponent(cover).path
            var context = ConversionContext(options: options)
            let book = try UnzippedBook(try EPUBWriter().write([Fixtures.article()], context: &context))
            #expect(book.files["EPUB/images/cover.svg"] != nil, "a cover is generated instead of \(cover)")
            #expect(context.warnings.contains { $0.message.contains("--cover") && $0.message.contains(reason) }, "\(cover): \(context.warnings)")
        }
        // The user's own cover may be outside any document's folder.
        var options = ConversionOptions()
        options.coverPath = t.secret
        var context = ConversionContext(options: options)
        let book = try UnzippedBook(try EPUBWriter().write([Fixtures.article()], context: &context))
        #expect(book.files.values.contains(t.secretBytes))
    }

    @Test func aBatchToEPUBAndJSONLeaksNothingIntoTheJSON() throws {
        let t = try Tree()
        defer { t.remove() }
        _ = try t.write("a.md", "# A\n\nText.\n\n![x](../outside/secret.png)\n*Kept.*\n\n![y](/etc/passwd)\n\n![z](ok.png)\n")
        try FileManager.default.removeItem(at: t.doc.appendingPathComponent("pipe.png"))
        let out = t.root.appendingPathComponent("out")
        let batch = try BatchConverter(options: BatchOptions(formats: ["epub", "json", "md"], outputDirectory: out))
        let summary = try batch.run(paths: [t.doc.path])
        #expect(summary.converted == 1 && summary.failed == 0)
        let json = try String(contentsOf: out.appendingPathComponent("a.json"), encoding: .utf8)
        let md = try String(contentsOf: out.appendingPathComponent("a.md"), encoding: .utf8)
        for text in [json, md] {
            #expect(!text.contains("secret") && !text.contains("SECRET") && !text.contains("passwd"), "\(text)")
            #expect(text.contains("Kept."))
        }
        #expect(json.contains(tinyPNG.base64EncodedString()), "the allowed image is kept")
        #expect(md.contains("![z](ok.png)"))
    }

    @Test func markdownToMarkdownKeepsImagePathsAsWritten() throws {
        let t = try Tree()
        defer { t.remove() }
        let md = "![a](/etc/passwd)\n\n![b](../outside/secret.png)\n"
        var context = ConversionContext()
        let out = try Converter().convert([try ReaderInput(path: try t.write("a.md", md))], to: "md", context: &context)
        #expect(String(decoding: out, as: UTF8.self).contains("![a](/etc/passwd)"))
        #expect(String(decoding: out, as: UTF8.self).contains("![b](../outside/secret.png)"))
    }
}

extension Article {
    /// The text of every block, captions included.
    var bodyText: String { blocks.map(\.plainText).joined(separator: "\n") }
}
