import ArticleCore
import CVips
import Foundation

/// An image ready for a book: its bytes, what they are, and its size in pixels.
public struct NormalizedImage: Hashable, Sendable {
    /// The encoded image.
    public var data: Data
    /// `image/jpeg`, `image/png`, `image/gif` or `image/svg+xml`.
    public var mediaType: String
    /// Width in pixels (0 for SVG).
    public var width: Int
    /// Height in pixels (0 for SVG).
    public var height: Int
}

/// Turns any image a page or a folder holds into one every e-reader shows, on libvips: the type
/// comes from the bytes, never from a name or a header; WebP, AVIF, HEIC, JPEG XL, TIFF and BMP
/// become JPEG (PNG when there is transparency); photos are scaled down to
/// ``/ArticleCore/ImageOptions/maxDimension``; the EXIF orientation is applied and then every metadata block
/// (EXIF, XMP, IPTC: GPS positions, camera serials) is stripped; CMYK becomes sRGB; an image
/// declaring more than ``/ArticleCore/ImageOptions/maxPixels`` is refused before its pixels are decoded; SVG is
/// kept only when it has no script and no external references.
public enum ImageNormalizer {
    /// The image, prepared as `options` say.
    ///
    /// - Parameters:
    ///   - data: The image's bytes, as found.
    ///   - options: The mode, size and quality; ``/ArticleCore/ImageOptions/Mode/none`` is the caller's to
    ///     handle (it refuses every image here).
    /// - Throws: ``/ArticleCore/ArticleError`` saying why the bytes are not an image a book may hold.
    public static func normalize(_ data: Data, options: ImageOptions = ImageOptions()) throws(ArticleError) -> NormalizedImage {
        if options.mode == .none { throw ArticleError(.usage, "images are turned off") }
        if data.isEmpty { throw ArticleError(.malformed, "the image is empty") }
        if SVGCheck.looksLikeSVG(data) {
            try SVGCheck.requireSafe(data)
            return NormalizedImage(data: data, mediaType: "image/svg+xml", width: 0, height: 0)
        }
        guard cvips_start() == 0 else { throw ArticleError(.io, startFailure()) }
        let result = data.withUnsafeBytes { raw in Result { () throws(ArticleError) in try normalize(raw, options: options) } }
        return try result.get()
    }

    private static func normalize(_ raw: UnsafeRawBufferPointer, options: ImageOptions) throws(ArticleError) -> NormalizedImage {
        guard let base = raw.baseAddress, let loaderName = cvips_loader(base, raw.count) else {
            throw ArticleError(.malformed, "not an image (by its bytes)")
        }
        let loader = String(cString: loaderName)
        // A document's SVG is never rendered (only checked and kept, above); anything libvips
        // would take as SVG here did not look like one, and is refused.
        guard let format = SourceFormat(loader: loader) else {
            throw ArticleError(.unsafeInput, "not an image format a book may hold (\(loader))")
        }
        guard let opened = cvips_open(base, raw.count) else {
            throw ArticleError(.malformed, "the image cannot be read: \(String(cString: cvips_error()))")
        }
        var image = VipsHandle(opened)
        let width = Int(cvips_width(image.pointer)), height = Int(cvips_height(image.pointer))
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        if overflow || pixels > options.maxPixels || width <= 0 || height <= 0 {
            throw ArticleError(.limitExceeded, "the image declares \(width)×\(height) pixels, more than \(options.maxPixels / 1_000_000) megapixels")
        }
        let longSide = max(width, height)
        if options.mode == .keep || (format.isReaderReady && longSide <= options.maxDimension
            && cvips_orientation(image.pointer) <= 1 && cvips_has_metadata(image.pointer) == 0
            && cvips_is_cmyk(image.pointer) == 0 && cvips_has_icc(image.pointer) == 0) {
            // Nothing to change: re-encoding would only lose quality.
            return NormalizedImage(data: Data(raw), mediaType: format.mediaType, width: width, height: height)
        }
        if format == .jpeg, longSide <= options.maxDimension, cvips_has_metadata(image.pointer) != 0,
           cvips_orientation(image.pointer) <= 1, cvips_is_cmyk(image.pointer) == 0, cvips_has_icc(image.pointer) == 0,
           let copy = jpegWithoutMetadata(raw, width: width, height: height) {
            // Only the metadata to remove: the same pixels, without a decode and a lossy encode.
            return copy
        }
        if longSide > options.maxDimension {
            // Decoded straight to the target size, upright, through its ICC profile (libvips's
            // thumbnail path: a JPEG is shrunk while it is decoded when that still leaves the
            // full target size, and nothing is held whole): ten 3000×2000 photos, JPEG and WebP,
            // 1.2 s of CPU time against 1.6 s opened whole, turned and resized.
            let side = Int32(clamping: options.maxDimension)
            try image.apply("scale the image") { _ in cvips_thumbnail(base, raw.count, side) }
        } else {
            try image.apply("turn the image upright") { cvips_autorotate($0) }
        }
        if cvips_is_srgb8(image.pointer) == 0 {
            try image.apply("convert the image to sRGB") { cvips_to_srgb($0) }
        }
        let transparent = cvips_has_alpha(image.pointer) != 0
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let status = transparent
            ? cvips_save_png(image.pointer, &buffer, &length)
            : cvips_save_jpeg(image.pointer, Int32(min(100, max(1, options.quality))), &buffer, &length)
        guard status == 0, let buffer else {
            throw ArticleError(.malformed, "the image cannot be encoded: \(String(cString: cvips_error()))")
        }
        defer { cvips_free_buffer(buffer) }
        return NormalizedImage(data: Data(bytes: buffer, count: length), mediaType: transparent ? "image/png" : "image/jpeg",
                               width: Int(cvips_width(image.pointer)), height: Int(cvips_height(image.pointer)))
    }
}

