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
    /// whole files either way.
    static func writeWithoutSync(_ data: Data, to url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
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

    /// Writes `data` to `url` atomically. Refuses to overwrite the input it was made from.
    ///
    /// Kept to a few system calls per file (a batch of small files spends its time in the
    /// kernel): a stat of the target, which is also how the input is recognised (same device
    /// and inode); the directory is created only when creating the temporary file says it is
    /// missing.
    public static func write(_ data: Data, to url: URL, inputs: [URL] = []) throws(ArticleError) {
        var target = url
        var lst = stat()
        let exists = lstat(url.path, &lst) == 0
        if exists && (lst.st_mode & S_IFMT) == S_IFLNK {
            // A link is written through, to the file it names.
            target = url.resolvingSymlinksInPath()
        }
        var st = stat()
        if exists, stat(target.path, &st) == 0 {
            for input in inputs {
                var ist = stat()
                if stat(input.path, &ist) == 0, ist.st_dev == st.st_dev, ist.st_ino == st.st_ino {
                    throw ArticleError(.usage, "the output is the input file; choose another --output", file: url.path)
                }
            }
            // A device or pipe (`--output /dev/null`, a FIFO) is written to as it is: renaming a
            // file over it would replace the device node (found when /dev/null became a file).
            if (st.st_mode & S_IFMT) != S_IFREG {
                do {
                    let fd = open(target.path, O_WRONLY | O_CLOEXEC)
                    guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                    defer { close(fd) }
                    try writeAll(data, to: fd)
                    return
                } catch {
                    throw ArticleError(.io, "cannot write the output (\(ReaderInput.reason(error)))", file: url.path)
                }
            }
        }
        let dir = target.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(temporaryPrefix + "\(processID)-" + UUID().uuidString.prefix(8) + "-" + target.lastPathComponent, isDirectory: false)
        do {
            do {
                try writeWithoutSync(data, to: tmp)
            } catch let e as POSIXError where e.code == .ENOENT {
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                try writeWithoutSync(data, to: tmp)
            }
            if rename(tmp.path, target.path) != 0 {
                let err = String(cString: strerror(errno))
                unlink(tmp.path)
                throw ArticleError(.io, "cannot write the output (\(err))", file: url.path)
            }
        } catch let e as ArticleError {
            throw e
        } catch {
            unlink(tmp.path)
            let ns = error as NSError
            let posix = (error as? POSIXError).map { Int($0.code.rawValue) } ?? (ns.userInfo[NSUnderlyingErrorKey] as? NSError)?.code
            if posix == Int(ENOSPC) || posix == Int(EDQUOT) || ns.code == NSFileWriteOutOfSpaceError {
                throw ArticleError(.noSpace, "no space left on the device while writing the output", file: url.path)
            }
            throw ArticleError(.io, "cannot write the output (\(ReaderInput.reason(error)))", file: url.path)
        }
    }

    private static let processID = getpid()
}

/// write(2), named apart from `OutputFile.write`.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
