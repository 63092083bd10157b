import ArticleCore
import Foundation
import ZIPFoundation

/// A zip archive opened for reading with every safety limit applied: entry names that are
/// absolute, climb out with `..` or are not UTF-8 are refused, and so is an archive that unpacks
/// past the size or ratio limits. Entries are read through a counting consumer that stops at
/// the limit, never trusting the sizes the archive declares.
struct EPUBArchive {
    private let archive: Archive
    private let entries: [String: Entry]
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

    /// A temporary copy of the book, removed when the last reference goes.
    final class TemporaryFile {
        let url: URL
        init(url: URL) { self.url = url }
        deinit { unlink(url.path) }
    }

    private var temporaryCopy: TemporaryFile?

    /// Opens the archive in `data`. ZIPFoundation reads it from a file, never from memory: its
    /// in-memory reader traps on an entry offset past the end of the data (found by fuzzing: a
    /// 579-byte EPUB crashed `MemoryFile.readData`), where reading a file just comes up short.
    /// `fileURL` is the input's own file when it has one; otherwise the bytes go to a private
    /// temporary file that is unlinked as soon as it is open.
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
        try ZipLayoutCheck.validate(data, name: name)
        let opened: Archive
        do {
            if let fileURL, (try? FileManager.default.attributesOfItem(atPath: fileURL.path)[.size] as? Int) == data.count {
                opened = try Archive(url: fileURL, accessMode: .read)
            } else {
                let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("articlekit-\(getpid())-\(UUID().uuidString).zip")
                guard FileManager.default.createFile(atPath: tmp.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                    throw ArticleError(.io, "cannot write a temporary copy of the book", file: name)
                }
                // Kept until the archive is done with: ZIPFoundation goes back to the path while
                // reading (unlinking it at once made a fuzzed book hang).
                temporaryCopy = TemporaryFile(url: tmp)
                opened = try Archive(url: tmp, accessMode: .read)
            }
        } catch let error as ArticleError {
            throw error
        } catch {
            throw ArticleError(.malformed, "not a zip archive, or a truncated one, so not an EPUB", file: name)
        }
        archive = opened
        var byName: [String: Entry] = [:]
        var order: [String] = []
        var declared: UInt64 = 0
        for entry in opened {
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
                byName[path] = entry
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
    static func checkedPath(_ entry: Entry, archive: String) throws(ArticleError) -> String {
        let path = entry.path
        if !entry.path(using: .utf8).isEmpty || path.allSatisfy(\.isASCII) {
            // Valid UTF-8, or plain ASCII either way.
        } else {
            throw ArticleError(.unsafeInput, "an entry name is not valid UTF-8", file: archive)
        }
        let normalized = path.precomposedStringWithCanonicalMapping
        let parts = normalized.split(separator: "/", omittingEmptySubsequences: false)
        if normalized.hasPrefix("/") || normalized.contains("\\") || normalized.contains("\0")
            || parts.contains("..") || (normalized.count >= 2 && normalized.dropFirst().first == ":") {
            throw ArticleError(.unsafeInput, "the entry \"\(normalized)\" points outside the book (absolute or with ..); refusing the archive", file: archive)
        }
        return normalized
    }

    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The bytes of an entry, read through a capped buffer.
    func data(_ path: String) throws(ArticleError) -> Data {
        guard let entry = entries[path] else {
            throw ArticleError(.malformed, "the book lacks \(path)", file: name)
        }
        let ratioCap = max(archiveSize, 1) * limits.maximumCompressionRatio
        let cap = min(limits.maximumTotalSize, max(ratioCap, 1 << 20))
        var out = Data()
        let budget = self.budget
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                budget.used += chunk.count
                guard budget.used <= cap else { throw LimitReached() }
                out.append(chunk)
            }
        } catch is LimitReached {
            throw ArticleError(.limitExceeded, "the archive unpacks to more than \(cap) bytes (\(limits.maximumCompressionRatio):1 or \(limits.maximumTotalSize) bytes, the limits); it looks like a zip bomb", file: name)
        } catch {
            throw ArticleError(.malformed, "cannot unpack \(path): the archive is damaged or truncated", file: name)
        }
        return out
    }

    private struct LimitReached: Error {}
}
