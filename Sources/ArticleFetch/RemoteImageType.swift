import ArticleCore
import Foundation

/// The type of a downloaded image, from its first bytes only (a server's `Content-Type` and
/// the URL's extension are not trusted): the formats of ``/ArticleCore/ImageFormat``, and the
/// ones ArticleImages converts for e-readers (AVIF, HEIC, JPEG XL, TIFF, BMP).
enum RemoteImageType: Equatable {
    case known(ImageFormat)
    case avif, heic, jxl, tiff, bmp

    /// The type of `data`, or `nil` when it is no image ArticleKit takes.
    static func sniff(_ data: Data) -> RemoteImageType? {
        if let format = ImageFormat.sniff(data) { return .known(format) }
        let b = [UInt8](data.prefix(32))
        if b.count >= 12, b[4..<8].elementsEqual("ftyp".utf8) {
            let brand = String(decoding: b[8..<12], as: UTF8.self)
            if ["avif", "avis"].contains(brand) { return .avif }
            if ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"].contains(brand) { return .heic }
        }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0x0A { return .jxl }
        if b.count >= 12, b[0..<12].elementsEqual([0, 0, 0, 0x0C, 0x4A, 0x58, 0x4C, 0x20, 0x0D, 0x0A, 0x87, 0x0A]) { return .jxl }
        if b.count >= 8, b[0..<4].elementsEqual([0x49, 0x49, 0x2A, 0x00]) || b[0..<4].elementsEqual([0x4D, 0x4D, 0x00, 0x2A]) {
            return .tiff
        }
        // "BM", then a DIB header of one of the sizes the format defines.
        if b.count >= 18, b[0] == 0x42, b[1] == 0x4D, [12, 40, 52, 56, 64, 108, 124].contains(Int(b[14])), b[15...17].allSatisfy({ $0 == 0 }) {
            return .bmp
        }
        return nil
    }

    /// The IANA media type.
    var mediaType: String {
        switch self {
        case .known(let format): format.mediaType
        case .avif: "image/avif"
        case .heic: "image/heic"
        case .jxl: "image/jxl"
        case .tiff: "image/tiff"
        case .bmp: "image/bmp"
        }
    }
}
