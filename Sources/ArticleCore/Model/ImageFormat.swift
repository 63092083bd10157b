import Foundation

/// The image formats ArticleKit recognises, told apart by their first bytes: a file's name,
/// extension or declared media type is never trusted.
///
/// ```swift
/// ImageFormat.sniff(try Data(contentsOf: url))   // .png, or nil for a text file named a.png
/// ```
public enum ImageFormat: String, Hashable, Sendable, CaseIterable {
    /// JPEG (`FF D8 FF`).
    case jpeg
    /// PNG (the eight-byte signature, then the `IHDR` chunk).
    case png
    /// GIF 87a or 89a.
    case gif
    /// WebP (a RIFF file of type `WEBP`).
    case webp
    /// SVG: an XML document whose first element is `<svg`.
    case svg

    /// The IANA media type (`image/png`, `image/svg+xml`).
    public var mediaType: String { self == .svg ? "image/svg+xml" : "image/" + rawValue }

    /// The usual file extension, without the dot (`jpg`, `png`, `svg`).
    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    /// Whether the format is a raster (pixel) format rather than a vector one.
    public var isRaster: Bool { self != .svg }

    /// The format of `data` by its first bytes, or `nil` when it is no image ArticleKit knows.
    public static func sniff(_ data: Data) -> ImageFormat? {
        let b = [UInt8](data.prefix(16))
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xD8, b[2] == 0xFF, data.count > 100 { return .jpeg }
        if b.count >= 16, b[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], b[12..<16] == [0x49, 0x48, 0x44, 0x52] {
            return .png
        }
        if b.count >= 10, b[0..<6] == Array("GIF87a".utf8)[...] || b[0..<6] == Array("GIF89a".utf8)[...] { return .gif }
        if b.count >= 12, b[0..<4] == Array("RIFF".utf8)[...], b[8..<12] == Array("WEBP".utf8)[...] { return .webp }
        if isSVG(data.prefix(svgPrologLimit)) { return .svg }
        return nil
    }

    /// How far into a file the `<svg` element may start (after an XML declaration, comments
    /// and a doctype).
    static let svgPrologLimit = 4096

    /// Whether the first element of `head` is `svg`: a byte BOM, white space, `<?…?>`,
    /// `<!--…-->` and `<!DOCTYPE …>` may come before it, nothing else.
    static func isSVG(_ head: Data) -> Bool {
        let b = [UInt8](head)
        var i = 0
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        func skip(past end: [UInt8]) -> Bool {
            var j = i
            while j + end.count <= b.count {
                if b[j..<j + end.count].elementsEqual(end) { i = j + end.count; return true }
                j += 1
            }
            return false
        }
        while i < b.count {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1; continue }
            guard c == UInt8(ascii: "<"), i + 1 < b.count else { return false }
            let rest = b[(i + 1)...]
            if rest.starts(with: Array("?".utf8)) {
                guard skip(past: Array("?>".utf8)) else { return false }
            } else if rest.starts(with: Array("!--".utf8)) {
                guard skip(past: Array("-->".utf8)) else { return false }
            } else if rest.starts(with: Array("!DOCTYPE".utf8)) {
                guard skip(past: Array(">".utf8)) else { return false }
            } else {
                guard rest.starts(with: Array("svg".utf8)), i + 4 < b.count else { return false }
                let after = b[i + 4]
                return after == 0x20 || after == 0x09 || after == 0x0A || after == 0x0D || after == UInt8(ascii: ">") || after == UInt8(ascii: "/")
            }
        }
        return false
    }
}
