import Foundation
import Testing

/// Runs the built `articlekit` binary, the way a user does.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutData: Data
    }

    /// The folder holding the built products (`.build/debug`).
    static let productsDirectory: URL = {
        // The test bundle runs from the products folder on Linux; on macOS it is inside an .xctest bundle.
        var url = Bundle.main.bundleURL
        if url.pathExtension == "xctest" { url = url.deletingLastPathComponent() }
        for candidate in [url, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()] {
            if FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("articlekit").path) {
                return candidate
            }
        }
        return url
    }()

    static var binary: URL { productsDirectory.appendingPathComponent("articlekit") }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let seed = packageRoot.appendingPathComponent("examples/000_seed.txt")

    @discardableResult
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
                    executable: URL? = nil, in directory: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = executable ?? binary
        if let directory { p.currentDirectoryURL = directory }
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        // Fail closed: a test that names a real host (a saved page's photos, a lead image) gets
        // a refused connection from a proxy that is not there, never a DNS query or the internet;
        // the tests' own loopback servers are reached directly. A test that runs a proxy of its
        // own sets these itself.
        for name in ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"] { env[name] = "http://127.0.0.1:9" }
        env["NO_PROXY"] = "127.0.0.1,localhost,::1"
        env["no_proxy"] = "127.0.0.1,localhost,::1"
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        // Input is written, and standard error read, on threads of their own: a command that
        // streams (one output line per input line) fills its output pipe long before it has read
        // all its input, and would wait on a test still writing, or reading the other pipe.
        let writer = inp.fileHandleForWriting
        let wrote = DispatchSemaphore(value: 0)
        signal(SIGPIPE, SIG_IGN)  // a command that exits before reading all its input
        Thread {
            if let stdin { try? writer.write(contentsOf: stdin) }
            try? writer.close()
            wrote.signal()
        }.start()
        nonisolated(unsafe) var e = Data()
        let readErr = DispatchSemaphore(value: 0)
        Thread {
            e = err.fileHandleForReading.readDataToEndOfFile()
            readErr.signal()
        }.start()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        readErr.wait()
        wrote.wait()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self), stdoutData: o)
    }

    /// A fresh empty folder for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("articlekit-cli-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Compares `actual` with a golden file; `ARTICLEKIT_RECORD=1 swift test` rewrites the file.
    static func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = packageRoot.appendingPathComponent("Tests/CLITests/Golden/" + name)
        if ProcessInfo.processInfo.environment["ARTICLEKIT_RECORD"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "differs from Golden/\(name); rerun with ARTICLEKIT_RECORD=1 if the change is intended",
                sourceLocation: sourceLocation)
    }
}

/// A run of the command in the background, for tests that interrupt it or change its inputs.
struct BackgroundRun {
    let process = Process()
    let stderr = Pipe()

    init(_ arguments: [String]) throws {
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    /// Waits (up to five seconds) until `folder` holds at least `count` entries.
    func waitForOutputs(in folder: URL, atLeast count: Int) {
        for _ in 0..<1000 {
            let n = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path).count) ?? 0
            if n >= count { return }
            Thread.sleep(forTimeInterval: 0.005)
        }
    }

    /// Sends a signal, then waits for the end; returns the exit status and what was on stderr.
    func signal(_ sig: Int32) -> (status: Int32, stderr: String) {
        kill(process.processIdentifier, sig)
        return finish()
    }

    func finish() -> (status: Int32, stderr: String) {
        let text = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
