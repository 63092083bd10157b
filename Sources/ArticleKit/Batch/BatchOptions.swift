import Foundation

/// What a batch run converts, into what, and how.
public struct BatchOptions: Sendable {
    /// Output format names or aliases; each input is read once and written in every one.
    public var formats: [String]
    /// The folder outputs go to; each input folder's tree is mirrored below it.
    public var outputDirectory: URL
    /// The input format, when extensions should not decide it.
    public var inputFormat: String?
    /// How many files are converted at once, on as many threads or worker processes (default: the number of cores).
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Only files whose path relative to their input folder matches one of these globs (all when empty).
    public var include: [String] = []
    /// Files whose relative path matches one of these globs are left out.
    public var exclude: [String] = []
    /// Convert even when an output is newer than its input.
    public var force = false
    /// Follow links to files that lie outside their input folder (`--follow-symlinks`). Without
    /// it, such links are skipped like links to folders, so a link planted in a folder of
    /// untrusted files cannot pull in a file from elsewhere; links that stay inside the folder's
    /// tree are converted under their own names either way. Links to folders are never followed.
    public var followSymlinks = false
    /// Only the inputs whose relative path hashes to this shard.
    public var shard: Shard?
    /// The folder the paths of a list run are named relative to, for their outputs, globs and
    /// shards (`--list-root`). Without it, it is the deepest folder holding every listed file
    /// (a listed folder counts as itself): a list of the files under `/data` names
    /// `/data/a/x.txt` as `a/x.txt`, as a folder run over `/data` does. Give it when the list
    /// may change from run to run (only the new files, say) and the outputs must not move. A
    /// listed path outside it fails.
    public var listRoot: String?
    /// Settings for the readers and writers.
    public var conversion = ConversionOptions()
    /// Whether the images a book's chapters hold are written as files beside their Markdown and
    /// HTML outputs (and linked relatively); `false` keeps HTML self-contained (`--embed-resources`).
    public var bookImagesBeside = true
    /// The program to run files in, a bounded pool of `jobs` processes each converting many
    /// files in turn, so that a crash, a stack overflow, an allocation failure or a hang costs one
    /// file, not the run. Without it (the default) files are converted on threads of the calling
    /// process, where `fileTimeout` and `fileMemory` do not apply and a crash ends the run.
    public var workers: WorkerCommand?
    /// Seconds a file may take in a worker before the worker is killed and the file fails.
    public var fileTimeout: Double = 60
    /// The address-space limit of each worker process in bytes (`setrlimit`), or nil for none.
    public var fileMemory: Int? = 2 << 30
    /// Fetches the http(s) inputs. One fetcher serves the whole run, in the batch's own
    /// process: each URL is fetched once, its connection limits hold across the run, and
    /// worker processes get the pages' bytes, never a socket. Without one, a URL input fails.
    /// Its ``/ArticleFetch/FetchConfiguration/maxTotalBytes`` counts every page of the run: set
    /// it high, since a batch makes one book per page.
    public var fetcher: Fetcher?
    /// Pages fetched ahead of the workers at most: fetched or being fetched, not yet handed
    /// on (default: twice the fetcher's connections).
    public var fetchAhead: Int?

    /// Creates options for converting into `formats` under `outputDirectory`.
    public init(formats: [String], outputDirectory: URL) {
        self.formats = formats
        self.outputDirectory = outputDirectory
    }
}

/// One of N deterministic parts of a corpus: `--shard 3/16` takes the inputs whose relative path
/// hashes (FNV-1a, 64 bit) to 3 of 16. The same path falls in the same shard on every machine.
public struct Shard: Hashable, Sendable {
    /// 1-based index of this shard.
    public var index: Int
    /// How many shards there are.
    public var count: Int

    /// Parses `K/N` with 1 ≤ K ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
        index = k
        count = n
    }

    /// Whether `relativePath` belongs to this shard.
    public func contains(_ relativePath: String) -> Bool {
        Int(Self.fnv1a(relativePath) % UInt64(count)) == index - 1
    }

    /// The hash shards are taken by, for tests that pin it down.
    public static func fnv1aForTesting(_ s: String) -> UInt64 { fnv1a(s) }

    static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }
}
