import Foundation

/// Opens the folder an output goes into, as a descriptor that later calls work relative to.
///
/// Below a root (a batch's output folder), each folder is opened with `O_NOFOLLOW`, one name at
/// a time, and created when missing: a link planted in the mirrored tree (`out/2024 ->
/// /home/me`) fails the output instead of sending it elsewhere, and a folder swapped for a link
/// after the check cannot redirect a write already holding the real folder's descriptor.
enum OutputFolder {
    /// A folder's descriptor, and whether it belongs to the cache (and must not be closed).
    struct Descriptor {
        var fd: Int32
        var isCached: Bool

        func release() { if !isCached { close(fd) } }
    }

    /// Opens the folder `url` goes into. Folders below a root are opened (and checked) once per
    /// process and then kept open: a batch writes thousands of outputs into a few folders, and
    /// opening every level again for each output cost a batch of small JSON files about a fifth
    /// of its rate. A kept descriptor still names the real folder it was checked as, even if a
    /// link is put in its place later.
    static func open(for url: URL, within root: URL?) throws(ArticleError) -> Descriptor {
        // Paths as strings: URL's deletingLastPathComponent and standardizedFileURL cost 70,000
        // instructions an output (callgrind), a tenth of a small file's whole conversion.
        let parentPath = standardized(parent(of: url.path))
        let rootPath = root.map { standardized($0.path) }
        guard let rootPath, parentPath == rootPath || parentPath.hasPrefix(rootPath.hasSuffix("/") ? rootPath : rootPath + "/") else {
            return Descriptor(fd: try openNamed(URL(fileURLWithPath: parentPath, isDirectory: true), for: url), isCached: false)
        }
        // A kept folder is used only while its path still leads to it (one stat): a folder moved,
        // removed or replaced by a link since is checked again from the root.
        var now = stat()
        if let kept = cache.entry(for: parentPath), stat(parentPath, &now) == 0, now.st_dev == kept.device, now.st_ino == kept.inode {
            return Descriptor(fd: kept.fd, isCached: true)
        }
        let parent = URL(fileURLWithPath: parentPath, isDirectory: true)
        let fd = try openChecked(parent, rootPath: rootPath, for: url)
        var st = stat()
        guard fstat(fd, &st) == 0 else { return Descriptor(fd: fd, isCached: false) }
        return Descriptor(fd: fd, isCached: cache.keep(FolderCache.Entry(fd: fd, device: st.st_dev, inode: st.st_ino), for: parentPath))
    }

    /// Whether a path has an empty, `.` or `..` component or a trailing `/` (by bytes: String's
    /// `contains` goes through Foundation's search).
    private static func needsStandardizing(_ b: [UInt8]) -> Bool {
        let slash: UInt8 = 0x2F, dot: UInt8 = 0x2E
        if b.count > 1 && b[b.count - 1] == slash { return true }
        for i in b.indices where b[i] == slash {
            let rest = b[(i + 1)...]
            if rest.first == slash { return true }
            let dots = rest.prefix { $0 == dot }.count
            if dots == 1 || dots == 2, rest.count == dots || rest[rest.startIndex + dots] == slash { return true }
        }
        return false
    }

    /// The folder part of an absolute file path (`/` for a file at the top).
    static func parent(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: 0x2F) else { return "." }
        let head = String(Substring(path.utf8[..<slash]))
        return head.isEmpty ? "/" : head
    }

    /// `path` with empty, `.` and `..` components folded away by name, as `standardizedFileURL`
    /// does (no links are followed); a path that has none is returned as it is, without
    /// splitting it.
    static func standardized(_ path: String) -> String {
        guard needsStandardizing(Array(path.utf8)) else { return path }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return path.hasPrefix("/") ? "/" + parts.joined(separator: "/") : parts.joined(separator: "/")
    }

    private static let cache = FolderCache()

    private static func openChecked(_ parent: URL, rootPath: String, for url: URL) throws(ArticleError) -> Int32 {
        var fd = try openNamed(URL(fileURLWithPath: rootPath, isDirectory: true), for: url)
        var walked = rootPath
        for component in parent.path.dropFirst(rootPath.count).split(separator: "/") where component != "." {
            let name = String(component)
            walked += (walked.hasSuffix("/") ? "" : "/") + name
            var next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 && errno == ENOENT {
                if mkdirat(fd, name, 0o755) == 0 || errno == EEXIST {
                    next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                }
            }
            let reason = errno
            if next < 0 {
                var st = stat()
                let isLink = fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
                close(fd)
                if name == ".." || isLink {
                    throw ArticleError(.io, "\(walked) is a symbolic link inside the output folder, and ArticleKit does not write through links; remove it", file: url.path)
                }
                throw ArticleError(.io, "cannot create the folder \(walked) (\(ReaderInput.reason(errno: reason)))", file: url.path)
            }
            close(fd)
            fd = next
        }
        return fd
    }

    /// The folder as the user named it (links followed), created when missing.
    private static func openNamed(_ folder: URL, for url: URL) throws(ArticleError) -> Int32 {
        var fd = Foundation.open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 && errno == ENOENT {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            fd = Foundation.open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }
        guard fd >= 0 else {
            throw ArticleError(.io, "cannot write the output (\(ReaderInput.reason(errno: errno)))", file: url.path)
        }
        return fd
    }
}

/// The checked output folders a process keeps open, by path; bounded, so a batch into very many
/// folders keeps at most `limit` descriptors (the rest are opened per output, as before).
private final class FolderCache: @unchecked Sendable {
    struct Entry {
        var fd: Int32
        var device: dev_t
        var inode: ino_t
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var retired: [Int32] = []
    private let limit = 256

    func entry(for path: String) -> Entry? { lock.withLock { entries[path] } }

    /// Keeps `entry` for `path`, in place of a stale one; `false` when the cache is full (the
    /// caller then closes its own). A replaced descriptor is not closed, since another thread may
    /// be writing through it; it stays open until the process ends (one per replaced folder).
    func keep(_ entry: Entry, for path: String) -> Bool {
        lock.withLock {
            if let old = entries[path] {
                guard retired.count < limit else { return false }
                retired.append(old.fd)
            } else if entries.count >= limit {
                return false
            }
            entries[path] = entry
            return true
        }
    }
}
