import Foundation

/// How to start a batch worker process: a program that, given `arguments`, builds a
/// ``BatchConverter`` with the same options as the parent's and calls
/// ``BatchConverter/serveAsWorker(input:output:)``. The `articlekit` command passes itself with
/// its own arguments and a hidden flag; a library user passes a program of their own built the
/// same way (with the same readers, writers and transforms as the parent's converter).
///
/// The parent writes one job line per file to the worker's standard input and reads one result
/// line per file from its standard output; what the worker writes to standard error is kept and
/// its last line goes into the record of a file it crashed on.
public struct WorkerCommand: Sendable, Hashable {
    /// The program.
    public var executable: URL
    /// Its arguments.
    public var arguments: [String]

    /// Creates a command that runs `executable` with `arguments`.
    public init(executable: URL, arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }

    /// The running program itself (`/proc/self/exe` on Linux), for a command line tool that serves
    /// as its own worker.
    public static func currentExecutable() -> URL? {
        #if os(Linux)
        // The link itself, not its target: it runs this very program even if the file was
        // replaced (a rebuild) since the run started.
        if access("/proc/self/exe", X_OK) == 0 { return URL(fileURLWithPath: "/proc/self/exe") }
        #endif
        return Bundle.main.executableURL?.resolvingSymlinksInPath()
    }
}
