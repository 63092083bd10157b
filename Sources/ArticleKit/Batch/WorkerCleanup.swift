import Foundation

/// What a worker that died on a file may have left: the outputs of that file it had already
/// renamed into place (the first of several --to formats, some articles of a book), and its
/// temporary files beside them. Outputs written before the file started (an earlier run's) are
/// kept, as a failed file keeps them on a thread.
enum WorkerCleanup {
    static func removeOutputs(of input: BatchInput, batch: BatchConverter, since: Double, pid: pid_t) {
        // File times come from the kernel's coarse clock, a few milliseconds behind the wall clock.
        let since = since - 0.05
        let prefix = OutputFile.temporaryPrefix + "\(pid)-"
        var folders = Set<String>()
        for out in batch.outputs(of: input) {
            removeIfNewer(out.path, since: since)
            folders.insert(out.deletingLastPathComponent().path)
            // A book read into a one-article format is written as `stem/001.ext`, `stem/002.ext`…
            let articles = out.deletingPathExtension().path
            if let names = try? FileManager.default.contentsOfDirectory(atPath: articles) {
                folders.insert(articles)
                for name in names where name.hasSuffix("." + out.pathExtension) && name.dropLast(out.pathExtension.count + 1).allSatisfy(\.isNumber) {
                    removeIfNewer(articles + "/" + name, since: since)
                }
            }
        }
        for folder in folders {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where name.hasPrefix(prefix) { unlink(folder + "/" + name) }
        }
    }

    private static func removeIfNewer(_ path: String, since: Double) {
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, let t = BatchConverter.modified(path), t >= since else { return }
        unlink(path)
    }
}
