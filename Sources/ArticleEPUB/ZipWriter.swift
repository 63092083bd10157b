import ArticleCore
import Foundation
#if canImport(CZlib)
import CZlib
#elseif canImport(zlib)
import zlib
#endif

/// Writes a zip in memory: a local header and the bytes of each entry, in the order given, then
/// the central directory; deflate and CRC-32 by zlib, every entry with the same timestamp, no
/// extra fields, no data descriptors, no zip64 (a book over 4 GiB, or of more than 65,535
/// files, is refused).
///
/// Written here, not with ZIPFoundation (which still reads books: ``EPUBArchive``), because of
/// what it costs a batch of small books. ZIPFoundation 0.9.20 starts a zlib stream for every
/// entry with the largest hash tables zlib has (memLevel 9), whose clearing costs more than
/// deflating a few kilobytes, and on Linux computes the CRC in a Swift loop. Measured with
/// callgrind over 500 scraped articles to EPUB in one worker: zipping was 2.07 of the 4.15
/// billion instructions, 1.2 billion of them in `deflateInit2_`/`deflateReset`; a stream sized
/// to each entry (the window and hash no larger than the entry needs: the same matches are
/// found) does the same work for a fraction of that.
struct ZipWriter {
    /// One file of the archive.
    struct Entry {
        var path: String
        var data: Data
        /// Deflated (when that makes it smaller), or stored as it is.
        var compress: Bool
    }

    private(set) var bytes = Data()
    // Headers are built as byte arrays: Data's append of one byte costs a replaceSubrange
    // (8% of a small book's instructions when the headers were built in Data).
    private var directory: [UInt8] = []
    private var count = 0
    private let timestamp: ZipTimestamp

    init(timestamp: ZipTimestamp) {
        self.timestamp = timestamp
    }

    /// An entry's bytes as they go into the zip, made ahead of ``add(path:_:)``: deflated when
    /// that makes them smaller, else as they are, with the size and CRC of the original. A big
    /// book keeps its chapters packed like this, not as text, until the zip is written.
    struct Packed {
        var crc: UInt32
        var size: Int
        var body: Data
        var deflated: Bool

        init(_ data: Data, compress: Bool) {
            crc = Inflate.checksum(data)
            size = data.count
            let packed = compress ? ZipWriter.deflate(data) : nil
            body = packed ?? data
            deflated = packed != nil
        }
    }

    /// Adds an entry after the ones already added.
    mutating func add(_ entry: Entry) throws(ArticleError) {
        try add(path: entry.path, Packed(entry.data, compress: entry.compress))
    }

    /// Adds an entry packed already after the ones already added.
    mutating func add(path: String, _ packed: Packed) throws(ArticleError) {
        let name = Array(path.utf8)
        let crc = packed.crc
        let method: UInt16 = packed.deflated ? 8 : 0
        let body = packed.body
        let offset = bytes.count
        guard count < 0xFFFF, name.count <= 0xFFFF, packed.size < 0xFFFF_FFFF,
              offset &+ 30 &+ name.count &+ body.count < 0xFFFF_FFFF else {
            throw ArticleError(.io, "the book is too large for a zip file (more than 4 GiB or 65,535 files)")
        }
        // Bit 11: the name is UTF-8 (set only when it is not ASCII, as zip tools do).
        let flags: UInt16 = name.contains { $0 >= 0x80 } ? 0x0800 : 0
        let version: UInt16 = method == 8 ? 20 : 10
        // The fields the local header and the central directory share, in the same order.
        var common: [UInt8] = []
        common.append16(version)
        common.append16(flags)
        common.append16(method)
        common.append16(timestamp.time)
        common.append16(timestamp.date)
        common.append32(crc)
        common.append32(UInt32(body.count))
        common.append32(UInt32(packed.size))
        common.append16(UInt16(name.count))
        var local: [UInt8] = []
        local.reserveCapacity(30 + name.count)
        local.append32(0x0403_4B50)
        local.append(contentsOf: common)
        local.append16(0)
        local.append(contentsOf: name)
        bytes.append(contentsOf: local)
        bytes.append(body)

        directory.append32(0x0201_4B50)
        directory.append16(0x031E)  // made by: Unix, zip 3.0
        directory.append(contentsOf: common)
        directory.append16(0)  // extra
        directory.append16(0)  // comment
        directory.append16(0)  // disk
        directory.append16(0)  // internal attributes
        directory.append32(0o100644 << 16)  // a regular file, rw-r--r--
        directory.append32(UInt32(offset))
        directory.append(contentsOf: name)
        count += 1
    }

    /// The whole archive: the entries, the central directory and its end record. The
    /// directory goes on the end of the entries' own buffer, which is handed over, not copied
    /// (a copy held a big book's zip twice at the writer's peak); add nothing after this.
    mutating func finished() throws(ArticleError) -> Data {
        guard bytes.count &+ directory.count &+ 22 < 0xFFFF_FFFF else {
            throw ArticleError(.io, "the book is too large for a zip file (more than 4 GiB)")
        }
        var end: [UInt8] = []
        end.append32(0x0605_4B50)
        end.append16(0)
        end.append16(0)
        end.append16(UInt16(count))
        end.append16(UInt16(count))
        end.append32(UInt32(directory.count))
        end.append32(UInt32(bytes.count))
        end.append16(0)
        bytes.append(contentsOf: directory)
        bytes.append(contentsOf: end)
        directory = []
        return bytes
    }

    /// Raw deflate of `data` at zlib's default level, in one call, with a window and hash table
    /// sized to it; nil when that fails or does not make it smaller (it is then stored).
    static func deflate(_ data: Data) -> Data? {
        guard !data.isEmpty, data.count < Int(UInt32.max / 2) else { return nil }
        // The smallest window (9 to 15 bits) that holds the whole entry, and a hash of about as
        // many bits as the window (zlib's hash has memLevel + 7 bits).
        var windowBits: Int32 = 9
        while windowBits < 15 && (1 << windowBits) < data.count { windowBits += 1 }
        let memLevel = max(1, min(8, windowBits - 7))
        var stream = z_stream()
        guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -windowBits, memLevel, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(data.count)))
        var out = Data(count: bound)
        let produced: Int? = data.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output -> Int? in
                guard let inBase = input.baseAddress?.assumingMemoryBound(to: Bytef.self),
                      let outBase = output.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return nil }
                stream.next_in = UnsafeMutablePointer(mutating: inBase)
                stream.avail_in = uInt(input.count)
                stream.next_out = outBase
                stream.avail_out = uInt(output.count)
                // deflateBound leaves room for the whole stream: one call finishes it.
                guard zlibDeflate(&stream, Z_FINISH) == Z_STREAM_END else { return nil }
                return output.count - Int(stream.avail_out)
            }
        }
        guard let produced, produced < data.count else { return nil }
        // A copy of the bytes made, not the buffer cut short: it would keep all its room.
        return out.prefix(produced).withUnsafeBytes { Data($0) }
    }
}

/// zlib's `deflate`, by a name that ``ZipWriter/deflate(_:)`` does not hide.
private func zlibDeflate(_ stream: inout z_stream, _ flush: Int32) -> Int32 {
    deflate(&stream, flush)
}

private extension Array where Element == UInt8 {
    mutating func append16(_ v: UInt16) {
        append(UInt8(truncatingIfNeeded: v))
        append(UInt8(truncatingIfNeeded: v >> 8))
    }

    mutating func append32(_ v: UInt32) {
        append16(UInt16(truncatingIfNeeded: v))
        append16(UInt16(truncatingIfNeeded: v >> 16))
    }
}
