import ArticleCore
import CVips
import Foundation

/// Turns the SVG cover ArticleKit draws for a book into a JPEG: some Kindle and Kobo library
/// views show only raster covers.
public enum CoverRenderer {
    /// A baseline JPEG of `svg`, which must be a cover ArticleKit generated (never a document's
    /// own SVG: those are never rendered, only checked and kept).
    ///
    /// - Parameters:
    ///   - svg: The cover's SVG text.
    ///   - quality: JPEG quality.
    /// - Returns: The JPEG bytes.
    /// - Throws: ``/ArticleCore/ArticleError`` when libvips cannot render it.
    public static func jpeg(fromGeneratedSVG svg: String, quality: Int = 85) throws(ArticleError) -> Data {
        guard cvips_start() == 0 else { throw ArticleError(.io, "libvips could not start: \(String(cString: cvips_error()))") }
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
