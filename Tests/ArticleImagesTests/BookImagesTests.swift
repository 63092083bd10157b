import ArticleKit
import CVips
import Foundation
import Testing
import ZIPFoundation

/// Books made through the standard pipeline carry images every e-reader shows.
@Suite struct BookImagesTests {
    static func book(markdownWith images: [(String, Data)], options: ConversionOptions = ConversionOptions()) throws -> (files: [String: Data], warnings: [String]) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ak-bookimages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var md = "# Photos\n\nIntro paragraph.\n\n"
        for (name, data) in images {
            try data.write(to: dir.appendingPathComponent(name))
            md += "![A photo](\(name))\n\n*Caption of \(name)* (Photo: A. Photographer)\n\n"
        }
        let input = dir.appendingPathComponent("story.md")
        try md.write(to: input, atomically: true, encoding: .utf8)
        var context = ConversionContext(options: options)
        let data = try Converter().convert([try ReaderInput(path: input.path)], to: "epub", context: &context)
        return (try unzippedBook(data), context.warnings.map(\.message))
    }

    static func images(_ files: [String: Data]) -> [String: Data] {
        files.filter { $0.key.hasPrefix("EPUB/images/img-") }
    }

    @Test func webpAndHugePhotosBecomeScaledJPEGsWithoutMetadata() throws {
        let webp = try TestImages.make(3000, 2000, suffix: ".webp[Q=90]")
        let gps = try TestImages.make(800, 600, suffix: ".jpg") { img in cvips_with_string(img, "exif-ifd3-GPSLatitude", "51/1 30/1 2637/100") }
        let (files, warnings) = try Self.book(markdownWith: [("a.webp", webp), ("b.jpg", gps)])
        let images = Self.images(files)
        #expect(images.count == 2, "\(files.keys.sorted()) \(warnings)")
        for (path, data) in images {
            #expect(path.hasSuffix(".jpg"))
            let info = try TestImages.info(data)
            #expect(info.loader.lowercased().contains("jpeg") && max(info.width, info.height) <= 1600 && !info.hasMetadata)
        }
        let opf = String(decoding: files["EPUB/package.opf"] ?? Data(), as: UTF8.self)
        #expect(!opf.contains("image/webp"))
    }

    @Test func imagesNoneKeepsCaptionsAndKeepLeavesBytesAlone() throws {
        let webp = try TestImages.make(2000, 1000, suffix: ".webp")
        var none = ConversionOptions()
        none.images.mode = .none
        let (noImages, _) = try Self.book(markdownWith: [("a.webp", webp)], options: none)
        #expect(Self.images(noImages).isEmpty)
        let chapter = noImages.first { $0.key.hasPrefix("EPUB/text/chapter-") }.map { String(decoding: $0.value, as: UTF8.self) } ?? ""
        #expect(chapter.contains("Caption of a.webp") && chapter.contains("A. Photographer") && !chapter.contains("<img"))
        var keep = ConversionOptions()
        keep.images.mode = .keep
        let (kept, _) = try Self.book(markdownWith: [("a.webp", webp)], options: keep)
        #expect(Array(Self.images(kept).values) == [webp])
    }
}

/// The files of a book, by path (ZIPFoundation reading what the writer zipped).
func unzippedBook(_ data: Data) throws -> [String: Data] {
    let archive = try Archive(data: data, accessMode: .read)
    var files: [String: Data] = [:]
    for entry in archive {
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        files[entry.path] = bytes
    }
    return files
}
