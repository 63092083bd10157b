import ArgumentParser
import ArticleKit

/// The options that only matter when converting folders or lists of files.
struct BatchFlags: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read input paths (and URLs) from a file, or - for standard input, one per line.", valueName: "file"))
    var fromList: String?

    @Option(name: .customLong("from-list0"), help: ArgumentHelp("Read input paths (and URLs) from a file, or - for standard input, each ended by a NUL byte as `find -print0` writes them, so names may hold newlines.", valueName: "file"))
    var fromList0: String?

    @Option(name: .long, help: ArgumentHelp("The folder a list's paths are named from below the output folder and hashed by for --shard (default: the deepest folder holding every listed file).", valueName: "dir"))
    var listRoot: String?

    @Option(name: [.customShort("j"), .long], help: ArgumentHelp("Worker processes converting files at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Only files matching this glob (`*.txt`, `2024/**/*.md`); repeatable.", valueName: "glob"))
    var include: [String] = []

    @Option(name: .long, help: ArgumentHelp("Leave out files matching this glob; repeatable.", valueName: "glob"))
    var exclude: [String] = []

    @Flag(name: .long, help: "Convert even when an output is newer than its input.")
    var force = false

    @Flag(name: .long, help: "Follow links to files outside an input folder (by default they are skipped, like links to folders; links inside it are followed).")
    var followSymlinks = false

    @Option(name: .long, help: ArgumentHelp("Only the inputs whose relative path (below the input folder, or from the list's root) hashes to shard K of N (1 ≤ K ≤ N), for splitting a corpus across machines.", valueName: "K/N"))
    var shard: String?

    @Option(name: .long, help: ArgumentHelp("Write a JSON report with one record per input.", valueName: "file.json"))
    var report: String?

    @Option(name: .long, help: ArgumentHelp("Seconds one file may take before its worker process is stopped and the file fails.", valueName: "seconds"))
    var fileTimeout: Double = 60

    @Option(name: .long, help: ArgumentHelp("The memory each worker process may use, in bytes or with K, M or G; 0 for no limit.", valueName: "size"))
    var fileMemory: String = "2G"

    /// The list of inputs given (`--from-list` or `--from-list0`) and how its paths are separated.
    var list: (path: String, separator: InputListSeparator)? {
        if let fromList0 { return (fromList0, .nul) }
        return fromList.map { ($0, .newline) }
    }

    /// Set on the command a batch starts its worker processes with; not for users.
    @Flag(name: .customLong("batch-worker"), help: ArgumentHelp(visibility: .private))
    var batchWorker = false
}
