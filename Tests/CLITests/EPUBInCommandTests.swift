import Foundation
import Testing

/// `articlekit convert book.epub` on books other tools made: the book's metadata on whole-book
/// outputs, its images beside Markdown, a clean EPUB 3 from any EPUB, damage kept local.
@Suite struct EPUBInCommandTests {
    func book(_ name: String) throws -> URL {
        try #require(ForeignBooks.made[name], "\(name) could not be made: is pandoc / ebook-convert (calibre) / zip installed?")
    }

    @Test(arguments: ["pandoc3", "pandoc2", "calibre", "gutenberg"])
    func anyEPUBRebuildsAsACleanEPUB3KeepingWordsImagesAndMetadata(_ name: String) throws {
        let source = try book(name)
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rebuilt = dir.appendingPathComponent("new.epub")
        let r = try CLIRunner.run(["convert", source.path, "--to", "epub", "--output", rebuilt.path])
        #expect(r.status == 0, "\(r.stderr)")
        let check = try RemoteImageCommandTests.epubcheck(rebuilt)
        #expect(check.ok, "EPUBCheck: \(check.output)")
        let c = try ForeignBooks.compare(source, rebuilt)
        #expect(c.kept >= 0.99, "\(name): \(c.kept) of the words kept")
        #expect(c.sourceImages > 0 && c.rebuiltImages >= c.sourceImages, "\(name): images \(c.sourceImages) → \(c.rebuiltImages)")
        let opf = try CLIRunner.run(["convert", rebuilt.path, "--to", "json", "--output", "-"]).stdout
        #expect(opf.contains("\"title\": \"The Waste Land\"") || opf.contains("\"title\":\"The Waste Land\""), "the book's title, not its first chapter's")
        #expect(!r.stderr.contains("titled after its first article"), "\(r.stderr)")
    }

