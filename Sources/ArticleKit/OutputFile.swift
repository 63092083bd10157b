import Foundation

/// Writes output files so that no reader ever sees half of one: the bytes go to a temporary file
/// beside the target, which is renamed over it only when complete.
public enum OutputFile {
    /// The prefix of temporary files; a run may remove stale ones a killed run left behind.
    public static let temporaryPrefix = ".articlekit-tmp-"

    /// Writes `data` to `url` atomically. Refuses to overwrite the input it was made from.
    public static func write(_ data: Data, to url: URL, inputs: [URL] = []) throws(ArticleError) {
        let target = url.standardizedFileURL.resolvingSymlinksInPath()
        for input in inputs where input.standardizedFileURL.resolvingSymlinksInPath().path == target.path {
            throw ArticleError(.usage, "the output is the input file; choose another --output", file: url.path)
        }
        let dir = target.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(temporaryPrefix + "\(getpid())-" + UUID().uuidString.prefix(8) + "-" + target.lastPathComponent)
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try data.write(to: tmp)
            if rename(tmp.path, target.path) != 0 {
                let err = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: tmp)
                throw ArticleError(.io, "cannot write the output (\(err))", file: url.path)
            }
        } catch let e as ArticleError {
            throw e
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            let ns = error as NSError
            let posix = (ns.userInfo[NSUnderlyingErrorKey] as? NSError)?.code
            if posix == Int(ENOSPC) || posix == Int(EDQUOT) || ns.code == NSFileWriteOutOfSpaceError {
                throw ArticleError(.noSpace, "no space left on the device while writing the output", file: url.path)
            }
            throw ArticleError(.io, "cannot write the output (\(ReaderInput.reason(error)))", file: url.path)
        }
    }
}
