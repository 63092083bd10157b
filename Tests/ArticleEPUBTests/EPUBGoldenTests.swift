import ArticleCore
@testable import ArticleEPUB
import Foundation
import Testing

/// Whole documents compared with files in `Golden/`. After an intended change, re-record them
/// with `ARTICLEKIT_RECORD=1 swift test --filter EPUBGoldenTests` and review the diff.
@Suite struct EPUBGoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test(arguments: ["EPUB/package.opf", "EPUB/nav.xhtml", "EPUB/toc.ncx", "EPUB/text/chapter-001.xhtml", "EPUB/text/cover.xhtml"])
    func bookOfTwoArticlesMatchesGoldenFiles(path: String) throws {
        var options = ConversionOptions()
        options.title = "Golden book"
        let (book, _) = try makeBook([Fixtures.article(), Fixtures.article(title: "Second & last", url: "https://example.org/2")], options: options)
        let actual = book.text(path)
        let file = Self.folder.appendingPathComponent(path.replacingOccurrences(of: "/", with: "_"))
        if ProcessInfo.processInfo.environment["ARTICLEKIT_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: file)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "\(path) differs from \(file.lastPathComponent); re-record with ARTICLEKIT_RECORD=1 if intended")
    }
}
