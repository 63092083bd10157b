import ArticleCore
import CVips
import Foundation

/// Draws a book's raster cover: some Kindle and Kobo library views show only raster covers.
///
/// ``jpeg(for:)`` draws the cover directly (cairo and pango for the text, libjpeg to encode):
/// about 0.3 ms a cover once the process has set its fonts up, against 5 ms for rendering the
/// SVG cover through librsvg even at thumbnail size, so every book of a batch can have one. A
/// cover without a photo is black on white and is written as a one-channel (grey) JPEG; one with
/// the lead photo is RGB. The default size, 240×360, is what Kindle and Kobo library grids show
/// (a few hundred pixels tall); the book's cover page keeps the full-size SVG or photo.
public struct CoverRenderer: CoverRasterizer {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// JPEG quality.
    public var quality: Int

    /// Creates a renderer of `width`×`height` JPEG covers.
    public init(width: Int = 240, height: Int = 360, quality: Int = 80) {
        self.width = width
        self.height = height
        self.quality = quality
    }

    /// The JPEG of the cover `design` describes. A photo that is not a JPEG, PNG, GIF or WebP
    /// image, or declares more than ``/ArticleCore/ImageOptions/maxPixels`` (default) pixels, is left out (the
    /// cover is then the text cover).
    public func jpeg(for design: CoverDesign) throws(ArticleError) -> Data {
        let photo = design.photo ?? Data()
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let status: Int32 = design.title.withCString { title in
            optionalCString(design.kicker) { kicker in
                optionalCString(design.byline) { byline in
                    optionalCString(design.footer) { footer in
                        optionalCString(design.note) { note in
                            photo.withUnsafeBytes { raw in
                                var cover = cvips_cover(
                                    width: Int32(clamping: width), height: Int32(clamping: height), quality: Int32(clamping: quality),
                                    title: title, kicker: kicker, byline: byline, footer: footer, note: note,
                                    photo: raw.count > 0 ? raw.baseAddress : nil, photo_length: raw.count,
                                    max_photo_pixels: Double(ImageOptions().maxPixels))
                                return cvips_draw_cover(&cover, &buffer, &length)
                            }
                        }
                    }
                }
            }
        }
        guard status == 0, let buffer else {
            // A library that could not be loaded says which; a cover the size check refused says nothing.
            let reason = String(cString: cvips_error())
            throw ArticleError(.malformed, reason.isEmpty ? "cannot draw the raster cover" : reason)
        }
        defer { cvips_free_cover(buffer) }
        return Data(bytes: buffer, count: length)
    }

    /// A baseline JPEG of `svg`, which must be a cover ArticleKit generated (never a document's
    /// own SVG: those are never rendered, only checked and kept), at its own size. Much slower
    /// than ``jpeg(for:)`` (librsvg); for a full-size rendering of the SVG cover.
    ///
    /// - Parameters:
    ///   - svg: The cover's SVG text.
    ///   - quality: JPEG quality.
    /// - Returns: The JPEG bytes.
    /// - Throws: ``/ArticleCore/ArticleError`` when libvips cannot render it.
    public static func jpeg(fromGeneratedSVG svg: String, quality: Int = 85) throws(ArticleError) -> Data {
        guard cvips_start() == 0 else { throw ArticleError(.io, startFailure()) }
        let bytes = Array(svg.utf8)
        let rendered: OpaquePointer? = bytes.withUnsafeBytes { raw in
            raw.baseAddress.flatMap { cvips_render_own_svg($0, raw.count, 1.0) }
        }
        guard let rendered else { throw ArticleError(.malformed, "cannot render the cover: \(String(cString: cvips_error()))") }
        var image = VipsHandle(rendered)
        try image.apply("convert the cover to sRGB") { cvips_to_srgb($0) }
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        guard cvips_save_jpeg(image.pointer, Int32(min(100, max(1, quality))), &buffer, &length) == 0, let buffer else {
            throw ArticleError(.malformed, "cannot encode the cover: \(String(cString: cvips_error()))")
        }
        defer { cvips_free_buffer(buffer) }
        return Data(bytes: buffer, count: length)
    }
}

/// Runs `body` with `s` as a C string, or with `nil` when `s` is `nil` or empty.
private func optionalCString<R>(_ s: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let s, !s.isEmpty else { return body(nil) }
    return s.withCString { body($0) }
}
