@testable import ArticleImages
import ArticleCore
import CVips
import Foundation
import Testing

@Suite struct ImageNormalizerTests {
    @Test(arguments: [".webp[Q=80]", ".tif", ".avif", ".heic", ".jxl"])
    func formatsOlderReadersCannotShowBecomeJPEG(suffix: String) throws {
        let input = try TestImages.make(640, 480, suffix: suffix)
        let out = try ImageNormalizer.normalize(input)
        #expect(out.mediaType == "image/jpeg")
        let info = try TestImages.info(out.data)
        #expect(info.loader.lowercased().contains("jpeg"))
        #expect(info.width == 640 && info.height == 480)
    }

    @Test func transparencyBecomesPNG() throws {
        let input = try TestImages.make(300, 200, bands: 4, suffix: ".webp[lossless]")
        let out = try ImageNormalizer.normalize(input)
        #expect(out.mediaType == "image/png")
        #expect(try TestImages.info(out.data).bands == 4)
    }

    @Test func largePhotosAreScaledDownNeverUp() throws {
        let big = try ImageNormalizer.normalize(try TestImages.make(3000, 2000, suffix: ".jpg[Q=90]"))
        #expect(big.width == 1600 && big.height == 1067)
        let tall = try ImageNormalizer.normalize(try TestImages.make(1000, 4000, suffix: ".png"))
        #expect(tall.height == 1600 && tall.width == 400)
        var options = ImageOptions()
        options.maxDimension = 4000
        let small = try ImageNormalizer.normalize(try TestImages.make(800, 600, suffix: ".webp"), options: options)
        #expect(small.width == 800 && small.height == 600)
    }

    @Test func exifOrientationIsAppliedAndEveryMetadataBlockStripped() throws {
        // Orientation 6: the camera was turned; the stored 400×300 shows as 300×400.
        let input = try TestImages.make(400, 300, suffix: ".jpg") { img in
            guard let rotated = cvips_with_int(img, "orientation", 6) else { return nil }
            defer { cvips_free(rotated) }
            return cvips_with_string(rotated, "exif-ifd3-GPSLatitude", "51/1 30/1 2637/100")
        }
        let before = try TestImages.info(input)
        #expect(before.orientation == 6 && before.hasMetadata)
        let out = try ImageNormalizer.normalize(input)
        let after = try TestImages.info(out.data)
        #expect(after.width == 300 && after.height == 400)
        #expect(!after.hasMetadata && after.orientation == 1)
        #expect(!after.hasField("exif-ifd3-GPSLatitude") && !after.hasField("exif-data"))
        #expect(out.data.range(of: Data("GPSLatitude".utf8)) == nil)
    }

    @Test func cmykBecomesSRGB() throws {
        let input = try TestImages.make(200, 100, bands: 4, suffix: ".jpg") { cvips_as_cmyk($0) }
        #expect(try TestImages.info(input).isCMYK)
        let out = try ImageNormalizer.normalize(input)
        let info = try TestImages.info(out.data)
        #expect(out.mediaType == "image/jpeg" && !info.isCMYK && info.bands == 3)
    }

