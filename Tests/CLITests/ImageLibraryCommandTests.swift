import Foundation
import Testing

/// The image libraries (libvips, pango, cairo, libjpeg and the ~90 they bring) are loaded by the
/// binary only when an image needs them, never at start; and when they cannot be loaded, a book
/// is still written, with one warning line an image.
@Suite struct ImageLibraryCommandTests {
    static let imageLibraries = ["libvips.so", "libpango-1.0.so", "libpangocairo-1.0.so", "libcairo.so", "libjpeg.so", "libgobject-2.0.so"]

    /// The shared objects the dynamic loader opened for one run (at start and by dlopen), from
    /// its own `LD_DEBUG=files` log.
    static func librariesLoaded(by arguments: [String]) throws -> (libraries: Set<String>, result: CLIRunner.Result) {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("ld")
        let result = try CLIRunner.run(arguments, environment: ["LD_DEBUG": "files", "LD_DEBUG_OUTPUT": log.path])
        var names = Set<String>()
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasPrefix("ld.") {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            // "file=libvips.so.42 [0];  needed by …" and "file=libvips.so.42 [0];  dynamically loaded by …"
            for line in text.split(separator: "\n") {
                guard let start = line.range(of: "file=") else { continue }
                let rest = line[start.upperBound...]
                names.insert(String(rest.prefix { $0 != " " && $0 != "[" }))
            }
        }
        return (names, result)
    }

    static func loadsAny(_ names: Set<String>, of libraries: [String]) -> [String] {
        names.filter { name in libraries.contains { name.hasPrefix($0) } }.sorted()
    }

    @Test func aConversionWithoutImagesLoadsNoImageLibrary() throws {
        let out = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let (names, r) = try Self.librariesLoaded(by: ["convert", CLIRunner.seed.path, "--to", "json", "--output", out.appendingPathComponent("a.json").path])
        #expect(r.status == 0, "\(r.stderr)")
        // The log is read: libxml2 (the HTML support every reader links) is in it.
        #expect(names.contains { $0.hasPrefix("libxml2.so") }, "\(names.sorted())")
        #expect(Self.loadsAny(names, of: Self.imageLibraries).isEmpty, "linked again? \(Self.loadsAny(names, of: Self.imageLibraries))")
        #expect(names.count < 40, "\(names.count) libraries: \(names.sorted())")
    }

    @Test func aBookLoadsTheCoverLibrariesAndLibvipsOnlyForAPhoto() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A text-only book draws its raster cover (cairo, pango, libjpeg) and decodes nothing.
        let (plain, r1) = try Self.librariesLoaded(by: ["convert", CLIRunner.seed.path, "--output", dir.appendingPathComponent("a.epub").path])
        #expect(r1.status == 0, "\(r1.stderr)")
        #expect(Self.loadsAny(plain, of: ["libpangocairo-1.0.so", "libjpeg.so"]).count == 2, "\(plain.sorted())")
        #expect(Self.loadsAny(plain, of: ["libvips.so"]).isEmpty)
        // A book with a WebP photo loads libvips, when the photo is made ready.
        try BookImageCommandTests.webp.write(to: dir.appendingPathComponent("photo.webp"))
        try "# A story\n\nText.\n\n![The harbour](photo.webp)\n".write(to: dir.appendingPathComponent("s.md"), atomically: true, encoding: .utf8)
        let (photo, r2) = try Self.librariesLoaded(by: ["convert", dir.appendingPathComponent("s.md").path, "--output", dir.appendingPathComponent("s.epub").path])
        #expect(r2.status == 0, "\(r2.stderr)")
        #expect(Self.loadsAny(photo, of: ["libvips.so"]) == ["libvips.so.42"], "\(photo.sorted())")
    }

    @Test func withoutLoadableImageLibrariesTheBookIsWrittenWithOneWarningAnImage() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Files that are not libraries, found first by the loader (as a broken install would be).
        let libs = dir.appendingPathComponent("broken-libs")
        try FileManager.default.createDirectory(at: libs, withIntermediateDirectories: true)
        for name in ["libvips.so.42", "libpangocairo-1.0.so.0"] {
            try Data("not a library\n".utf8).write(to: libs.appendingPathComponent(name))
        }
        try BookImageCommandTests.webp.write(to: dir.appendingPathComponent("photo.webp"))
        try BookImageCommandTests.webp.write(to: dir.appendingPathComponent("second.webp"))
        let md = "# A story\n\nThe first paragraph.\n\n![The harbour](photo.webp)\n\n*The harbour at dawn.*\n\n![Boats](second.webp)\n"
        try md.write(to: dir.appendingPathComponent("story.md"), atomically: true, encoding: .utf8)
        let book = dir.appendingPathComponent("story.epub")
        let r = try CLIRunner.run(["convert", dir.appendingPathComponent("story.md").path, "--output", book.path],
                                  environment: ["LD_LIBRARY_PATH": libs.path])
        #expect(r.status == 0, "\(r.stderr)")
        let entries = try CoverCommandTests.entries(of: try Data(contentsOf: book))
        let chapters = entries.filter { $0.key.hasSuffix(".xhtml") }.map { String(decoding: $0.value, as: UTF8.self) }
        #expect(chapters.contains { $0.contains("The first paragraph.") && $0.contains("The harbour at dawn.") }, "\(entries.keys.sorted())")
        #expect(!entries.keys.contains { $0.hasPrefix("EPUB/images/img-") || $0.hasSuffix(".jpg") }, "an image was made without its libraries: \(entries.keys.sorted())")
        let lines = r.stderr.split(separator: "\n")
        // One line for each image, naming it and the library, and one for the raster cover.
        for image in ["photo.webp", "second.webp"] {
            let line = lines.filter { $0.contains(image) }
            #expect(line.count == 1 && line.first?.contains("libvips.so.42") == true, "\(r.stderr)")
        }
        #expect(lines.filter { $0.contains("raster cover") && $0.contains("libpangocairo-1.0.so.0") }.count == 1, "\(r.stderr)")
        #expect(lines.count == 3, "\(r.stderr)")
    }
}
