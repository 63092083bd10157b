import Foundation

/// What happened to one input in a batch run: one line of the `--report`.
public struct BatchRecord: Codable, Sendable, Hashable {
    /// How the input ended.
    public enum Status: String, Codable, Sendable {
        /// Every output was written.
        case converted
        /// Every output was newer than the input, so nothing was redone.
        case skipped
        /// The input could not be converted; no output of it was left.
        case failed
    }
    /// The input path as given or found.
    public var path: String
    /// The outputs written (or, when skipped, already up to date).
    public var outputs: [String]
    /// How it ended.
    public var status: Status
    /// Warnings from reading and writing.
    public var warnings: [String]
    /// Why it failed.
    public var error: String?
    /// Time spent on it.
    public var milliseconds: Double
}

/// Counts for the closing summary and the progress bar.
public struct BatchProgress: Sendable {
    /// Inputs found so far (the total once discovery has finished).
    public var total: Int
    /// Whether `total` is final.
    public var totalIsFinal: Bool
    /// Inputs converted.
    public var converted = 0
    /// Inputs skipped because their outputs were up to date.
    public var skipped = 0
    /// Inputs that failed.
    public var failed = 0
    /// Inputs found when counting that were gone when their turn came (deleted during the run).
    public var vanished = 0
    /// Seconds since the run started.
    public var elapsed: Double = 0
    /// Whether the run was interrupted (SIGINT, SIGTERM or ``BatchConverter/cancel()``).
    public var cancelled = false

    /// Inputs finished in any way.
    public var done: Int { converted + skipped + failed }
}

/// Streams the report as a JSON array, one record per line, so a run of a million files does not
/// keep a million records.
final class ReportWriter: @unchecked Sendable {
    private let handle: FileHandle
    private let url: URL
    private let tmp: URL
    private var first = true
    private let lock = NSLock()
    private let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    init(url: URL) throws(ArticleError) {
        self.url = url
        tmp = url.deletingLastPathComponent().appendingPathComponent(OutputFile.temporaryPrefix + "\(getpid())-" + url.lastPathComponent)
        guard FileManager.default.createFile(atPath: tmp.path, contents: Data("[\n".utf8)),
              let h = FileHandle(forWritingAtPath: tmp.path) else {
            throw ArticleError(.io, "cannot write the report", file: url.path)
        }
        h.seekToEndOfFile()
        handle = h
    }

    func append(_ record: BatchRecord) {
        guard let data = try? encoder.encode(record) else { return }
        lock.lock()
        defer { lock.unlock() }
        handle.write(Data((first ? "" : ",\n").utf8) + data)
        first = false
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        handle.write(Data("\n]\n".utf8))
        try? handle.close()
        rename(tmp.path, url.path)
    }
}
