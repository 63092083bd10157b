import Foundation

/// Writes output files so that no reader ever sees half of one: the bytes go to a temporary file
/// beside the target, which is renamed over it only when complete.
public enum OutputFile {
    /// The prefix of temporary files; a run may remove stale ones a killed run left behind.
    public static let temporaryPrefix = ".articlekit-tmp-"

    /// Writes the bytes with plain POSIX calls. Foundation's `Data.write` calls fsync(2) on every
    /// file, which made a batch run wait on the disk (measured: 10,000 articles to Markdown took
    /// 9.6 s with it and 5.9 s without, on this project's machine; the times vary with the disk).
    /// The rename that follows is what keeps readers from half files; a crash or kill -9 leaves
    /// whole files either way. The file is created, never opened: with `O_EXCL` and `O_NOFOLLOW`
    /// a link planted under its name makes the open fail instead of writing through it.
    static func writeNew(_ data: Data, named name: String, in folder: Int32) throws {
        let fd = openat(folder, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        try writeAll(data, to: fd)
    }

    static func writeAll(_ data: Data, to fd: Int32) throws {
        try data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let n = posixWrite(fd, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += n
            }
        }
    }

    /// Writes `data` to `url` atomically. Refuses to overwrite the input it was made from, and
    /// never writes through a symbolic link.
    ///
    /// The bytes go to a new temporary file in the output's folder, renamed over the output when
    /// complete; everything is done relative to that folder's descriptor, so a folder swapped
    /// for a link meanwhile cannot redirect the write. An output that is a symbolic link fails
    /// with an error (a link planted in an output folder made earlier versions replace the
    /// file it named, elsewhere on the disk), except a link to a terminal or pipe such as
    /// `/dev/stdout`, which is written to as it is. A device or pipe (`--output /dev/null`, a
    /// FIFO) is written to, never replaced.
    ///
    /// Kept to a few system calls per file (a batch of small files spends its time in the
    /// kernel): an lstat of the target, which is also how the input is recognised (same device
    /// and inode), and one open per folder below `root`.
    ///
    /// - Parameters:
    ///   - data: The bytes.
    ///   - url: The output file.
    ///   - inputs: The files the output was made from, which it must not replace.
    ///   - root: The output folder `url` lies in (a batch's `--output`), or nil. Every folder
    ///     between it and `url` must be a real folder, created when missing; a symbolic link
    ///     among them fails the output. `root` itself, and the folders of an output outside a
    ///     root, are the user's to name and may be links.
    public static func write(_ data: Data, to url: URL, inputs: [URL] = [], within root: URL? = nil) throws(ArticleError) {
        let name = url.lastPathComponent
        let descriptor = try OutputFolder.open(for: url, within: root)
        defer { descriptor.release() }
        let folder = descriptor.fd
        var lst = stat()
        if fstatat(folder, name, &lst, AT_SYMLINK_NOFOLLOW) == 0 {
            var st = lst
            if (lst.st_mode & S_IFMT) == S_IFLNK && fstatat(folder, name, &st, 0) != 0 { st = lst }
            for input in inputs {
                var ist = stat()
                if stat(input.path, &ist) == 0, ist.st_dev == st.st_dev, ist.st_ino == st.st_ino {
                    throw ArticleError(.usage, "the output is the input file; choose another --output", file: url.path)
                }
            }
            switch lst.st_mode & S_IFMT {
            case S_IFREG:
                break
            case S_IFDIR:
                throw ArticleError(.io, "cannot write the output: a folder has its name", file: url.path)
            case S_IFLNK:
                let kind = st.st_mode & S_IFMT
                guard kind == S_IFCHR || kind == S_IFIFO else {
                    throw ArticleError(.io, "the output is a symbolic link, and ArticleKit does not write through links; remove it or choose another output", file: url.path)
                }
                return try writeInPlace(data, named: name, in: folder, url: url, followingLink: true)
            default:
                // A device or pipe is written to as it is: renaming a file over it would replace
                // the device node (found when /dev/null became a file).
                return try writeInPlace(data, named: name, in: folder, url: url, followingLink: false)
            }
        }
        else if errno == ENOENT, try linkNew(data, named: name, in: folder, url: url) { return }
        let tmp = temporaryPrefix + "\(processID)-" + UUID().uuidString.prefix(8) + "-" + String(decoding: name.utf8.prefix(120), as: UTF8.self)
        do {
            try writeNew(data, named: tmp, in: folder)
            // rename(2) replaces the name, never what a link there points to.
            if renameat(folder, tmp, folder, name) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlinkat(folder, tmp, 0)
            throw failure(error, url: url)
        }
    }

