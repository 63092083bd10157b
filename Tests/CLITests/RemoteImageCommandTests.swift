import CVips
import Foundation
import Testing

/// `articlekit convert` with documents whose photos are on the web, against a loopback image
/// site reached through a loopback proxy (`http_proxy`), so the image hosts are made-up public
/// names and nothing but 127.0.0.1 is ever connected to.
@Suite("Remote images on the command line")
struct RemoteImageCommandTests {
    /// The image site: photos by path, hotlink protection on `/protected.jpg`.
    final class Site: Sendable {
        let server: TestServer
        let proxy: TestProxy
        var environment: [String: String] { ["http_proxy": "http://127.0.0.1:\(proxy.port)", "https_proxy": "", "HTTPS_PROXY": "", "all_proxy": "", "ALL_PROXY": "", "no_proxy": "", "NO_PROXY": ""] }

        init() async throws {
            let webp = try TestImages.make(1200, 800, suffix: ".webp[Q=85]")
            let png = try TestImages.make(300, 200, bands: 4, suffix: ".png")
            let cmyk = try TestImages.make(400, 300, bands: 4, suffix: ".jpg") { cvips_as_cmyk($0) }
            let rotated = try TestImages.make(400, 300, suffix: ".jpg") { cvips_with_int($0, "orientation", 6) }
            let protected = try TestImages.make(500, 300, suffix: ".jpg")
            let bodies = ["/a.webp": webp, "/b.png": png, "/c.jpg": cmyk, "/d.jpg": rotated]
            server = try await TestServer { request in
                if request.uri == "/protected.jpg" {
                    return request.header("Referer") == "http://news.example/story" ? .send(status: 200, body: Array(protected)) : .send(status: 403)
                }
                if request.uri == "/meta.jpg" { return .redirect("http://169.254.169.254/latest/meta-data/") }
                if request.uri == "/page.jpg" { return .text("<html>no photo</html>", type: "image/jpeg") }
                guard let body = bodies[request.uri] else { return .send(status: 404) }
                return .send(status: 200, headers: [("Content-Type", "application/octet-stream")], body: Array(body))
            }
            let port = server.port
            proxy = try await TestProxy { _, _ in port }
        }

        func close() async {
            await proxy.close()
            await server.close()
        }
    }

    static let photos = ["http://photos.example/a.webp", "http://photos.example/b.png", "http://photos.example/c.jpg", "http://photos.example/d.jpg"]

    static func markdown(_ images: [String], url: String? = "http://news.example/story") -> String {
        var md = url.map { "---\ntitle: Photos from the web\nurl: \($0)\n---\n\n" } ?? "# Photos from the web\n\n"
        md += "Intro paragraph.\n\n"
        for (i, src) in images.enumerated() { md += "![Photo \(i + 1)](\(src))\n\n*Caption \(i + 1)* (Photo: Agency \(i + 1))\n\n" }
        return md
    }

    static func html(_ images: [String]) -> String {
        var body = ""
        for (i, src) in images.enumerated() {
            body += "<p>Paragraph \(i + 1) of the story, long enough to read as the article's text and not as a caption or a menu.</p>\n"
            body += "<figure><img src=\"\(src)\" alt=\"Photo \(i + 1)\"><figcaption>Caption \(i + 1) <span class=\"credit\">Photo: Agency \(i + 1)</span></figcaption></figure>\n"
        }
        return """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Photos from the web</title>
        <link rel="canonical" href="http://news.example/story"></head>
        <body><article><h1>Photos from the web</h1>\(body)<p>The end of the story, with one more sentence to read.</p></article></body></html>
        """
    }

    /// The files of a book, unpacked with unzip(1).
    static func unpack(_ epub: URL) throws -> URL {
        let dir = epub.deletingPathExtension().appendingPathExtension("unpacked")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        p.arguments = ["-q", "-o", epub.path, "-d", dir.path]
        try p.run()
        p.waitUntilExit()
        return dir
    }

