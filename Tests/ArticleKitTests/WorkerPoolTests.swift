import ArticleKit
import Foundation
import Synchronization
import Testing

/// The worker pool as a library: a worker process that crashes, hangs or cannot start costs the
/// file it was on, or stops the run with a clear error, never the run's other files. The
/// workers here are small shell programs speaking the worker protocol (a ready line, then job
/// lines in), so each way of dying is real and certain; the command line's tests run the real
/// converter as the worker.
@Suite struct WorkerPoolTests {
    func setUp(files: Int, worker script: String) throws -> (dir: URL, options: BatchOptions) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("worker-pool-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("in"), withIntermediateDirectories: true)
        for i in 0..<files {
            try Data("Title \(i)\n\nThe body of article \(i).".utf8).write(to: dir.appendingPathComponent("in/a\(i).txt"))
        }
        let program = dir.appendingPathComponent("worker.sh")
        try Data((script + "\n").utf8).write(to: program)
        var options = BatchOptions(formats: ["json", "md"], outputDirectory: dir.appendingPathComponent("out"))
        options.jobs = 2
        // Run by the shell rather than executed: a test writing its script while another test
        // starts a worker could make exec(2) fail with "text file busy".
        options.workers = WorkerCommand(executable: URL(fileURLWithPath: "/bin/sh"), arguments: [program.path])
        return (dir, options)
    }

    func run(_ options: BatchOptions, _ dir: URL) throws -> (BatchProgress, [BatchRecord]) {
        let seen = Mutex<[BatchRecord]>([])
        let result = try BatchConverter(options: options).run(paths: [dir.appendingPathComponent("in").path]) { record, _ in
            seen.withLock { $0.append(record) }
        }
        return (result, seen.withLock { $0 })
    }

    @Test func aWorkerThatCrashesFailsEachFileItWasOnAndIsReplaced() throws {
        // Every worker dies of SIGSEGV on its first job: each file fails alone, a new worker
        // takes the next one, and the run ends.
        let (dir, options) = try setUp(files: 5, worker: "echo ready; read line; kill -SEGV $$")
        defer { try? FileManager.default.removeItem(at: dir) }
        let (result, records) = try run(options, dir)
        #expect(result.failed == 5 && result.converted == 0 && result.done == 5)
        #expect(records.count == 5)
        for r in records {
            #expect(r.error?.hasPrefix("crashed (signal 11") == true && r.error?.hasSuffix("while reading") == true, "\(r.error ?? "")")
        }
    }

    @Test func aWorkerThatHangsIsKilledAfterTheFileTimeout() throws {
        var (dir, options) = try setUp(files: 2, worker: "echo ready; read line; exec sleep 60")
        defer { try? FileManager.default.removeItem(at: dir) }
        options.fileTimeout = 1
        let start = Date()
        let (result, records) = try run(options, dir)
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.failed == 2)
        #expect(records.allSatisfy { $0.error == "took longer than 1 s while reading" }, "\(records.map(\.error))")
        // Two workers, two files: both time out together, not one after the other.
        #expect(elapsed < 1.9, "took \(elapsed) s")
    }

    @Test func aWorkerThatCannotStartStopsTheRunWithItsMessage() throws {
        let (dir, options) = try setUp(files: 3, worker: "echo 'cannot map the library' >&2; exit 3")
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try run(options, dir)
            Issue.record("the run should have stopped")
        } catch let error as ArticleError {
            #expect(error.message.contains("cannot map the library") && error.message.contains("could not start"), "\(error.message)")
        }
    }

    @Test func outputsAWorkerWroteBeforeDyingAreRemoved() throws {
        // The worker renames the first of two outputs into place, marks its shared phase byte as
        // writing (as the real worker does), then dies:
        // a file with several formats keeps none of them, and its temporary files go too.
        let script = """
        echo ready
        read line
        out=$(printf '%s' "$line" | cut -f4)
        dir="$OUT/$(dirname "$out")"
        mkdir -p "$dir"
        printf '\\001' >&"$ARTICLEKIT_WORKER_PHASE_FD"
        echo half > "$dir/.articlekit-tmp-$$-x-$(basename "$out").md"
        echo whole > "$OUT/$out.json"
        kill -KILL $$
        """
        var (dir, options) = try setUp(files: 1, worker: script)
        defer { try? FileManager.default.removeItem(at: dir) }
        options.jobs = 1
        let out = dir.appendingPathComponent("out").path
        setenv("OUT", out, 1)
        defer { unsetenv("OUT") }
        let (result, records) = try run(options, dir)
        #expect(result.failed == 1)
        #expect(records.first?.error?.hasPrefix("crashed (signal 9") == true && records.first?.error?.hasSuffix("while writing") == true,
                "\(records.first?.error ?? "")")
        let left = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0 != ".articlekit-batch.json" }
        #expect(left.isEmpty, "\(left)")
    }

    @Test func withoutAWorkerCommandFilesRunOnThreads() throws {
        var (dir, options) = try setUp(files: 3, worker: "exit 1")
        defer { try? FileManager.default.removeItem(at: dir) }
        options.workers = nil
        let (result, _) = try run(options, dir)
        #expect(result.converted == 3)
    }
}
