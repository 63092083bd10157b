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
        #expect(links >= 6, "the cover and two pictures, in Markdown and HTML")
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
}