    /// The book's images, without its covers (every book has a raster cover, `cover.jpg`, and
    /// a text cover, `cover.svg`).
    static func images(in unpacked: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: unpacked.appendingPathComponent("EPUB/images").path)
            .filter { !$0.hasPrefix("cover.") }.sorted()
    }

    /// EPUBCheck's verdict: its exit status and whether it reported any error or warning.
    static func epubcheck(_ epub: URL) throws -> (ok: Bool, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-m", "epubcheck", epub.path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus == 0 && !text.contains("ERROR") && !text.contains("WARNING"), text)
    }

    @Test("A local Markdown file and a saved HTML page with photos on the web make books holding them as JPEG (PNG for transparency), passing EPUBCheck")
    func localDocumentsGetTheirPhotos() async throws {
        let site = try await Site()
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let images = Self.photos + ["http://photos.example/protected.jpg"]
        try Self.markdown(images).write(to: dir.appendingPathComponent("story.md"), atomically: true, encoding: .utf8)
        try Self.html(images).write(to: dir.appendingPathComponent("page.html"), atomically: true, encoding: .utf8)
        for name in ["story.md", "page.html"] {
            let epub = dir.appendingPathComponent(name + ".epub")
            let r = try CLIRunner.run(["convert", dir.appendingPathComponent(name).path, "--to", "epub", "-o", epub.path], environment: site.environment)
            #expect(r.status == 0 && r.stderr.isEmpty, "\(name): \(r.stderr)")
            let files = try Self.images(in: try Self.unpack(epub))
            #expect(files.filter { $0.hasSuffix(".jpg") }.count == 4 && files.filter { $0.hasSuffix(".png") }.count == 1, "\(name): \(files)")
            let check = try Self.epubcheck(epub)
            #expect(check.ok, "\(name): \(check.output)")
        }
        await site.close()
    }

    @Test("Images that cannot be had are one warning line each; the book is still made and valid")
    func failuresAreWarnings() async throws {
        let site = try await Site()
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = ["http://photos.example/missing.jpg", "http://photos.example/meta.jpg", "http://photos.example/page.jpg", "http://photos.example/protected.jpg"]
        // No page URL: the protected image gets no Referer.
        try Self.markdown(["http://photos.example/c.jpg"] + bad, url: nil).write(to: dir.appendingPathComponent("story.md"), atomically: true, encoding: .utf8)
        let epub = dir.appendingPathComponent("story.epub")
        let r = try CLIRunner.run(["convert", dir.appendingPathComponent("story.md").path, "--to", "epub", "-o", epub.path], environment: site.environment)
        #expect(r.status == 0)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == bad.count, "\(r.stderr)")
        for (url, reason) in zip(bad, ["HTTP 404", "link-local address 169.254.169.254 refused", "not an image", "HTTP 403"]) {
            #expect(lines.filter { $0.contains("warning: image \(url) left out: ") && $0.contains(reason) }.count == 1, "\(url): \(r.stderr)")
        }
        #expect(!site.proxy.requestLines.contains { $0.contains("169.254") })
        let unpacked = try Self.unpack(epub)
        #expect(try Self.images(in: unpacked).count == 1)
        let text = unpacked.appendingPathComponent("EPUB/text")
        let chapter = try FileManager.default.contentsOfDirectory(atPath: text.path).filter { $0.hasPrefix("chapter") }
            .map { try String(contentsOf: text.appendingPathComponent($0), encoding: .utf8) }.joined()
        for i in 1...5 { #expect(chapter.contains("Caption \(i)") && chapter.contains("Agency \(i)")) }
        #expect(try Self.epubcheck(epub).ok)
        await site.close()
    }

    @Test("--images none and other formats touch no network")
    func noNetworkWhenNotWanted() async throws {
        let site = try await Site()
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("story.md")
        try Self.markdown(Self.photos).write(to: input, atomically: true, encoding: .utf8)
        let none = try CLIRunner.run(["convert", input.path, "--to", "epub", "--images", "none", "-o", dir.appendingPathComponent("a.epub").path], environment: site.environment)
        #expect(none.status == 0, "\(none.stderr)")
        let html = try CLIRunner.run(["convert", input.path, "--to", "html", "-o", dir.appendingPathComponent("a.html").path], environment: site.environment)
        #expect(html.status == 0)
        #expect(site.server.requests.isEmpty && site.proxy.requestLines.isEmpty)
        await site.close()
    }

    @Test("A batch fetches the photos in its worker processes")
    func batchWorkersFetch() async throws {
        let site = try await Site()
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        for name in ["one", "two"] {
            try Self.markdown(Self.photos).write(to: inputs.appendingPathComponent("\(name).md"), atomically: true, encoding: .utf8)
        }
        let out = dir.appendingPathComponent("out")
        let r = try CLIRunner.run(["convert", inputs.path, "--to", "epub", "--output", out.path + "/", "--jobs", "2"], environment: site.environment)
        #expect(r.status == 0, "\(r.stderr)")
        for name in ["one", "two"] {
            let files = try Self.images(in: try Self.unpack(out.appendingPathComponent("\(name).epub")))
            #expect(files.count == 4, "\(name): \(files) \(r.stderr)")
        }
        await site.close()
    }
}
