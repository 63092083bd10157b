import ArticleCore
import Foundation
import ZIPFoundation
#if canImport(CZlib)
import CZlib
#elseif canImport(zlib)
import zlib
#endif

/// A zip archive opened for reading with every safety limit applied: entry names that are
/// absolute or climb out with `..` are refused, and so is an archive that unpacks
/// past the size or ratio limits. ZIPFoundation reads the directory; each entry's bytes are
/// then taken from the bounds-checked span ``ZipLayoutCheck`` found and unpacked through a
/// counting consumer that stops at the limit, never trusting the sizes the archive declares.
struct EPUBArchive {
    private let bytes: Data
    private let entries: [String: ZipLayoutCheck.Span]
    /// Entry names by their case-folded form, for hrefs that differ from the name only in case
    /// (made on Windows or macOS, where the two are the same file); the first of each form.
    private let folded: [String: String]
    /// Entry names in archive order.
    let names: [String]
    private let name: String
    private let limits: EPUBArchiveLimits
    private let archiveSize: Int
    /// Bytes unpacked so far (shared by all reads of this archive).
    private let budget: Budget

    final class Budget: @unchecked Sendable {
        var used = 0
    }

    /// Opens the archive in `data`. ZIPFoundation reads it from a file, never from memory: its
    /// in-memory reader traps on an entry offset past the end of the data (found by fuzzing: a
    /// 579-byte EPUB crashed `MemoryFile.readData`), where reading a file just comes up short.
    /// `fileURL` is the input's own file when it has one; otherwise the bytes go to a private
    /// temporary file, removed once the directory has been read.
    init(data: Data, name: String, fileURL: URL? = nil, limits: EPUBArchiveLimits) throws(ArticleError) {
        self.name = name
        self.limits = limits
        archiveSize = data.count
        budget = Budget()
        // ZIPFoundation leaks its in-memory file when an archive has no end-of-central-directory
        // record (found by fuzzing: LeakSanitizer on a truncated zip), so that case is caught
        // here, before it is handed over.
        guard Self.hasEndOfCentralDirectory(data) else {
            throw ArticleError(.malformed, "not a zip archive, or a truncated one, so not an EPUB", file: name)
        }
        let spans = try ZipLayoutCheck.validate(data, name: name)
        bytes = data
        // Removed when the directory has been read (ZIPFoundation goes back to the path while
        // reading it), whichever way this initializer ends.
        var temporaryCopy: String?
        defer { if let temporaryCopy { unlink(temporaryCopy) } }
        let opened: Archive
        do {
            if let fileURL, (try? FileManager.default.attributesOfItem(atPath: fileURL.path)[.size] as? Int) == data.count {
                opened = try Archive(url: fileURL, accessMode: .read)
            } else {
                let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("articlekit-\(getpid())-\(UUID().uuidString).zip")
                guard FileManager.default.createFile(atPath: tmp.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                    throw ArticleError(.io, "cannot write a temporary copy of the book", file: name)
                }
                temporaryCopy = tmp.path
                opened = try Archive(url: tmp, accessMode: .read)
            }
        } catch let error as ArticleError {
            throw error
        } catch {
            throw ArticleError(.malformed, "not a zip archive, or a truncated one, so not an EPUB", file: name)
        }
        var byName: [String: ZipLayoutCheck.Span] = [:]
        var order: [String] = []
        var declared: UInt64 = 0
        for (index, entry) in opened.enumerated() {
            // ZIPFoundation and the layout check walk the same central directory; an entry they
            // disagree on is one of them misreading a crafted archive.
            guard index < spans.count, UInt64(spans[index].compressedSize) == entry.compressedSize,
                  UInt64(spans[index].uncompressedSize) == entry.uncompressedSize else {
                throw ArticleError(.malformed, "the zip's directory is inconsistent (damaged or crafted); not a readable EPUB", file: name)
            }
            guard order.count < limits.maximumEntries else {
                throw ArticleError(.limitExceeded, "the archive has more than \(limits.maximumEntries) entries (the limit)", file: name)
            }
            let path = try Self.checkedPath(entry, archive: name)
            // Deflate never makes data much larger: packed bytes far beyond the declared size
            // mean the header lies about what the entry unpacks to.
            if entry.compressedSize > entry.uncompressedSize + entry.uncompressedSize / 64 + 1024 {
                throw ArticleError(.unsafeInput, "the entry \"\(path)\" declares \(entry.uncompressedSize) bytes but holds \(entry.compressedSize) packed; the archive's sizes lie", file: name)
            }
            declared += entry.uncompressedSize
            if entry.type == .file {
                byName[path] = spans[index]
            }
            order.append(path)
        }
        if declared > UInt64(limits.maximumTotalSize) {
            throw ArticleError(.limitExceeded, "the archive would unpack to \(declared) bytes, more than the \(limits.maximumTotalSize)-byte limit", file: name)
        }
        if declared > UInt64(max(archiveSize, 1)) * UInt64(limits.maximumCompressionRatio) && declared > 1 << 20 {
            throw ArticleError(.limitExceeded, "the archive would unpack to more than \(limits.maximumCompressionRatio) times its size (the limit); it looks like a zip bomb", file: name)
        }
        entries = byName
        names = order
        var folded: [String: String] = [:]
        for path in order where byName[path] != nil {
            let key = path.lowercased()
            if folded[key] == nil { folded[key] = path }
        }
        self.folded = folded
    }

