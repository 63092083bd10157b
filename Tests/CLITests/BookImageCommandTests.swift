import Foundation
import Testing

/// `articlekit convert … --to epub` makes the images of a book ones every e-reader shows.
@Suite struct BookImageCommandTests {
    /// A 96×64 WebP photo (older Kindles and Kobos cannot show WebP).
    static let webp = Data(base64Encoded: "UklGRlIBAABXRUJQVlA4WAoAAAAIAAAAXwAAPwAAVlA4IHIAAACQBwCdASpgAEAAPq0+nEm/oyKhO/SYA/AViWkDJAPNX+gH8ADvyBO1xLH3TuunqsTz3goaZkwrvYZbDE5W0+5xMCPI59gA/vRlWkrfKQc1j0hUgFouM2ji4o+Cx8vX+A+Kf4k30VBIZjpVADIbKAAAAABFWElGugAAAEV4aWYAAElJKgAIAAAABgASAQMAAQAAAAEAAAAaAQUAAQAAAFYAAAAbAQUAAQAAAF4AAAAoAQMAAQAAAAIAAAATAgMAAQAAAAEAAABphwQAAQAAAGYAAAAAAAAAOGMAAOgDAAA4YwAA6AMAAAYAAJAHAAQAAAAwMjEwAZEHAAQAAAABAgMAAKAHAAQAAAAwMTAwAaADAAEAAAD//wAAAqAEAAEAAABgAAAAA6AEAAEAAABAAAAAAAAAAA==") ?? Data()

    static func convert(_ extra: [String]) throws -> (book: Data, stderr: String, status: Int32) {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try webp.write(to: dir.appendingPathComponent("photo.webp"))
        let md = "# A story\n\nThe first paragraph of the story.\n\n![The harbour](photo.webp)\n\n*The harbour at dawn.* (Photo: A. Photographer)\n"
        try md.write(to: dir.appendingPathComponent("story.md"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("story.epub")
        let r = try CLIRunner.run(["convert", dir.appendingPathComponent("story.md").path, "--output", out.path] + extra)
        return ((try? Data(contentsOf: out)) ?? Data(), r.stderr, r.status)
    }

    @Test func aWebPPhotoBecomesAJPEGInTheBook() throws {
        #expect(Self.webp.count > 100)
        let (book, stderr, status) = try Self.convert([])
        #expect(status == 0, "\(stderr)")
        let text = String(decoding: book, as: UTF8.self)
        #expect(text.contains("EPUB/images/img-001.jpg") && !text.contains("image/webp"), "\(stderr)")
        #expect(book.range(of: Data([0xFF, 0xD8, 0xFF])) != nil)
    }

    @Test func imagesNoneAndKeep() throws {
        let (none, _, s1) = try Self.convert(["--images", "none"])
        #expect(s1 == 0 && !String(decoding: none, as: UTF8.self).contains("EPUB/images/img-"))
        let (kept, _, s2) = try Self.convert(["--images", "keep"])
        #expect(s2 == 0 && String(decoding: kept, as: UTF8.self).contains("EPUB/images/img-001.webp"))
    }

    @Test func badImageSettingsAreUsageErrors() throws {
        for args in [["--image-max", "0"], ["--image-quality", "101"], ["--images", "sometimes"]] {
            let (_, stderr, status) = try Self.convert(args)
            #expect(status == 2, "\(args): \(status) \(stderr)")
        }
    }
}
