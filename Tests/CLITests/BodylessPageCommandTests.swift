import Foundation
import Testing

/// An article page whose body cannot be found: the command prints its metadata with no blocks
/// and says so on standard error; a page that declares no article is still an error.
@Suite struct BodylessPageCommandTests {
    @Test func anArticlePageWithoutABodyGivesItsMetadataAndOneWarning() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let page = dir.appendingPathComponent("story.html")
        try Data("""
        <html><head><title>Trams to grow</title><meta property="og:type" content="article"><meta name="author" content="Jane Roe">
        </head><body><nav><a href="/a">A</a></nav><div id="app"></div></body></html>
        """.utf8).write(to: page)
        let r = try CLIRunner.run(["convert", page.path, "--to", "json", "--output", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        #expect(json["title"] as? String == "Trams to grow")
        #expect(json["authors"] as? [String] == ["Jane Roe"])
        #expect((json["blocks"] as? [Any])?.isEmpty == true)
        #expect(r.stderr.contains("no article body found in the page"))

        let links = dir.appendingPathComponent("links.html")
        try Data("<html><head><title>Home</title></head><body><nav><a href=/a>A</a></nav></body></html>".utf8).write(to: links)
        let home = try CLIRunner.run(["convert", links.path, "--to", "json", "--output", "-"])
        #expect(home.status != 0)
        #expect(home.stderr.contains("no article content found"))
    }
}