    /// Whether the last 64 KiB hold the end-of-central-directory record every zip ends with.
    static func hasEndOfCentralDirectory(_ data: Data) -> Bool {
        guard data.count >= 22 else { return false }
        let tail = data.suffix(22 + 0xFFFF)
        return tail.withUnsafeBytes { raw -> Bool in
            var i = raw.count - 22
            while i >= 0 {
                if raw[i] == 0x50, raw[i + 1] == 0x4B, raw[i + 2] == 0x05, raw[i + 3] == 0x06 { return true }
                i -= 1
            }
            return false
        }
    }

    /// The entry name, refused when it could write or read outside the book.
    ///
    /// A name is UTF-8 when its bytes are, whether or not the entry's UTF-8 flag says so
    /// (Info-ZIP and older tools store UTF-8 names without it), and CP437 (the zip default)
    /// only when they are not.
    static func checkedPath(_ entry: Entry, archive: String) throws(ArticleError) -> String {
        let utf8 = entry.path(using: .utf8)
        let path = utf8.isEmpty ? entry.path : utf8
        let normalized = path.precomposedStringWithCanonicalMapping
        let parts = normalized.split(separator: "/", omittingEmptySubsequences: false)
        if normalized.hasPrefix("/") || normalized.contains("\\") || normalized.contains("\0")
            || parts.contains("..") || (normalized.count >= 2 && normalized.dropFirst().first == ":") {
            throw ArticleError(.unsafeInput, "the entry \"\(normalized)\" points outside the book (absolute or with ..); refusing the archive", file: archive)
        }
        return normalized
    }

    /// The entry a reference names, as reading systems find it: the name itself, else the same
    /// name in Unicode's composed form, else the one name that differs from it only in case.
    func entryName(_ path: String) -> String? {
        if entries[path] != nil { return path }
        let composed = path.precomposedStringWithCanonicalMapping
        if entries[composed] != nil { return composed }
        return folded[composed.lowercased()]
    }

    func contains(_ path: String) -> Bool { entryName(path) != nil }

