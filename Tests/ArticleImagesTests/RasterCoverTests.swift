import ArticleKit
import CVips
import Foundation
import Testing
import ZIPFoundation

/// Every book gets a raster (JPEG) cover as its cover-image, since some Kindle and Kobo library
/// views ignore SVG covers; a book of one article with its lead image has that photo, with the
/// title, as its cover.
@Suite struct RasterCoverTests {
    /// A book written by the standard pipeline's EPUB writer, unzipped.
    static func book(_ articles: [Article], options: ConversionOptions = ConversionOptions()) throws -> (files: [String: Data], warnings: [String]) {
        var context = ConversionContext(options: options, inputName: "in.json")
        let writer = EPUBWriter(imageSteps: [NormalizeImages()], coverRasterizer: CoverRenderer())
        var prepared: [Article] = []
        for a in articles {
            var a = a
            for step in writer.imageSteps { a = try step.apply(to: a, context: &context) }
            prepared.append(a)
        }
        let data = try writer.write(prepared, context: &context)
        return (try unzippedBook(data), context.warnings.map(\.message))
    }

    /// The manifest item with `properties="cover-image"`: its id and href.
    static func coverItem(_ opf: String) -> (id: String, href: String)? {
        for line in opf.split(separator: "\n") where line.contains("properties=\"cover-image\"") {
            func attribute(_ name: String) -> String? {
                guard let r = line.range(of: name + "=\"") else { return nil }
                return line[r.upperBound...].prefix { $0 != "\"" }.description
            }
            if let id = attribute("id"), let href = attribute("href") { return (id, href) }
        }
        return nil
    }

    static func text(_ files: [String: Data], _ path: String) -> String { String(decoding: files[path] ?? Data(), as: UTF8.self) }

    static let lead = "https://cdn.example/photos/lead.jpg"

    static func article(title: String = "Rice harvest begins early in Nghe An", image: String? = lead, resources: [Resource] = []) -> Article {
        Article(metadata: Metadata(title: title, authors: ["Thanh Le"], source: "Baonghean", language: "en", image: image),
                blocks: [.paragraph([.text("Farmers in Nghe An began the harvest two weeks early this year.")])],
                resources: resources)
    }

    /// The cover-image of a book: a JPEG that libvips decodes, of thumbnail size, that is not
    /// blank (the text or photo is drawn).
    static func checkRasterCover(_ files: [String: Data], bands: Int) throws -> TestImages.Info {
        let opf = text(files, "EPUB/package.opf")
        let item = try #require(coverItem(opf), "no cover-image item")
        #expect(opf.contains("<meta name=\"cover\" content=\"\(item.id)\"/>"), "the EPUB 2 cover meta names the cover-image item")
        #expect(item.href.hasSuffix(".jpg") && opf.contains("href=\"\(item.href)\" media-type=\"image/jpeg\""))
        let jpeg = try #require(files["EPUB/" + item.href])
        let info = try TestImages.info(jpeg)
        #expect(info.loader.lowercased().contains("jpeg"))
        #expect((200...600).contains(info.width) && info.height * 2 == info.width * 3, "\(info.width)×\(info.height)")
        #expect(info.bands == bands)
        #expect(try Self.inkFraction(jpeg) > 0.01, "the cover is blank")
        return info
    }

    /// The share of pixels darker than mid grey.
    static func inkFraction(_ jpeg: Data) throws -> Double {
        let png = try TestImages.decodeToGrey(jpeg)
        return Double(png.filter { $0 < 128 }.count) / Double(max(png.count, 1))
    }

