import Foundation
import Testing

/// `convert DIR --to epub -j N` twice: the same bytes in every book, every time.
@Suite struct ParallelEPUBCommandTests {
    @Test func twoParallelRunsGiveTheSameBooks() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let count = 2_000
        for n in 0..<count {
            // Each article dated differently, so two books zipped at once have different dates.
            let date = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", 1981 + n % 90, 1 + n % 12, 1 + n % 28, n % 24, n % 60, n % 59)
            try Data("---\ntitle: Article \(n)\ndate: \(date)\n---\n\nParagraph \(n).\n".utf8).write(to: input.appendingPathComponent("a\(n).md"))
        }
        var runs: [[String: Data]] = []
        for name in ["one", "two"] {
            let out = dir.appendingPathComponent(name)
            let r = try CLIRunner.run(["convert", input.path, "--to", "epub", "--output", out.path, "-j", "12", "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            var books: [String: Data] = [:]
            for file in try FileManager.default.contentsOfDirectory(atPath: out.path) where file.hasSuffix(".epub") {
                books[file] = try Data(contentsOf: out.appendingPathComponent(file))
            }
            runs.append(books)
        }
        #expect(runs[0].count == count && runs[1].count == count)
        let differing = runs[0].keys.filter { runs[0][$0] != runs[1][$0] }.sorted()
        #expect(differing.isEmpty, "\(differing.count) books differ: \(differing.prefix(5))")
    }
}
