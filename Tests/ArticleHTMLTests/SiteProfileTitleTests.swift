import ArticleCore
import ArticleHTML
import Foundation
import Testing

/// Title choice by per-site profiles (`Resources/html-sites.json`, `--html-site-profiles`).
@Suite struct SiteProfileTitleTests {
    /// A page whose `<h1>` and JSON-LD headline carry a topic prefix and whose `og:title` is the
    /// bare headline: the generic choice is the prefixed headline the two agree on.
    func kickerPage(address: String?) -> String {
        let link = address.map { "<link rel=\"canonical\" href=\"\($0)\">" } ?? ""
        let head = """
        \(link)<meta property="og:title" content="Tram network to grow">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"City transport: Tram network to grow"}</script>
        <title>City transport: Tram network to grow</title>
        """
        return page(head: head, body: "<h1>City transport: Tram network to grow</h1>" + loremParagraphs)
    }

    /// Reads `html` with the profiles in `profiles` (JSON text) instead of the built-in ones.
    func read(_ html: String, profiles: String) throws -> Article {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("html-sites-\(UUID().uuidString).json")
        try Data(profiles.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try read(html, profilesFile: file.path)
    }

    func read(_ html: String, profilesFile: String) throws -> Article {
        var context = ConversionContext()
        context.options.extra["html-site-profiles"] = profilesFile
        let articles = try HTMLReader().read(ReaderInput(data: Data(html.utf8), name: "page.html"), context: &context)
        return try #require(articles.first)
    }

    let ogFirst = #"{"sites": [{"hosts": ["example-news.test"], "title": ["og"], "why": "og:title is the headline; <h1> has a topic prefix"}]}"#

    @Test func aMatchingHostTakesThePreferredSource() throws {
        for address in ["https://example-news.test/a", "https://www.example-news.test/a", "http://news.example-news.test/a?x=1"] {
            #expect(try read(kickerPage(address: address), profiles: ogFirst).metadata.title == "Tram network to grow", "\(address)")
        }
        // The page's <h1>, a variant of the title, is not kept as body text either.
        let a = try read(kickerPage(address: "https://example-news.test/a"), profiles: ogFirst)
        #expect(a.blocks.first?.plainText == lorem[0])
        // Without profiles the same page gets the generic choice.
        #expect(try read(kickerPage(address: "https://example-news.test/a"), profilesFile: "none").metadata.title == "City transport: Tram network to grow")
    }

    @Test func anUnknownHostOrNoAddressKeepsTheGenericChoice() throws {
        for address in ["https://other.test/a", "https://notexample-news.test/a", "https://example-news.test.evil.test/a", nil] {
            #expect(try read(kickerPage(address: address), profiles: ogFirst).metadata.title == "City transport: Tram network to grow", "\(address ?? "no address")")
        }
    }

    @Test func aMissingPreferredSourceFallsBack() throws {
        let twitterFirst = #"{"sites": [{"hosts": ["example-news.test"], "title": ["twitter"]}]}"#
        let twitterThenOG = #"{"sites": [{"hosts": ["example-news.test"], "title": ["twitter", "og"]}]}"#
        let page = kickerPage(address: "https://example-news.test/a")
        #expect(try read(page, profiles: twitterFirst).metadata.title == "City transport: Tram network to grow")
        #expect(try read(page, profiles: twitterThenOG).metadata.title == "Tram network to grow")
    }

    @Test func theHostCanComeFromOtherAddressesInThePage() throws {
        let head = """
        <meta property="og:title" content="Tram network to grow">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"City transport: Tram network to grow",
         "publisher":{"@type":"Organization","name":"Example News","url":"https://www.example-news.test/"}}</script>
        """
        let html = page(head: head, body: "<h1>City transport: Tram network to grow</h1>" + loremParagraphs)
        #expect(try read(html, profiles: ogFirst).metadata.title == "Tram network to grow")
    }

    @Test func aProfilesFileThatIsNotProfilesIsAnError() throws {
        #expect(throws: ArticleError.self) { try read(kickerPage(address: nil), profiles: #"{"sites": [{"hosts": "x"}]}"#) }
        #expect(throws: ArticleError.self) { try read(kickerPage(address: nil), profilesFile: "/nonexistent/html-sites.json") }
    }

    @Test func embeddedProfilesMatchTheResourceFile() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Resources/html-sites.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(EmbeddedHTMLSites.files.keys.sorted() == ["html-sites.json"])
        #expect(EmbeddedHTMLSites.files["html-sites.json"].map { $0 + "\n" } == text, "run scripts/embed-resources.py after editing Resources/html-sites.json")
        // The shipped file decodes, and every entry names a host and a known source.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let sites = try #require(json["sites"] as? [[String: Any]])
        for site in sites {
            #expect(!((site["hosts"] as? [String]) ?? []).isEmpty)
            #expect(!((site["title"] as? [String]) ?? []).isEmpty)
            #expect(((site["title"] as? [String]) ?? []).allSatisfy { ["jsonld", "og", "twitter", "h1", "title"].contains($0) })
        }
        _ = try read(kickerPage(address: nil), profilesFile: file.path)
    }
}
