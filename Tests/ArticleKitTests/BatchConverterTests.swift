import ArticleKit
import Foundation
import Synchronization
import Testing

/// The batch runner as a library: the same behaviour the command line has, with a callback.
@Suite struct BatchConverterTests {
    func folder(with texts: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("batch-api-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("in/sub"), withIntermediateDirectories: true)
        for (name, text) in texts { try Data(text.utf8).write(to: dir.appendingPathComponent("in/" + name)) }
        return dir
    }

    @Test func convertsAFolderAndReportsEachFile() throws {
        let dir = try folder(with: ["a.txt": "First title\n\nThe first article's only paragraph.",
                                    "sub/b.txt": "Second title\n\nThe second article's only paragraph.",
                                    "empty.txt": ""])
        var options = BatchOptions(formats: ["json", "md"], outputDirectory: dir.appendingPathComponent("out"))
        options.jobs = 2
        let batch = try BatchConverter(options: options)
        let seen = Mutex<[BatchRecord]>([])
        let result = try batch.run(paths: [dir.appendingPathComponent("in").path]) { record, progress in
            seen.withLock { $0.append(record) }
            #expect(progress.total == 3 && progress.done <= 3)
        }
        #expect(result.converted == 2 && result.failed == 1 && result.skipped == 0)
        let records = seen.withLock { $0 }
        #expect(records.count == 3)
        #expect(records.first { $0.status == .failed }?.error == "the file is empty")
        for name in ["a.json", "a.md", "sub/b.json", "sub/b.md"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/" + name).path), "\(name)")
        }
        // A second run skips what is up to date.
        let again = try BatchConverter(options: options).run(paths: [dir.appendingPathComponent("in").path])
        #expect(again.skipped == 2 && again.converted == 0)
    }

    @Test func unknownFormatIsAUsageError() throws {
        let options = BatchOptions(formats: ["docx"], outputDirectory: URL(fileURLWithPath: "/tmp/none"))
        #expect(throws: ArticleError.self) { try BatchConverter(options: options) }
    }

    @Test func shardsAreStableAndCoverEverything() {
        let paths = (0..<1000).map { "folder/article-\($0).txt" }
        var counts = [Int](repeating: 0, count: 4)
        for p in paths {
            let owners = (1...4).filter { Shard("\($0)/4")?.contains(p) == true }
            #expect(owners.count == 1, "\(p) is in exactly one shard")
            counts[(owners.first ?? 1) - 1] += 1
        }
        #expect(counts.allSatisfy { $0 > 150 }, "shards are balanced: \(counts)")
        // The hash is fixed (FNV-1a 64), so the split is the same on every machine.
        #expect(Shard("1/2")?.contains("a.txt") == (Shard.fnv1aForTesting("a.txt") % 2 == 0))
        #expect(Shard("0/3") == nil && Shard("4/3") == nil && Shard("x") == nil)
    }
}