    /// Writes a new output as a file with no name (`O_TMPFILE`) and gives it its name when it is
    /// complete (`linkat`), on Linux: one change to the folder where a named temporary file and
    /// its rename made two, and two workers writing into one folder take turns on its lock for
    /// each. Measured on 10,000 articles to JSON: on a disk still busy with files deleted a
    /// minute before, 2.2–3.4 s against 4.3–5.3 s with the rename (and no random name to make,
    /// three system calls a file). A kill leaves nothing, as the name comes last.
    /// False, with nothing written, where the file system or kernel cannot (no `O_TMPFILE`, no
    /// `/proc`) or the name was taken meanwhile: the caller writes through a named temporary file.
    private static func linkNew(_ data: Data, named name: String, in folder: Int32, url: URL) throws(ArticleError) -> Bool {
        #if os(Linux) && (arch(x86_64) || arch(arm64))
        let fd = openat(folder, ".", O_DIRECTORY | 0o20000000 | O_WRONLY | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        do { try writeAll(data, to: fd) } catch { throw failure(error, url: url) }
        return linkat(AT_FDCWD, "/proc/self/fd/\(fd)", folder, name, AT_SYMLINK_FOLLOW) == 0
        #else
        return false
        #endif
    }

    /// Writes into an existing device or pipe. A link is followed only to a terminal or pipe:
    /// the descriptor is checked after opening, so a link switched to a regular file between the
    /// check and the open is not written to (it is opened without truncation, so it is untouched).
    private static func writeInPlace(_ data: Data, named name: String, in folder: Int32, url: URL, followingLink: Bool) throws(ArticleError) {
        do {
            let fd = openat(folder, name, O_WRONLY | O_CLOEXEC | (followingLink ? 0 : O_NOFOLLOW))
            guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            defer { close(fd) }
            var st = stat()
            guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) != S_IFREG, (st.st_mode & S_IFMT) != S_IFDIR else {
                throw ArticleError(.io, "the output is a symbolic link, and ArticleKit does not write through links; remove it or choose another output", file: url.path)
            }
            try writeAll(data, to: fd)
        } catch {
            throw failure(error, url: url)
        }
    }

    /// The error a failed write reports: disk full, or the system's reason.
    static func failure(_ error: any Error, url: URL) -> ArticleError {
        if let e = error as? ArticleError { return e }
        let ns = error as NSError
        let posix = (error as? POSIXError).map { Int($0.code.rawValue) } ?? (ns.userInfo[NSUnderlyingErrorKey] as? NSError)?.code
        if posix == Int(ENOSPC) || posix == Int(EDQUOT) || ns.code == NSFileWriteOutOfSpaceError {
            return ArticleError(.noSpace, "no space left on the device while writing the output", file: url.path)
        }
        let reason = (error as? POSIXError).map { ReaderInput.reason(errno: $0.code.rawValue) } ?? ReaderInput.reason(error)
        return ArticleError(.io, "cannot write the output (\(reason))", file: url.path)
    }

    /// A file's modification time in seconds since 1970 when it is a regular file (not a link):
    /// an output that is a link is never up to date, so a rerun reaches it and says what is wrong.
    static func regularFileModified(_ path: String) -> Double? {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return modificationTime(st)
    }

    /// The modification time a stat(2) result holds, in seconds since 1970.
    static func modificationTime(_ st: stat) -> Double {
        #if canImport(Darwin)
        let m = st.st_mtimespec
        #else
        let m = st.st_mtim
        #endif
        return Double(m.tv_sec) + Double(m.tv_nsec) / 1e9
    }

    private static let processID = getpid()
}

/// write(2), named apart from `OutputFile.write`.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