    /// The bytes of an entry, read through a capped buffer.
    func data(_ path: String) throws(ArticleError) -> Data {
        guard let found = entryName(path), let span = entries[found] else {
            throw ArticleError(.malformed, "the book lacks \(path)", file: name)
        }
        let ratioCap = max(archiveSize, 1) * limits.maximumCompressionRatio
        let cap = min(limits.maximumTotalSize, max(ratioCap, 1 << 20))
        let budget = self.budget
        let limitError = ArticleError(.limitExceeded, "the archive unpacks to more than \(cap) bytes (\(limits.maximumCompressionRatio):1 or \(limits.maximumTotalSize) bytes, the limits); it looks like a zip bomb", file: name)
        let damaged = ArticleError(.malformed, "cannot unpack \(path): the archive is damaged or truncated", file: name)
        // The span lies inside the file: ZipLayoutCheck bounds-checked it.
        let packed = bytes[bytes.startIndex + span.dataStart ..< bytes.startIndex + span.dataStart + span.compressedSize]
        let out: Data
        switch span.method {
        case 0:
            budget.used += packed.count
            guard budget.used <= cap else { throw limitError }
            out = Data(packed)
        case 8:
            // Room for the size the entry declares (capped: the declaration is not trusted), so
            // the bytes are not copied as the buffer grows and no slack is left over.
            var unpacked = Data(capacity: min(span.uncompressedSize, cap, 16 << 20))
            let ended = packed.withUnsafeBytes { raw -> Bool? in
                Inflate.raw(raw) { chunk in
                    budget.used += chunk.count
                    guard budget.used <= cap else { return false }
                    unpacked.append(contentsOf: chunk)
                    return true
                }
            }
            switch ended {
            case .some(true): out = unpacked
            case .some(false): throw limitError
            case .none: throw damaged
            }
        default:
            throw ArticleError(.malformed, "cannot unpack \(path): compression method \(span.method) is not one an EPUB may use", file: name)
        }
        guard out.count == span.uncompressedSize, Inflate.checksum(out) == span.crc32 else { throw damaged }
        return out
    }
}

/// Raw deflate through zlib, bounded by the packed bytes it is given.
///
/// Not ZIPFoundation's `Data.decompress`: on Linux its loop ends only at `Z_STREAM_END`, so a
/// deflate stream that stops short inside its entry (found by fuzzing: a 5.9 KB book whose
/// `ch002.xhtml` stream never ends) made it read on past the entry and then spin at the end of
/// the file for ever; it also gives zlib the buffer size, not the bytes read, as `avail_in`.
/// This loop hands zlib exactly the entry's packed bytes and stops when they are used up.
enum Inflate {
    /// Unpacks `input`, passing each piece to `consume`, which returns false to stop (a limit).
    /// Returns true when the input is used up (the stream ended, or the bytes ran out first),
    /// false when `consume` stopped it, nil when the stream is damaged.
    static func raw(_ input: UnsafeRawBufferPointer, consume: (UnsafeRawBufferPointer) -> Bool) -> Bool? {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        guard let base = input.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return nil }
        stream.next_in = UnsafeMutablePointer(mutating: base)
        stream.avail_in = uInt(input.count)
        let size = 64 * 1024
        let buffer = UnsafeMutablePointer<Bytef>.allocate(capacity: size)
        defer { buffer.deallocate() }
        while true {
            stream.next_out = buffer
            stream.avail_out = uInt(size)
            let result = inflate(&stream, Z_NO_FLUSH)
            let produced = size - Int(stream.avail_out)
            if produced > 0, !consume(UnsafeRawBufferPointer(start: buffer, count: produced)) { return false }
            switch result {
            case Z_STREAM_END: return true
            case Z_OK: continue
            // No progress possible with all the input used: the stream lacks its end marker.
            // What came out is judged by the entry's size and CRC, as unzip and Python do.
            case Z_BUF_ERROR where stream.avail_in == 0: return true
            default: return nil
            }
        }
    }

    /// The zip CRC-32 of `data`, by zlib. (ZIPFoundation's `Data.crc32` calls zlib only where
    /// the module is named `zlib`; on Linux it is `CZlib`, and it falls back to a loop in Swift.)
    static func checksum(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { raw -> UInt32 in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: Bytef.self) else { return 0 }
            return UInt32(crc32(0, base, uInt(raw.count)))
        }
    }
}
