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

    init(output: String, inputs: [String], errors: String?) throws(ArticleError) {
        if output == "-" {
            outputFD = STDOUT_FILENO
        } else {
            var ost = stat(), ist = stat()
            for input in inputs where input != "-" && stat(output, &ost) == 0 && stat(input, &ist) == 0 && ost.st_dev == ist.st_dev && ost.st_ino == ist.st_ino {
                throw ArticleError(.usage, "the output is the input file; choose another --output", file: output)
            }
            let url = URL(fileURLWithPath: output)
            let tmp = url.deletingLastPathComponent().appendingPathComponent(OutputFile.temporaryPrefix + "\(getpid())-" + url.lastPathComponent).path
            let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw ArticleError(.io, "cannot write the output (\(String(cString: strerror(errno)).lowercased()))", file: output)
            }
            outputFD = fd
            temporary = (tmp, output)
        }
        if let errors {
            let fd = open(errors, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                if let temporary { unlink(temporary.path); close(outputFD) }
                throw ArticleError(.io, "cannot write the error lines (\(String(cString: strerror(errno)).lowercased()))", file: errors)
            }
            errorFD = fd
        } else {
            errorFD = STDERR_FILENO
        }
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
