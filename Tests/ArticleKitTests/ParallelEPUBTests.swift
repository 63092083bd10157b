import ArticleKit
import Foundation
import Testing

/// A folder converted to EPUB twice, all files in parallel, gives the same bytes both times: the
/// README promises byte-identical books, and a parallel batch of 4,000 once gave 1 to 3 books
/// whose zip headers carried another book's date.
@Suite struct ParallelEPUBTests {
    /// `count` small Markdown articles, each dated differently (year, month, day, hour, minute).
    static func datedCorpus(_ count: Int, in dir: URL) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for n in 0..<count {
            let date = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", 1981 + n % 90, 1 + n % 12, 1 + n % 28, n % 24, n % 60, n % 59)
            let text = "---\ntitle: Article \(n)\ndate: \(date)\n---\n\nParagraph \(n) of the corpus.\n"
            try Data(text.utf8).write(to: dir.appendingPathComponent("a\(n).md"))
        }
    }

    /// Every file below `dir` by relative path, with its bytes.
    static func contents(of dir: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.subpathsOfDirectory(atPath: dir.path) where name.hasSuffix(".epub") {
            out[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return out
    }

    @Test func twoParallelRunsGiveTheSameBooks() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("articlekit-parallel-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let count = 2_000
        try Self.datedCorpus(count, in: dir.appendingPathComponent("in"))
        var books: [[String: Data]] = []
        for run in ["one", "two"] {
            var options = BatchOptions(formats: ["epub"], outputDirectory: dir.appendingPathComponent(run))
            options.jobs = 12
            let result = try BatchConverter(options: options).run(paths: [dir.appendingPathComponent("in").path])
            #expect(result.converted == count && result.failed == 0)
            books.append(try Self.contents(of: dir.appendingPathComponent(run)))
        }
        #expect(books[0].count == count)
        let differing = books[0].keys.filter { books[0][$0] != books[1][$0] }.sorted()
        #expect(differing.isEmpty, "\(differing.count) books differ: \(differing.prefix(5))")
    }
}