    @Test func pixelBombsAreRefusedBeforeDecoding() throws {
        let bomb = TestImages.pngHeader(width: 30_000, height: 30_000)
        let start = Date()
        #expect(throws: ArticleError.self) { try ImageNormalizer.normalize(bomb) }
        do { _ = try ImageNormalizer.normalize(bomb) } catch {
            #expect(error.code == .limitExceeded && error.message.contains("30000×30000"))
        }
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test func readerReadyImagesWithNothingToChangeKeepTheirBytes() throws {
        let png = try TestImages.make(320, 240, suffix: ".png")
        #expect(try ImageNormalizer.normalize(png).data == png)
        var keep = ImageOptions()
        keep.mode = .keep
        let webp = try TestImages.make(2000, 1000, suffix: ".webp")
        let kept = try ImageNormalizer.normalize(webp, options: keep)
        #expect(kept.data == webp && kept.mediaType == "image/webp")
    }

    @Test func qualitySetsTheJPEGSize() throws {
        let photo = try TestImages.make(1200, 800, suffix: ".webp[Q=95]")
        var low = ImageOptions(); low.quality = 30
        var high = ImageOptions(); high.quality = 95
        #expect(try ImageNormalizer.normalize(photo, options: low).data.count < ImageNormalizer.normalize(photo, options: high).data.count)
    }

    @Test(arguments: [Data(), Data("GIF89a not really".utf8), Data("%PDF-1.4\n".utf8), Data("hello world".utf8)])
    func bytesThatAreNotAnImageAreRefused(data: Data) {
        #expect(throws: ArticleError.self) { try ImageNormalizer.normalize(data) }
    }

    @Test func truncatedImagesAreAnErrorNotGreyPixels() throws {
        let photo = try TestImages.make(2400, 1600, suffix: ".jpg")
        #expect(throws: ArticleError.self) { try ImageNormalizer.normalize(photo.prefix(photo.count / 2)) }
    }

    /// A photo that needs only its metadata removed keeps its pixels: the same quantisation
    /// tables (its DCT coefficients were copied, not decoded and encoded again at another
    /// quality), none of the EXIF, XMP or IPTC, and about its own size.
    @Test func metadataIsRemovedWithoutReencodingWhenNothingElseChanges() throws {
        let input = try TestImages.make(1200, 800, suffix: ".jpg[Q=93]") { img in
            cvips_with_string(img, "exif-ifd3-GPSLatitude", "51/1 30/1 2637/100")
        }
        #expect(try TestImages.info(input).hasMetadata)
        let out = try ImageNormalizer.normalize(input)
        let after = try TestImages.info(out.data)
        #expect(out.mediaType == "image/jpeg" && out.width == 1200 && out.height == 800)
        #expect(!after.hasMetadata && !after.hasField("exif-data"))
        #expect(out.data.range(of: Data("GPSLatitude".utf8)) == nil && out.data.range(of: Data("Exif".utf8)) == nil)
        #expect(Self.quantisationTables(out.data) == Self.quantisationTables(input))
        #expect(Self.quantisationTables(input).count > 0)
        #expect(out.data.count <= input.count)
        // What is re-encoded (scaled down) gets the book's quality instead: other tables.
        let scaled = try ImageNormalizer.normalize(try TestImages.make(2400, 1600, suffix: ".jpg[Q=93]"))
        #expect(Self.quantisationTables(scaled.data) != Self.quantisationTables(input))
    }

    @Test func aTruncatedPhotoWithMetadataIsStillAnError() throws {
        let photo = try TestImages.make(1200, 800, suffix: ".jpg") { img in
            cvips_with_string(img, "exif-ifd3-GPSLatitude", "51/1 30/1 2637/100")
        }
        #expect(throws: ArticleError.self) { try ImageNormalizer.normalize(photo.prefix(photo.count / 2)) }
    }

    /// The bodies of a JPEG's DQT segments, in order.
    static func quantisationTables(_ jpeg: Data) -> [Data] {
        let b = [UInt8](jpeg)
        var tables: [Data] = []
        var i = 2
        while i + 4 <= b.count, b[i] == 0xFF {
            let marker = b[i + 1], length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            if marker == 0xDA || length < 2 || i + 2 + length > b.count { break }
            if marker == 0xDB { tables.append(Data(b[(i + 4)..<(i + 2 + length)])) }
            i += 2 + length
        }
        return tables
    }

    @Test func svgIsKeptOnlyWhenSelfContained() throws {
        let safe = Data(#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="10" height="10"/></svg>"#.utf8)
        #expect(try ImageNormalizer.normalize(safe).mediaType == "image/svg+xml")
        let unsafe = [
            #"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="file:///etc/passwd"/></svg>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.gif"/></svg>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://x.example/a.css);</style></svg>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://x.example/a#b)"/></svg>"#,
            #"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>"#,
        ]
        for svg in unsafe {
            #expect(throws: ArticleError.self, "\(svg)") { try ImageNormalizer.normalize(Data(svg.utf8)) }
        }
    }
}

@Suite struct NormalizeImagesTransformTests {
    static func article(_ resources: [Resource]) -> Article {
        Article(blocks: resources.map { .figure(Figure(image: ImageReference(source: $0.path), caption: [.text("caption")], credit: "A. Photographer")) },
                resources: resources)
    }

    @Test func resourcesBecomeReaderReadyAndBadOnesLeaveOnlyTheirCaption() throws {
        let webp = Resource(path: "a.webp", mediaType: "image/webp", data: try TestImages.make(2400, 1600, suffix: ".webp"))
        let junk = Resource(path: "b.png", mediaType: "image/png", data: Data("not a png".utf8))
        var context = ConversionContext()
        let out = try NormalizeImages().apply(to: Self.article([webp, junk]), context: &context)
        #expect(out.resources.map(\.path) == ["a.webp"])
        #expect(out.resources.first?.mediaType == "image/jpeg")
        #expect(out.blocks.count == 2)
        guard case .figure(let kept) = out.blocks[0], case .figure(let gone) = out.blocks[1] else { Issue.record("figures lost"); return }
        #expect(kept.image?.source == "a.webp")
        #expect(gone.image == nil && gone.caption == [.text("caption")] && gone.credit == "A. Photographer")
        #expect(context.warnings.count == 1 && context.warnings[0].message.contains("b.png"))
    }

    @Test func modeNoneLeavesEveryImageOutButTheCaptions() throws {
        let png = Resource(path: "a.png", mediaType: "image/png", data: try TestImages.make(10, 10, suffix: ".png"))
        var context = ConversionContext()
        context.options.images.mode = .none
        var a = Self.article([png])
        a.blocks.append(.paragraph([.text("see "), .image(ImageReference(source: "https://example.org/x.jpg", alt: "a chart"))]))
        let out = try NormalizeImages().apply(to: a, context: &context)
        #expect(out.resources.isEmpty)
        #expect(out.blocks[1] == .paragraph([.text("see "), .text("a chart")]))
        guard case .figure(let f) = out.blocks[0] else { Issue.record("figure lost"); return }
        #expect(f.image == nil && f.credit == "A. Photographer")
    }
}

@Suite struct CoverRendererTests {
    @Test func generatedCoverBecomesAJPEGOfItsSize() throws {
        let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 900" width="600" height="900"><rect width="600" height="900" fill="#fff"/><text x="300" y="400" font-size="60" text-anchor="middle" font-family="serif">Week 36</text></svg>"##
        let jpeg = try CoverRenderer.jpeg(fromGeneratedSVG: svg)
        let info = try TestImages.info(jpeg)
        #expect(info.loader.lowercased().contains("jpeg") && info.width == 600 && info.height == 900 && info.bands == 3)
    }

    @Test func documentSVGsAreNeverRenderedEvenWhenTheyDoNotLookLikeSVG() {
        // Leading text hides the SVG from the quick check; libvips would see an SVG and render it.
        let disguised = Data("junk before <svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"file:///etc/passwd\"/></svg>".utf8)
        #expect(throws: ArticleError.self) { try ImageNormalizer.normalize(disguised) }
    }
}