    @Test func aBookWithoutALeadImageHasItsSVGCoverPageAndAGreyJPEGCoverImage() throws {
        let (files, warnings) = try Self.book([Self.article(image: nil)])
        _ = try Self.checkRasterCover(files, bands: 1)
        #expect(files["EPUB/images/cover.svg"] != nil)
        #expect(Self.text(files, "EPUB/text/cover.xhtml").contains("src=\"../images/cover.svg\""))
        #expect(!Self.text(files, "EPUB/package.opf").contains("image/svg+xml\" properties=\"cover-image\""))
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test func oneArticleWithItsLeadImageInResourcesHasThePhotoAndTitleAsCover() throws {
        let photo = try TestImages.make(1200, 800, suffix: ".jpg")
        let a = Self.article(resources: [Resource(path: Self.lead, mediaType: "image/jpeg", data: photo)])
        let (files, warnings) = try Self.book([a])
        _ = try Self.checkRasterCover(files, bands: 3)
        #expect(files["EPUB/images/cover.svg"] == nil)
        let page = Self.text(files, "EPUB/text/cover.xhtml")
        #expect(page.contains("class=\"cover-photo\"") && page.contains("<p class=\"cover-title\">Rice harvest begins early in Nghe An</p>"))
        // The page shows the photo itself, at its size in the book, not the thumbnail.
        let shown = try #require(page.range(of: "src=\"../").map { page[$0.upperBound...].prefix { $0 != "\"" } })
        let photoInBook = try TestImages.info(try #require(files["EPUB/" + shown]))
        #expect(photoInBook.width == 1200 && photoInBook.height == 800)
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test func aLeadImageNotInTheBookLeavesTheGeneratedCoverWithoutAWarning() throws {
        let (files, warnings) = try Self.book([Self.article()])
        _ = try Self.checkRasterCover(files, bands: 1)
        #expect(files["EPUB/images/cover.svg"] != nil)
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test func aBookOfSeveralArticlesKeepsTheGeneratedCover() throws {
        let photo = try TestImages.make(1200, 800, suffix: ".jpg")
        let a = Self.article(resources: [Resource(path: Self.lead, mediaType: "image/jpeg", data: photo)])
        var options = ConversionOptions()
        options.title = "Week 36"
        let (files, _) = try Self.book([a, Self.article(title: "Second story")], options: options)
        _ = try Self.checkRasterCover(files, bands: 1)
        let svg = Self.text(files, "EPUB/images/cover.svg")
        #expect(svg.contains("Week 36") && svg.contains("2 articles"))
        #expect(!Self.text(files, "EPUB/text/cover.xhtml").contains("cover-title"))
    }

    @Test func theCoverFileStillWins() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ak-rastercover-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let mine = try TestImages.make(600, 900, suffix: ".png")
        try mine.write(to: dir.appendingPathComponent("mine.png"))
        var options = ConversionOptions()
        options.coverPath = dir.appendingPathComponent("mine.png").path
        let photo = try TestImages.make(1200, 800, suffix: ".jpg")
        let (files, _) = try Self.book([Self.article(resources: [Resource(path: Self.lead, mediaType: "image/jpeg", data: photo)])], options: options)
        let item = try #require(Self.coverItem(Self.text(files, "EPUB/package.opf")))
        #expect(files["EPUB/" + item.href] == mine)
        #expect(Self.text(files, "EPUB/package.opf").components(separatedBy: "properties=\"cover-image\"").count == 2, "one cover-image")
    }

    @Test func aDisguisedSVGPhotoIsNeverRenderedIntoTheCover() throws {
        // Not a raster image: the renderer draws the text cover, never the SVG's content.
        let svg = Data("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"600\"><rect width=\"900\" height=\"600\" fill=\"#f00\"/><image href=\"file:///etc/passwd\"/></svg>".utf8)
        let jpeg = try CoverRenderer().jpeg(for: CoverDesign(title: "T", photo: svg))
        #expect(try TestImages.info(jpeg).bands == 1)
    }

    @Test func longTitlesAndEveryScriptStillDraw() throws {
        for title in [String(repeating: "Antidisestablishmentarianism ", count: 40), "Mùa lúa sớm ở Nghệ An", "東京で桜が満開に", "مرحبا بالعالم", "x"] {
            let jpeg = try CoverRenderer().jpeg(for: CoverDesign(title: title, kicker: "SOURCE", byline: "A, B", footer: "2011-09-05", note: "2 articles"))
            let info = try TestImages.info(jpeg)
            #expect(info.width == 240 && info.height == 360 && info.bands == 1)
            #expect(try Self.inkFraction(jpeg) > 0.005, "\(title)")
        }
    }
}