extension ImageNormalizer {
    /// The JPEG with every APPn and COM segment left out by libjpeg's lossless transcoding, when
    /// libvips then reads it as the same size with no metadata; nil otherwise (the caller decodes
    /// and encodes it instead).
    static func jpegWithoutMetadata(_ raw: UnsafeRawBufferPointer, width: Int, height: Int) -> NormalizedImage? {
        guard let base = raw.baseAddress else { return nil }
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        guard cvips_jpeg_copy_without_metadata(base, raw.count, &buffer, &length) == 0, let buffer else { return nil }
        let data = Data(bytes: buffer, count: length)
        free(buffer)
        let same = data.withUnsafeBytes { copy -> Bool in
            guard let copyBase = copy.baseAddress, let reopened = cvips_open(copyBase, copy.count) else { return false }
            defer { cvips_free(reopened) }
            return Int(cvips_width(reopened)) == width && Int(cvips_height(reopened)) == height && cvips_has_metadata(reopened) == 0
        }
        return same ? NormalizedImage(data: data, mediaType: "image/jpeg", width: width, height: height) : nil
    }
}

/// Why libvips could not start, in one line: the library that could not be loaded and the loader's
/// reason (the shim loads it on first use), an ABI mismatch, or libvips's own error.
func startFailure() -> String {
    let reason = String(cString: cvips_error())
    return reason.isEmpty ? "libvips could not start" : reason
}

/// The formats a book may take an image from, by the libvips loader that recognised the bytes.
enum SourceFormat {
    case jpeg, png, gif, webp, heif, jxl, tiff, bmp

    init?(loader: String) {
        let l = loader.lowercased()
        if l.contains("jpeg") { self = .jpeg } else if l.contains("png") { self = .png } else if l.contains("gif") { self = .gif }
        else if l.contains("webp") { self = .webp } else if l.contains("heif") { self = .heif } else if l.contains("jxl") { self = .jxl }
        else if l.contains("tiff") { self = .tiff } else if l.contains("magick") && l.contains("bmp") { self = .bmp }
        else { return nil }
    }

    /// Shown by every e-reader as it is (EPUB 2 core media types).
    var isReaderReady: Bool { self == .jpeg || self == .png || self == .gif }

    var mediaType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .gif: "image/gif"
        case .webp: "image/webp"
        case .heif: "image/heif"
        case .jxl: "image/jxl"
        case .tiff: "image/tiff"
        case .bmp: "image/bmp"
        }
    }
}

/// One libvips image, released when replaced or dropped.
struct VipsHandle: ~Copyable {
    private(set) var pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    /// Replaces the image by `step`'s result; `what` names the step in the error.
    mutating func apply(_ what: String, _ step: (OpaquePointer) -> OpaquePointer?) throws(ArticleError) {
        guard let next = step(pointer) else {
            throw ArticleError(.malformed, "cannot \(what): \(String(cString: cvips_error()))")
        }
        cvips_free(pointer)
        pointer = next
    }

    deinit { cvips_free(pointer) }
}
