import ArticleKit
import Foundation

/// Where a stream's lines go: records to standard output or to a file (written as a temporary
/// file beside it, renamed over it at the end, so no reader sees half a file), error lines to
/// standard error or `--errors FILE`. Every line is written when its record is done: nothing
/// waits in a buffer.
final class StreamSink {
    private let outputFD: Int32
    private let errorFD: Int32
    private var temporary: (path: String, target: String)?
    /// Whether `outputFD` is a device or pipe this sink opened (closed at the end, never renamed).
    private let ownsDevice: Bool

    init(output: String, inputs: [String], errors: String?) throws(ArticleError) {
        var device: Int32?
        if output == "-" {
            outputFD = STDOUT_FILENO
        } else {
            var ost = stat(), ist = stat()
            for input in inputs where input != "-" && stat(output, &ost) == 0 && stat(input, &ist) == 0 && ost.st_dev == ist.st_dev && ost.st_ino == ist.st_ino {
                throw ArticleError(.usage, "the output is the input file; choose another --output", file: output)
            }
            if let fd = try Self.openDevice(output) {
                device = fd
                outputFD = fd
            } else {
                let url = URL(fileURLWithPath: output)
                let tmp = url.deletingLastPathComponent().appendingPathComponent(OutputFile.temporaryPrefix + "\(getpid())-" + url.lastPathComponent).path
                let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
                guard fd >= 0 else {
                    throw ArticleError(.io, "cannot write the output (\(String(cString: strerror(errno)).lowercased()))", file: output)
                }
                outputFD = fd
                temporary = (tmp, output)
            }
        }
        ownsDevice = device != nil
        if let errors {
            let fd = open(errors, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                if let temporary { unlink(temporary.path); close(outputFD) }
                if let device { close(device) }
                throw ArticleError(.io, "cannot write the error lines (\(String(cString: strerror(errno)).lowercased()))", file: errors)
            }
            errorFD = fd
        } else {
            errorFD = STDERR_FILENO
        }
    }

    /// The output opened as it is when it is a device or pipe (`/dev/null`, a FIFO, or a link to
    /// a terminal or pipe such as `/dev/stdout`): a file renamed over it would replace the
    /// device node (a WARC stream to `--output /dev/null` turned the system's /dev/null into a
    /// file). Nil for a regular file or none, which get the temporary file and the rename. A
    /// folder, or a link to anything else, is an error, as for every output (``OutputFile``).
    private static func openDevice(_ output: String) throws(ArticleError) -> Int32? {
        var lst = stat()
        guard lstat(output, &lst) == 0 else { return nil }
        let kind = lst.st_mode & S_IFMT
        if kind == S_IFREG { return nil }
        if kind == S_IFDIR { throw ArticleError(.io, "cannot write the output: a folder has its name", file: output) }
        var st = lst
        if kind == S_IFLNK {
            let target = stat(output, &st) == 0 ? st.st_mode & S_IFMT : 0
            guard target == S_IFCHR || target == S_IFIFO else {
                throw ArticleError(.io, "the output is a symbolic link, and ArticleKit does not write through links; remove it or choose another output", file: output)
            }
        }
        let fd = open(output, O_WRONLY | O_CLOEXEC | (kind == S_IFLNK ? 0 : O_NOFOLLOW))
        guard fd >= 0 else {
            throw ArticleError(.io, "cannot write the output (\(String(cString: strerror(errno)).lowercased()))", file: output)
        }
        // Checked again on what was opened: a name switched to a file meanwhile is not written.
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT != S_IFREG, st.st_mode & S_IFMT != S_IFDIR else {
            close(fd)
            throw ArticleError(.io, "the output changed while it was opened; try again", file: output)
        }
        return fd
    }

    /// Writes one record's line(s).
    func write(_ data: Data) throws(ArticleError) {
        try Self.writeAll(data, to: outputFD, name: temporary?.target ?? "-")
    }

    /// Writes one error line.
    func fail(_ data: Data) throws(ArticleError) {
        try Self.writeAll(data, to: errorFD, name: "the error lines")
    }

    /// Closes the files; a file output replaces its target only now.
    func finish() throws(ArticleError) {
        if errorFD != STDERR_FILENO { close(errorFD) }
        if ownsDevice { close(outputFD) }
        guard let temporary else { return }
        close(outputFD)
        if rename(temporary.path, temporary.target) != 0 {
            let reason = String(cString: strerror(errno)).lowercased()
            unlink(temporary.path)
            throw ArticleError(.io, "cannot write the output (\(reason))", file: temporary.target)
        }
        self.temporary = nil
    }

    deinit { if let temporary { unlink(temporary.path) } }

    private static func writeAll(_ data: Data, to fd: Int32, name: String) throws(ArticleError) {
        var failure: Int32 = 0
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        guard failure == 0 else {
            let code: ArticleError.Code = failure == ENOSPC || failure == EDQUOT ? .noSpace : RecordStream.outputFailed
            throw ArticleError(code, "cannot write (\(String(cString: strerror(failure)).lowercased()))", file: name)
        }
    }
}
