import ArticleCore
import Foundation

/// Checks, before ZIPFoundation reads a zip, that every entry's data lies inside the file.
///
/// ZIPFoundation loops for ever when an entry's data runs past the end of the file (found by
/// fuzzing: a 5.8 KB EPUB hung the reader in `Archive.readCompressed`, fread returning nothing
/// and the loop never advancing). Walking the central directory and each local header here, with
/// every offset bounds-checked, turns that into a clear error. Zip64 archives are refused: no
/// EPUB needs 4 GB.
enum ZipLayoutCheck {
    /// Where one entry's packed bytes lie, in central-directory order.
    struct Span: Equatable {
        var method: Int
        var dataStart: Int
        var compressedSize: Int
        var uncompressedSize: Int
        var crc32: UInt32
    }

    /// Checks the layout and returns each entry's span, in central-directory order.
    static func validate(_ data: Data, name: String) throws(ArticleError) -> [Span] {
        let bad = ArticleError(.malformed, "the zip's directory points outside the file (damaged or crafted); not a readable EPUB", file: name)
        var spans: [Span] = []
        let ok: Bool = data.withUnsafeBytes { raw -> Bool in
            let n = raw.count
            func u16(_ i: Int) -> Int? { i >= 0 && i + 2 <= n ? Int(raw[i]) | Int(raw[i + 1]) << 8 : nil }
            func u32(_ i: Int) -> Int? {
                guard i >= 0, i + 4 <= n else { return nil }
                return Int(raw[i]) | Int(raw[i + 1]) << 8 | Int(raw[i + 2]) << 16 | Int(raw[i + 3]) << 24
            }
            // The end-of-central-directory record: the last "PK\u{5}\u{6}" within 64 KiB of the end.
            var eocd = n - 22
            let floor = max(0, n - 22 - 0xFFFF)
            while eocd >= floor, u32(eocd) != 0x0605_4B50 { eocd -= 1 }
            guard eocd >= floor, let count = u16(eocd + 10), let cdSize = u32(eocd + 12), let cdOffset = u32(eocd + 16),
                  count != 0xFFFF, cdSize != 0xFFFF_FFFF, cdOffset != 0xFFFF_FFFF, cdOffset + cdSize <= n else { return false }
            var p = cdOffset
            for _ in 0..<count {
                guard u32(p) == 0x0201_4B50, let flags = u16(p + 8), let method = u16(p + 10), let compressed = u32(p + 20),
                      let uncompressed = u32(p + 24), let nameLength = u16(p + 28),
                      let extraLength = u16(p + 30), let commentLength = u16(p + 32), let local = u32(p + 42),
                      let crc = u32(p + 16), compressed != 0xFFFF_FFFF, local != 0xFFFF_FFFF,
                      u32(local) == 0x0403_4B50, let localName = u16(local + 26), let localExtra = u16(local + 28),
                      local + 30 + localName + localExtra + compressed <= n else { return false }
                // A stored entry is read for its uncompressed size: it must be the packed size.
                if method == 0 && uncompressed != compressed { return false }
                // With a data descriptor (flag bit 3), ZIPFoundation takes the sizes from the
                // descriptor after the data; they must agree with the directory (a second hang
                // fuzzing found, where they did not).
                if flags & 0x08 != 0 {
                    var d = local + 30 + localName + localExtra + compressed
                    if u32(d) == 0x0807_4B50 { d += 4 }
                    guard let described = u32(d + 4), described == compressed else { return false }
                }
                spans.append(Span(method: method, dataStart: local + 30 + localName + localExtra, compressedSize: compressed,
                                  uncompressedSize: uncompressed, crc32: UInt32(crc)))
                p += 46 + nameLength + extraLength + commentLength
                guard p <= n else { return false }
            }
            return true
        }
        if !ok { throw bad }
        return spans
    }
}
