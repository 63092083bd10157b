import Foundation
import Testing

/// `articlekit convert` and local files: a document embeds only the images in its own folder
/// tree (or a --resource-path folder), never from a book, and what is refused reaches no output.
@Suite struct LocalFileTests {
    /// A whole 1×1 PNG: books now decode every image they embed, so it must be a real one.
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52,
                           0, 0, 0, 1, 0, 0, 0, 1, 0x08, 0x06, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89,
                           0, 0, 0, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0, 0x01, 0, 0, 0x05, 0, 0x01, 0x0D, 0x0A, 0x2D, 0xB4,
                           0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
    /// The image outside the documents' folder: a PNG with a marker, so a leak is recognisable.
    static let secretBytes = png + Data("SECRET-MARKER".utf8)

    /// `root/doc/`: documents by every route plus `ok.png`, a text `fake.png`, a FIFO `pipe.png`,
    /// `link.png` pointing out, `beside.png`; `root/outside/secret.png`.
    struct Tree {
        let root: URL
        var doc: URL { root.appendingPathComponent("doc") }
        var secret: String { root.appendingPathComponent("outside/secret.png").path }

        init() throws {
            root = try CLIRunner.temporaryDirectory()
            let fm = FileManager.default
            try fm.createDirectory(at: root.appendingPathComponent("doc"), withIntermediateDirectories: true)
            try fm.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
            try png.write(to: doc.appendingPathComponent("ok.png"))
            try png.write(to: doc.appendingPathComponent("beside.png"))
            try secretBytes.write(to: URL(fileURLWithPath: secret))
            try Data("root:x:0:0:root:/root:/bin/sh\n".utf8).write(to: doc.appendingPathComponent("fake.png"))
            try fm.createSymbolicLink(atPath: doc.appendingPathComponent("link.png").path, withDestinationPath: secret)
            guard mkfifo(doc.appendingPathComponent("pipe.png").path, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
        }

        func write(_ name: String, _ data: Data) throws {
            try data.write(to: doc.appendingPathComponent(name))
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// The Markdown references, in every spelling that names a file outside or not an image.
    static func hostileReferences(_ t: Tree) -> [String] {
        [t.secret, "../outside/secret.png", "file://" + t.secret, "%2e%2e/outside/secret.png", "link.png",
         "fake.png", "pipe.png", "/dev/zero", "/etc/passwd"]
    }

    static func markdown(_ refs: [String]) -> Data {
        Data(("# Refs\n\nSome text.\n\n" + refs.enumerated().map { "![image \($0.offset)](\($0.element))\n*Caption \($0.offset).*\n" }
            .joined(separator: "\n") + "\n![allowed](ok.png)\n*Allowed.*\n").utf8)
    }

    /// A book no writer would make: its chapter names a file: URL, an absolute path and a file
    /// beside the book.
    static func craftedBook(_ t: Tree) -> Data {
        let chapter = """
        <?xml version="1.0" encoding="UTF-8"?>
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>One</title></head><body><h1>One</h1>
        <p>The first chapter has enough words to be a chapter of its own in this book.</p>
        <figure><img src="file://\(t.secret)" alt="a"/><figcaption>File URL.</figcaption></figure>
        <figure><img src="\(t.secret)" alt="b"/><figcaption>Absolute.</figcaption></figure>
        <figure><img src="../../beside.png" alt="c"/><figcaption>Beside the book.</figcaption></figure>
        </body></html>
        """
        let opf = """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:identifier id="id">x</dc:identifier><dc:title>Book</dc:title><dc:language>en</dc:language></metadata>
        <manifest><item id="c1" href="text/one.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/></spine></package>
        """
        var zip = StoredZip()
        zip.add("mimetype", Data("application/epub+zip".utf8))
        zip.add("META-INF/container.xml", Data(#"<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#.utf8))
        zip.add("EPUB/package.opf", Data(opf.utf8))
        zip.add("EPUB/text/one.xhtml", Data(chapter.utf8))
        return zip.data
    }

    /// Runs the command in `directory`, killed after `seconds` (a pipe or device read that
    /// blocked would otherwise hang the suite); `timedOut` says whether it had to be.
    static func run(_ arguments: [String], in directory: URL? = nil, stdin: Data = Data(), seconds: Double = 60)
        throws -> (status: Int32, stdout: String, stderr: String, timedOut: Bool) {
        let p = Process()
        p.executableURL = CLIRunner.binary
        p.arguments = arguments
        if let directory { p.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { p.waitUntilExit(); finished.signal() }
        inp.fileHandleForWriting.write(stdin)
        try inp.fileHandleForWriting.close()
        nonisolated(unsafe) var o = Data(), e = Data()
        let readers = DispatchGroup()
        DispatchQueue.global().async(group: readers) { o = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: readers) { e = err.fileHandleForReading.readDataToEndOfFile() }
        let timedOut = finished.wait(timeout: .now() + seconds) == .timedOut
        if timedOut { p.terminate(); finished.wait() }
        readers.wait()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self), timedOut)
    }

    func files(_ folder: URL, ext: String) -> [URL] {
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
        // Not the rerun stamp (a hidden file): the outputs.
        return names.filter { $0.hasSuffix("." + ext) && !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test func aBatchToEPUBAndJSONCarriesNoRefusedFileIntoAnyOutput() throws {
        let t = try Tree()
        defer { t.remove() }
        let refs = Self.hostileReferences(t)
        try t.write("a.md", Self.markdown(refs))
        try t.write("page.html", Data("""
            <html><head><title>Harvest</title></head><body><article><h1>Harvest</h1>
            <p>Farmers in the delta brought in the rice harvest early this year, after weeks of rain threatened the fields.</p>
            <figure><img src="file://\(t.secret)" alt="s"><figcaption>The field.</figcaption></figure>
            <p>Officials said the yield was the best in a decade, and that prices at the market had held steady all season.</p>
            <img src="file:///etc/passwd" alt="pw"></article></body></html>
            """.utf8))
        try t.write("j.json", Data(#"{"title": "J", "blocks": [{"type": "figure", "image": {"src": "\#(t.secret)"}, "caption": [{"type": "text", "text": "Kept."}]}]}"#.utf8))
        try t.write("book.epub", Self.craftedBook(t))
        let out = t.root.appendingPathComponent("out")
        let r = try Self.run(["convert", t.doc.path, "--to", "epub,json,md", "--output", out.path])
        #expect(!r.timedOut && r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("4 converted, 0 skipped, 0 failed"), "\(r.stderr)")
        for ref in refs { #expect(r.stderr.contains("image \(ref) left out: "), "\(ref): \(r.stderr)") }
        #expect(r.stderr.contains("image ../outside/secret.png left out: outside the document's folder"))
        #expect(r.stderr.contains("image fake.png left out: not an image (by its first bytes)"))
        #expect(r.stderr.contains("image pipe.png left out: not a regular file (a pipe)"))
        #expect(r.stderr.contains("image \(t.secret.dropFirst()) left out: the document came from a book"), "\(r.stderr)")
        #expect(r.stderr.contains("image beside.png left out: the document came from a book"))
        let outputs = files(out, ext: "json") + files(out, ext: "md")
        #expect(outputs.count == 8, "\(outputs)")
        for url in outputs {
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(!text.contains(Self.secretBytes.base64EncodedString()) && !text.contains("SECRET"), "\(url.lastPathComponent)")
            for leak in ["secret.png", "/etc/passwd", "/dev/zero", "pipe.png", "fake.png", "link.png", "beside.png"] {
                #expect(!text.contains(leak), "\(url.lastPathComponent) names \(leak)")
            }
        }
        let json = try String(contentsOf: out.appendingPathComponent("j.json"), encoding: .utf8)
        #expect(!json.contains("\"resources\" : [{") && !json.contains("\"data\""), "no resources: \(json)")
        #expect(json.contains("Kept."))
        let a = try String(contentsOf: out.appendingPathComponent("a.json"), encoding: .utf8)
        #expect(a.contains(Self.png.base64EncodedString()), "the allowed image is embedded")
        #expect(a.contains("Caption 0.") && a.contains("Caption 8."), "the figures keep their captions")
    }

    @Test func theCoverMustBeARegularImageButMayBeAnywhere() throws {
        let t = try Tree()
        defer { t.remove() }
        try t.write("a.md", Data("# A\n\nText.\n".utf8))
        for (cover, reason) in [("fake.png", "not an image"), ("pipe.png", "not a regular file (a pipe)"), ("/dev/zero", "not a regular file (a device)")] {
            let book = t.root.appendingPathComponent("c.epub")
            let r = try Self.run(["convert", "doc/a.md", "--to", "epub", "--cover", cover.hasPrefix("/") ? cover : "doc/" + cover, "--output", book.path],
                                 in: t.root, seconds: 30)
            #expect(!r.timedOut && r.status == 0, "\(cover): \(r.stderr)")
            #expect(r.stderr.contains("--cover") && r.stderr.contains(reason) && r.stderr.contains("a cover is generated instead"), "\(cover): \(r.stderr)")
            #expect(try Data(contentsOf: book).range(of: Data("EPUB/images/cover.svg".utf8)) != nil)
        }
        let r = try Self.run(["convert", "doc/a.md", "--to", "epub", "--cover", t.secret, "--output", "s.epub"], in: t.root)
        #expect(r.status == 0 && !r.stderr.contains("--cover"), "\(r.stderr)")
        #expect(try Data(contentsOf: t.root.appendingPathComponent("s.epub")).range(of: Data("EPUB/images/cover.svg".utf8)) == nil)
    }

    @Test func aResourcePathFolderIsAllowed() throws {
        let t = try Tree()
        defer { t.remove() }
        try t.write("r.md", Data("# R\n\n![a](secret.png)\n\n![b](../outside/secret.png)\n".utf8))
        let r = try Self.run(["convert", "doc/r.md", "--to", "epub,json", "--output", "out", "--resource-path", "outside"], in: t.root)
        #expect(r.status == 0 && !r.stderr.contains("left out"), "\(r.stderr)")
        let json = try String(contentsOf: t.root.appendingPathComponent("out/r.json"), encoding: .utf8)
        #expect(json.components(separatedBy: Self.secretBytes.base64EncodedString()).count == 3, "both references embedded")
        let missing = try Self.run(["convert", "doc/r.md", "--to", "epub", "--resource-path", "nowhere"], in: t.root)
        #expect(missing.status == 2 && missing.stderr.contains("--resource-path nowhere: no such folder"), "\(missing.stderr)")
    }

    @Test func standardInputResolvesAgainstTheCurrentFolder() throws {
        let t = try Tree()
        defer { t.remove() }
        let md = Data("# S\n\n![ok](ok.png)\n\n![s](../outside/secret.png)\n".utf8)
        let r = try Self.run(["convert", "-", "--from", "markdown", "--to", "epub", "--output", "../stdin.epub"], in: t.doc, stdin: md)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("image ../outside/secret.png left out: outside the document's folder"), "\(r.stderr)")
        #expect(!r.stderr.contains("ok.png"), "the image in the current folder is embedded: \(r.stderr)")
        let book = try Data(contentsOf: t.root.appendingPathComponent("stdin.epub"))
        #expect(book.range(of: Data("EPUB/images/img-001.png".utf8)) != nil && book.range(of: Data("EPUB/images/img-002".utf8)) == nil)
    }

    @Test func markdownToMarkdownKeepsImagePathsExactly() throws {
        let t = try Tree()
        defer { t.remove() }
        try t.write("a.md", Data("![a](/etc/passwd)\n\n![b](../outside/secret.png)\n".utf8))
        let r = try Self.run(["convert", "doc/a.md", "--to", "md", "--output", "-"], in: t.root)
        #expect(r.status == 0 && !r.stderr.contains("left out"), "\(r.stderr)")
        #expect(r.stdout.contains("![a](/etc/passwd)") && r.stdout.contains("![b](../outside/secret.png)"), "\(r.stdout)")
    }
}
