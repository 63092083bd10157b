import Foundation
import Testing

/// `articlekit convert a.txt b.txt --output both.EXT`: one document in which every article keeps
/// its own title, byline, date, dateline and source.
@Suite struct JoinCommandTests {
    static let scraped = ["000_seed.txt", "001_rice_harvest.txt", "002_school_year.txt"].map {
        CLIRunner.packageRoot.appendingPathComponent("../shared/corpus/scraped/" + $0).standardizedFileURL.path
    }

    /// The metadata keys a user checks, for each article of a JSON output (one article or a collection).
    static func metadata(_ json: Data) throws -> [[String: String]] {
        let top = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let articles = (top["articles"] as? [[String: Any]]) ?? [top]
        return articles.map { a in
            var m: [String: String] = [:]
            for key in ["title", "published", "dateline", "source"] { m[key] = a[key] as? String }
            m["authors"] = (a["authors"] as? [String])?.joined(separator: "; ")
            return m
        }
    }

    @Test func joinedMarkdownReadsBackToEveryArticle() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let both = dir.appendingPathComponent("both.md").path
        let r = try CLIRunner.run(["convert"] + Self.scraped + ["--to", "md", "--output", both])
        #expect(r.status == 0, "\(r.stderr)")
        var alone: [[String: String]] = []
        for f in Self.scraped { alone += try Self.metadata(try CLIRunner.run(["convert", f, "--to", "json", "-o", "-"]).stdoutData) }
        let back = try CLIRunner.run(["convert", both, "--to", "json", "-o", "-"])
        #expect(back.status == 0, "\(back.stderr)")
        let got = try Self.metadata(back.stdoutData)
        #expect(got == alone)
        #expect(alone.count == 3 && Set(alone.compactMap { $0["authors"] }).count == 3)
        // The document itself names no article's author.
        let text = try String(contentsOfFile: both, encoding: .utf8)
        #expect(text.hasPrefix("---\narticles: 3\n---\n\n# "))
    }

    @Test func htmlTextAndJSONKeepEachByline() throws {
        let dir = try CLIRunner.temporaryDirectory()
        for ext in ["html", "txt", "json"] {
            let out = dir.appendingPathComponent("both." + ext).path
            let r = try CLIRunner.run(["convert"] + Self.scraped + ["--output", out, "--title", "Week 36"])
            #expect(r.status == 0, "\(r.stderr)")
            let text = try String(contentsOfFile: out, encoding: .utf8)
            for name in ["Nguyen Xuan Son", "Xuan Hoa", "My Ha"] { #expect(text.contains(name), "\(ext) lacks \(name)") }
            for dateline in ["DNUM_BEZBAZCABB 20:10", "DNUM_CAZBAZCABB 07:45"] { #expect(text.contains(dateline), "\(ext) lacks \(dateline)") }
            #expect(text.contains("Week 36"))
        }
        // Converted again, the joined JSON keeps its title.
        let again = try CLIRunner.run(["convert", dir.appendingPathComponent("both.json").path, "--to", "md", "-o", "-"])
        #expect(again.status == 0 && again.stdout.hasPrefix("---\ntitle: Week 36\narticles: 3\n---\n"), "\(again.stderr)")
        let json = try Self.metadata(try Data(contentsOf: dir.appendingPathComponent("both.json")))
        #expect(json.map { $0["authors"] } == ["Nguyen Xuan Son", "Xuan Hoa", "My Ha; Thanh Chung"])
        let html = try String(contentsOf: dir.appendingPathComponent("both.html"), encoding: .utf8)
        #expect(html.contains("<title>Week 36</title>") && html.components(separatedBy: "<header class=\"article-header\">").count == 4)
    }

    @Test func aBookWithChaptersIntoOneMarkdownFileReadsBackAsItsChapters() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let book = CLIRunner.packageRoot.appendingPathComponent("Tests/ArticleEPUBTests/Books/pandoc-epub3.epub").path
        let md = dir.appendingPathComponent("book.md").path
        let r = try CLIRunner.run(["convert", book, "--output", md])
        #expect(r.status == 0, "\(r.stderr)")
        let chapters = try Self.metadata(try CLIRunner.run(["convert", book, "--to", "json", "-o", "-"]).stdoutData)
        let back = try Self.metadata(try CLIRunner.run(["convert", md, "--to", "json", "-o", "-"]).stdoutData)
        #expect(chapters.count > 1)
        #expect(back == chapters)
        let text = try String(contentsOfFile: md, encoding: .utf8)
        #expect(text.contains("# First chapter\n") && text.contains("# Second chapter\n"))
    }
}
