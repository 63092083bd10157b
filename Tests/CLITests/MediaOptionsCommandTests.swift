import CVips
import Foundation
import Testing

/// pandoc's `--extract-media DIR` and `--embed-resources`, with images fetched from the loopback
/// image site, a local file and a `data:` URI.
@Suite("--extract-media and --embed-resources")
struct MediaOptionsCommandTests {
    typealias Site = RemoteImageCommandTests.Site

    /// A Markdown story with a remote WebP, a local PNG beside it and a PNG as a data: URI.
    static func story(in dir: URL) throws -> URL {
        try TestImages.make(40, 30, suffix: ".png").write(to: dir.appendingPathComponent("local.png"))
        let tiny = try TestImages.make(8, 8, suffix: ".png").base64EncodedString()
        let md = """
        ---
        title: Media
        url: http://news.example/story
        ---

        Intro paragraph.

        ![Remote](http://photos.example/a.webp)

        *Remote caption* (Photo: Agency)

        ![Local](local.png)

        *Local caption*

        Inline ![tiny](data:image/png;base64,\(tiny)) image.

        """
        let file = dir.appendingPathComponent("story.md")
        try md.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Every image reference in a Markdown or HTML output.
    static func references(_ text: String) -> [String] {
        var out: [String] = []
        for pattern in [#"!\[[^\]]*\]\(<?([^)>\s]+)"#, #"<img [^>]*src="([^"]+)""#] {
            let regex = try? NSRegularExpression(pattern: pattern)
            for m in regex?.matches(in: text, range: NSRange(text.startIndex..., in: text)) ?? [] {
                if let r = Range(m.range(at: 1), in: text) { out.append(String(text[r])) }
            }
        }
        return out
    }

    @Test("--extract-media writes every image into the folder and the Markdown and HTML refer to the files", arguments: ["md", "html"])
    func extractMedia(format: String) async throws {
        let site = try await Site()
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try Self.story(in: dir)
        let outFolder = dir.appendingPathComponent("out")
        let output = outFolder.appendingPathComponent("story.\(format)")
        let media = dir.appendingPathComponent("media")
        let r = try CLIRunner.run(["convert", input.path, "--to", format, "--extract-media", media.path, "-o", output.path], environment: site.environment)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let text = try String(contentsOf: output, encoding: .utf8)
        let refs = Self.references(text)
        #expect(refs.count == 3, "\(text)")
        for ref in refs {
            #expect(ref.hasPrefix("../media/"), "\(ref)")
            let file = outFolder.appendingPathComponent(ref.removingPercentEncoding ?? ref).standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: file.path), "\(ref)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: media.path)
        #expect(files.count == 3 && files.allSatisfy { $0.range(of: #"^[0-9a-f]{32}\.(jpg|png|gif)$"#, options: .regularExpression) != nil }, "\(files)")
        #expect(!text.contains("data:") && !text.contains("photos.example"))
        #expect(site.server.count("/a.webp") == 1)
        await site.close()
    }

    @Test("--embed-resources makes one HTML file holding every image as a data: URI")
    func embedResources() async throws {
        let site = try await Site()
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try Self.story(in: dir)
        let output = dir.appendingPathComponent("story.html")
        let r = try CLIRunner.run(["convert", input.path, "--to", "html", "--embed-resources", "-o", output.path], environment: site.environment)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let refs = Self.references(try String(contentsOf: output, encoding: .utf8))
        #expect(refs.count == 3 && refs.allSatisfy { $0.hasPrefix("data:image/") }, "\(refs.map { $0.prefix(40) })")
        await site.close()
    }

    @Test("No images are left behind when the output cannot be written, and the flags are checked")
    func noPartialOutput() async throws {
        let site = try await Site()
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = try Self.story(in: dir)
        let media = dir.appendingPathComponent("media")
        // The output is a symbolic link, which is never written through: the conversion fails
        // after the images were ready.
        let blocked = dir.appendingPathComponent("story-out.md")
        try FileManager.default.createSymbolicLink(atPath: blocked.path, withDestinationPath: dir.appendingPathComponent("elsewhere.md").path)
        let r = try CLIRunner.run(["convert", input.path, "--to", "md", "--extract-media", media.path, "-o", blocked.path], environment: site.environment)
        #expect(r.status == 1 && r.stderr.contains("symbolic link"), "\(r.stderr)")
        #expect(site.server.count("/a.webp") == 1)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: media.path)) ?? []
        #expect(left.isEmpty, "\(left)")
        for bad in [["--to", "epub", "--extract-media", media.path], ["--to", "md", "--embed-resources"],
                    ["--to", "html", "--embed-resources", "--extract-media", media.path]] {
            let u = try CLIRunner.run(["convert", input.path, "-o", dir.appendingPathComponent("x.out").path] + bad, environment: site.environment)
            #expect(u.status == 2, "\(bad): \(u.stderr)")
        }
        await site.close()
    }
}
