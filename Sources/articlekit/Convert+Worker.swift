import ArticleKit
import Foundation

/// The batch's worker processes: `articlekit` runs itself with its own arguments and the hidden
/// `--batch-worker` flag, which makes `convert` read jobs from standard input instead of walking
/// its inputs (``BatchConverter/serveAsWorker(input:output:)``). Every option reaches the workers
/// as the user gave it, so they build the same readers and writers as the parent.
extension Convert {
    static func workerCommand() throws(ArticleError) -> WorkerCommand {
        guard let executable = WorkerCommand.currentExecutable() else {
            throw ArticleError(.io, "cannot find this program's own file to start worker processes")
        }
        return WorkerCommand(executable: executable, arguments: Array(CommandLine.arguments.dropFirst()) + ["--batch-worker"])
    }

    /// `--file-memory`: bytes, or a number with K, M, G or T (powers of 1024, an optional `iB`
    /// or `B` after); 0 for no limit.
    static func memoryLimit(_ text: String) throws(ArticleError) -> Int? {
        var t = text.trimmingCharacters(in: .whitespaces).uppercased()
        for suffix in ["IB", "B"] where t.hasSuffix(suffix) && t.count > suffix.count {
            t.removeLast(suffix.count)
            break
        }
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
        var unit = 1
        if let last = t.last, let u = units[last] { unit = u; t.removeLast() }
        guard let n = Double(t), n.isFinite, n >= 0, n * Double(unit) < 9e18 else {
            throw ArticleError(.usage, "--file-memory takes a size such as 2G, 512M or 0 for no limit, not \(text)")
        }
        let bytes = Int(n * Double(unit))
        return bytes == 0 ? nil : bytes
    }
}