    @Test(arguments: ["pandoc3", "pandoc2", "calibre", "gutenberg"])
    func wholeBookJSONHasTheBookMetadataAndChaptersTheirTitles(_ name: String) throws {
        let r = try CLIRunner.run(["convert", try book(name).path, "--to", "json", "--output", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        #expect(object["title"] as? String == "The Waste Land")
        #expect(object["authors"] as? [String] == ["T. S. Eliot"])
        #expect((object["language"] as? String)?.hasPrefix("en") == true)
        let titles = (object["articles"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        for c in ForeignBooks.chapters { #expect(titles.contains(c.title), "\(name): \(titles)") }
    }

    @Test func markdownIntoAFolderWritesTheImagesItLinks() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let r = try CLIRunner.run(["convert", try book("pandoc3").path, "--to", "md,html", "--output", out.path + "/"])
        #expect(r.status == 0, "\(r.stderr)")
        var links = 0
        let files = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for doc in files where doc.pathExtension == "md" || doc.pathExtension == "html" {
            let text = try String(contentsOf: doc, encoding: .utf8)
            let pattern = doc.pathExtension == "md" ? #"!\[[^\]]*\]\(([^)\s]+)"# : #"<img[^>]* src="([^"]+)""#
            let regex = try NSRegularExpression(pattern: pattern)
            for m in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let range = Range(m.range(at: 1), in: text) else { continue }
                let target = String(text[range])
                #expect(!target.hasPrefix("data:"), "linked, not embedded")
                let file = doc.deletingLastPathComponent().appendingPathComponent(target.removingPercentEncoding ?? target)
                #expect(FileManager.default.fileExists(atPath: file.path), "\(doc.lastPathComponent) links \(target), which is there")
                links += 1
            }
        }
        #expect(links >= 4, "the two pictures, in Markdown and HTML (the cover is the book's, not a figure of a chapter)")
    }

    /// A book with a non-linear notes page, a part page and one chapter that is missing.
    func handBook() -> Data {
        func doc(_ body: String) -> Data {
            Data("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body>\(body)</body></html>".utf8)
        }
        var zip = StoredZip()
        zip.add("mimetype", Data("application/epub+zip".utf8))
        zip.add("META-INF/container.xml", Data("<container xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\" version=\"1.0\"><rootfiles><rootfile full-path=\"c.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>".utf8))
        zip.add("c.opf", Data("""
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="u"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:identifier id="u">urn:x:1</dc:identifier><dc:title>Notes and Parts</dc:title><dc:language>en</dc:language></metadata>
        <manifest><item id="n" href="notes.xhtml" media-type="application/xhtml+xml"/><item id="p" href="part.xhtml" media-type="application/xhtml+xml"/>
        <item id="gone" href="gone.xhtml" media-type="application/xhtml+xml"/><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest>
        <spine><itemref idref="n" linear="no"/><itemref idref="p"/><itemref idref="gone"/><itemref idref="c"/></spine></package>
        """.utf8))
        zip.add("notes.xhtml", doc("<h1>Notes</h1><p>A non-linear note.</p>"))
        zip.add("part.xhtml", doc("<h1>Part One</h1>"))
        zip.add("c.xhtml", doc("<h1>Chapter</h1><p>The story itself.</p>"))
        return zip.data
    }

    @Test func nonLinearPagesComeLastUnlessLeftOutAndAMissingChapterIsNamed() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("hand.epub")
        try handBook().write(to: input)
        let r = try CLIRunner.run(["convert", input.path, "--to", "txt", "--output", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        let story = try #require(r.stdout.range(of: "The story itself."))
        let note = try #require(r.stdout.range(of: "A non-linear note."))
        #expect(story.upperBound <= note.lowerBound, "notes after the linear text")
        #expect(r.stdout.contains("Part One") && r.stdout.contains("Notes and Parts"))
        #expect(r.stderr.contains("gone.xhtml") && r.stderr.contains("left out"), "\(r.stderr)")
        let without = try CLIRunner.run(["convert", input.path, "--to", "txt", "--output", "-", "--no-nonlinear"])
        #expect(without.status == 0 && !without.stdout.contains("A non-linear note.") && without.stdout.contains("The story itself."))
    }

    /// A pandoc book of parts holding chapters, a chapter file each (`--split-level=2`, pandoc 2's
    /// `--epub-chapter-level=2`), with a cover image.
    static func pandocPartsBook(in dir: URL) throws -> URL? {
        guard let pandoc = ForeignBooks.tool("pandoc") else { return nil }
        try ForeignBooks.writePNG(dir.appendingPathComponent("front.png"), rgb: (200, 120, 30), side: 24)
        var md = "---\ntitle: Parts and Chapters\nauthor: A. Writer\nlang: en\n---\n\n"
        for (p, part) in ["Part One", "Part Two"].enumerated() {
            md += "# \(part)\n\n"
            for c in 1...2 { md += "## Chapter \(p * 2 + c)\n\nThe words of chapter \(p * 2 + c), in \(part.lowercased()).\n\n" }
        }
        try md.write(to: dir.appendingPathComponent("parts.md"), atomically: true, encoding: .utf8)
        for split in ["--split-level=2", "--epub-chapter-level=2"]
        where try ForeignBooks.run(pandoc, ["parts.md", "-o", "parts.epub", split, "--epub-cover-image=front.png"], in: dir) == 0 {
            return dir.appendingPathComponent("parts.epub")
        }
        return nil
    }

    /// One file of a zip, by Info-ZIP's `unzip -p`.
    static func unzip(_ zip: URL, _ path: String) throws -> CLIRunner.Result {
        try CLIRunner.run(["-p", zip.path, path], executable: URL(fileURLWithPath: "/usr/bin/unzip"))
    }

    /// The labels of the new book's nav, each with how deep it is nested.
    static func navEntries(_ epub: URL) throws -> [String] {
        let nav = try Self.unzip(epub, "EPUB/nav.xhtml").stdout
        let toc = String(nav[..<(nav.range(of: "</nav>")?.lowerBound ?? nav.endIndex)])
        var out: [String] = []
        var depth = 0
        let regex = try NSRegularExpression(pattern: #"<ol>|</ol>|<a href="[^"]*">([^<]*)</a>"#)
        for m in regex.matches(in: toc, range: NSRange(toc.startIndex..., in: toc)) {
            guard let r = Range(m.range, in: toc) else { continue }
            let tag = toc[r]
            if tag == "<ol>" { depth += 1 } else if tag == "</ol>" { depth -= 1 } else if let l = Range(m.range(at: 1), in: toc) { out.append("\(depth) \(toc[l])") }
        }
        return out
    }

    @Test func aBookOfPartsRebuildsWithItsPartsAndItsCover() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = try #require(try Self.pandocPartsBook(in: dir), "pandoc is not installed")
        let rebuilt = dir.appendingPathComponent("new.epub")
        let r = try CLIRunner.run(["convert", source.path, "--to", "epub", "--output", rebuilt.path])
        #expect(r.status == 0, "\(r.stderr)")
        let check = try RemoteImageCommandTests.epubcheck(rebuilt)
        #expect(check.ok, "EPUBCheck: \(check.output)")
        let entries = try Self.navEntries(rebuilt)
        #expect(entries == ["1 Part One", "2 Chapter 1", "2 Chapter 2", "1 Part Two", "2 Chapter 3", "2 Chapter 4"], "\(entries)")
        let text = try CLIRunner.run(["convert", rebuilt.path, "--to", "txt", "--output", "-"]).stdout
        let order = (1...4).compactMap { text.range(of: "The words of chapter \($0)")?.lowerBound }
        #expect(order.count == 4 && order == order.sorted(), "the chapters in their order")
        // The cover: the source's own image as the cover-image, shown by the cover page, and in no chapter.
        let opf = try Self.unzip(rebuilt, "EPUB/package.opf").stdout
        let cover = try #require(opf.firstMatch(of: /<item id="[^"]+" href="([^"]+)" media-type="image\/png" properties="cover-image"\/>/)?.1, "\(opf)")
        let bytes = try Self.unzip(rebuilt, "EPUB/" + cover).stdoutData
        #expect(bytes == (try Data(contentsOf: dir.appendingPathComponent("front.png"))))
        #expect(!opf.contains("cover.svg"), "no generated cover")
        let chapters = try Self.unzip(rebuilt, "EPUB/text/chapter-*.xhtml").stdout
        #expect(!chapters.contains("<img"), "the cover is no figure in the text")
    }

    /// An EPUB 2 book by hand: parts in a nested NCX, the cover named by `<meta name="cover">`
    /// and the guide, a cover page that shows it.
    static func handPartsBook(cover png: Data) -> Data {
        func doc(_ body: String) -> Data {
            Data("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body>\(body)</body></html>".utf8)
        }
        var zip = StoredZip()
        zip.add("mimetype", Data("application/epub+zip".utf8))
        zip.add("META-INF/container.xml", Data("<container xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\" version=\"1.0\"><rootfiles><rootfile full-path=\"OPS/c.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>".utf8))
        let docs = ["cover": "<div><img src=\"front.png\" alt=\"cover\"/></div>", "p1": "<h1>Book One</h1>",
                    "c1": "<h2>The Road</h2><p>Words on the road.</p>", "c2": "<h2>The River</h2><p>Words by the river.</p>",
                    "p2": "<h1>Book Two</h1>", "c3": "<h2>The Town</h2><p>Words in the town.</p>"]
        let order = ["cover", "p1", "c1", "c2", "p2", "c3"]
        zip.add("OPS/c.opf", Data("""
        <?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="u"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:identifier id="u">urn:x:parts</dc:identifier><dc:title>Two Books</dc:title><dc:language>en</dc:language><meta name="cover" content="img"/></metadata>
        <manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/><item id="img" href="front.png" media-type="image/png"/>
        \(order.map { "<item id=\"\($0)\" href=\"\($0).xhtml\" media-type=\"application/xhtml+xml\"/>" }.joined())</manifest>
        <spine toc="ncx">\(order.map { "<itemref idref=\"\($0)\"/>" }.joined())</spine>
        <guide><reference type="cover" title="Cover" href="cover.xhtml"/></guide></package>
        """.utf8))
        func point(_ id: String, _ label: String, _ inner: String = "") -> String {
            "<navPoint id=\"\(id)\"><navLabel><text>\(label)</text></navLabel><content src=\"\(id).xhtml\"/>\(inner)</navPoint>"
        }
        let map = point("p1", "Book One", point("c1", "The Road") + point("c2", "The River")) + point("p2", "Book Two", point("c3", "The Town"))
        zip.add("OPS/toc.ncx", Data("<?xml version=\"1.0\"?><ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\"><head/><docTitle><text>Two Books</text></docTitle><navMap>\(map)</navMap></ncx>".utf8))
        zip.add("OPS/front.png", png)
        for id in order { zip.add("OPS/\(id).xhtml", doc(docs[id] ?? "")) }
        return zip.data
    }

    @Test func aHandMadeEPUB2OfPartsRebuildsWithItsPartsAndCover() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = dir.appendingPathComponent("front.png")
        try ForeignBooks.writePNG(png, rgb: (30, 60, 200), side: 20)
        let source = dir.appendingPathComponent("parts.epub"), rebuilt = dir.appendingPathComponent("new.epub")
        try Self.handPartsBook(cover: try Data(contentsOf: png)).write(to: source)
        let r = try CLIRunner.run(["convert", source.path, "--to", "epub", "--output", rebuilt.path])
        #expect(r.status == 0, "\(r.stderr)")
        let check = try RemoteImageCommandTests.epubcheck(rebuilt)
        #expect(check.ok, "EPUBCheck: \(check.output)")
        let entries = try Self.navEntries(rebuilt)
        #expect(entries == ["1 Book One", "2 The Road", "2 The River", "1 Book Two", "2 The Town"], "\(entries)")
        let opf = try Self.unzip(rebuilt, "EPUB/package.opf").stdout
        #expect(opf.contains("properties=\"cover-image\"") && !opf.contains("cover.svg"), "\(opf)")
        let chapters = try Self.unzip(rebuilt, "EPUB/text/chapter-*.xhtml").stdout
        #expect(!chapters.contains("<img") && chapters.contains("Words in the town."))
        // The whole-book JSON names the cover as the book's image, its bytes in the first article.
        let json = try CLIRunner.run(["convert", source.path, "--to", "json", "--output", "-"])
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        #expect(object["image"] as? String == "OPS/front.png")
        let articles = object["articles"] as? [[String: Any]] ?? []
        #expect(articles.map { $0["section"] as? String } == ["Book One", "Book One", "Book One", "Book Two", "Book Two"])
        #expect((articles.first?["resources"] as? [[String: Any]])?.contains { $0["path"] as? String == "OPS/front.png" } == true)
    }
}

