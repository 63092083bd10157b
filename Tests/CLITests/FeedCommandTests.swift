import Foundation
import Testing

/// `articlekit convert FEED…`: feeds (URLs, files, standard input) into a daily paper or one
/// document, on a loopback site (item pages and photos on 127.0.0.1, hence
/// `--allow-private-network`).
@Suite struct FeedCommandTests {
    static let local = ["--allow-private-network"]

    static func titles(_ json: String) throws -> [String] {
        let object = try WebPages.json(json)
        return (object["articles"] as? [[String: Any]])?.compactMap { $0["title"] as? String } ?? []
    }

    @Test func threeFeedsMakeOnePaperWithATwoLevelContentsEveryPhotoAndACover() async throws {
        let site = try await FeedSite(count: 10)
        defer { Task { await site.close() } }
        let dir = try CLIRunner.temporaryDirectory()
        let paper = dir.appendingPathComponent("paper.epub")
        let r = try CLIRunner.run(["convert", site.url("/rss.xml"), site.url("/atom.xml"), site.url("/feed.json"),
                                   "--to", "epub", "--output", paper.path] + Self.local)
        #expect(r.status == 0, "\(r.stderr)")
        let files = try CoverCommandTests.entries(of: try Data(contentsOf: paper))
        let chapters = files.keys.filter { $0.hasPrefix("EPUB/text/chapter-") }
        #expect(chapters.count == 30)
        let photos = files.keys.filter { $0.hasPrefix("EPUB/images/") && $0.hasSuffix(".jpg") && !$0.contains("cover") }
        // Its own photo for each article, and the one photo the pages of each feed share.
        #expect(photos.count == 33, "every article's photos: \(photos.sorted()) \(r.stderr)")
        for path in chapters {
            let xhtml = String(decoding: files[path] ?? Data(), as: UTF8.self)
            #expect(xhtml.components(separatedBy: "<img src=\"../images/").count == 3, "two photos in \(path)")
        }
        #expect(!r.stderr.contains("left out"), "\(r.stderr)")
        let nav = String(decoding: files["EPUB/nav.xhtml"] ?? Data(), as: UTF8.self)
        for feed in ["Harbour Times", "Atom Weekly", "JSON Daily"] {
            #expect(nav.contains(">\(feed)</a>\n<ol>\n<li>"), "a section per feed: \(feed)")
        }
        // In the feed's order, under its feed.
        let first = try #require(nav.range(of: ">Harbour story 1</a>"))
        let tenth = try #require(nav.range(of: ">Harbour story 10</a>"))
        let atom = try #require(nav.range(of: ">Atom Weekly</a>"))
        #expect(first.lowerBound < tenth.lowerBound && tenth.lowerBound < atom.lowerBound)
        let chapter = String(decoding: files["EPUB/text/chapter-001.xhtml"] ?? Data(), as: UTF8.self)
        #expect(chapter.contains("<p class=\"byline\">Reporter 1</p>"), "the byline from the feed's dc:creator")
        #expect(chapter.contains("<time datetime=\"2024-01-02T08:00:00-05:00\">"), "the date from the feed's RFC 822 pubDate")
        #expect(chapter.contains("class=\"source\""), "the source")
        let cover = String(decoding: files["EPUB/images/cover.svg"] ?? Data(), as: UTF8.self)
        #expect(cover.contains("HARBOUR TIMES · ATOM WEEKLY · JSON DAILY") && cover.contains("30 articles from 3 feeds"), "\(cover)")
        #expect(cover.contains("2024-01-09"), "the paper's date")
    }

    @Test func feedContentPageAndFeedChooseWhereTheTextComesFrom() async throws {
        let site = try await FeedSite(count: 3)
        defer { Task { await site.close() } }
        let feed = try CLIRunner.run(["convert", site.url("/rss.xml"), "--feed-content", "feed", "--to", "json", "--output", "-"] + Self.local)
        #expect(feed.status == 0, "\(feed.stderr)")
        #expect(feed.stdout.contains("Short teaser 1") && !feed.stdout.contains("Farmers in the delta"))
        #expect(site.server.count("/rss/1.html") == 0, "no page is fetched")
        let page = try CLIRunner.run(["convert", site.url("/rss.xml"), "--feed-content", "page", "--to", "json", "--output", "-"] + Self.local)
        #expect(page.status == 0, "\(page.stderr)")
        #expect(page.stdout.contains("Farmers in the delta"))
        let object = try WebPages.json(page.stdout)
        let first = try #require((object["articles"] as? [[String: Any]])?.first)
        #expect(first["section"] as? String == "Harbour Times")
        #expect(first["authors"] as? [String] == ["Reporter 1"], "the feed fills what the page lacks")
    }

    @Test func sinceMaxArticlesAndStateChooseTheItems() async throws {
        let site = try await FeedSite(count: 8)
        defer { Task { await site.close() } }
        let max = try CLIRunner.run(["convert", site.url("/atom.xml"), site.url("/feed.json"), "--max-articles", "2", "--feed-content", "feed", "--to", "json", "--output", "-"] + Self.local)
        #expect(try Self.titles(max.stdout) == ["Atom report 1", "Atom report 2", "JSON dispatch 1", "JSON dispatch 2"], "\(max.stderr)")
        // Items 1…8 are dated Jan 2…9; since Jan 7 keeps 6, 7, 8.
        let since = try CLIRunner.run(["convert", site.url("/atom.xml"), "--since", "2024-01-07", "--feed-content", "feed", "--to", "json", "--output", "-"] + Self.local)
        #expect(try Self.titles(since.stdout) == ["Atom report 6", "Atom report 7", "Atom report 8"], "\(since.stderr)")

        let dir = try CLIRunner.temporaryDirectory()
        let state = dir.appendingPathComponent("state.json").path
        let out = dir.appendingPathComponent("day.json").path
        let day1 = try CLIRunner.run(["convert", site.url("/atom.xml"), "--max-articles", "3", "--state", state, "--feed-content", "feed", "--output", out] + Self.local)
        #expect(day1.status == 0, "\(day1.stderr)")
        #expect(try Self.titles(String(contentsOfFile: out, encoding: .utf8)) == ["Atom report 1", "Atom report 2", "Atom report 3"])
        let day2 = try CLIRunner.run(["convert", site.url("/atom.xml"), "--max-articles", "3", "--state", state, "--feed-content", "feed", "--output", out] + Self.local)
        #expect(try Self.titles(String(contentsOfFile: out, encoding: .utf8)) == ["Atom report 4", "Atom report 5", "Atom report 6"], "\(day2.stderr)")
        try FileManager.default.removeItem(atPath: out)
        let rest = try CLIRunner.run(["convert", site.url("/atom.xml"), "--state", state, "--feed-content", "feed", "--output", out] + Self.local)
        #expect(try Self.titles(String(contentsOfFile: out, encoding: .utf8)) == ["Atom report 7", "Atom report 8"], "\(rest.stderr)")
        try FileManager.default.removeItem(atPath: out)
        let none = try CLIRunner.run(["convert", site.url("/atom.xml"), "--state", state, "--output", out] + Self.local)
        #expect(none.status == 0 && none.stderr.contains("no new items") && !FileManager.default.fileExists(atPath: out), "\(none.stderr)")
    }

    @Test func aBrokenFeedOrItemIsNamedAndTheRestOfThePaperIsMade() async throws {
        var entities = "<!ENTITY a \"aaaaaaaaaa\">"
        for i in 1...8 { entities += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i == 1 ? "" : String(i - 1));", count: 10) + "\">" }
        let bomb = entities
        let site = try await FeedSite(count: 2) { request in
            switch request.uri {
            case "/not-xml": return .text("<html><body>Just a page</body></html>", type: "application/rss+xml")
            case "/cut.xml": return .text("<rss><channel><title>Cut</title><item><title>A</title><link>/a</lin", type: "application/rss+xml")
            case "/bomb.xml": return .text("<?xml version=\"1.0\"?><!DOCTYPE rss [\(bomb)]><rss><channel><title>&a8;</title></channel></rss>", type: "text/xml")
            case "/missing.xml": return .send(status: 404)
            case "/gone.xml": return .text("<rss><channel><title>Gone</title><item><title>Lost page</title><link>/gone/1.html</link></item><item><title>No link</title></item></channel></rss>", type: "text/xml")
            default: return nil
            }
        }
        defer { Task { await site.close() } }
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("paper.json").path
        let r = try CLIRunner.run(["convert", site.url("/not-xml"), site.url("/cut.xml"), site.url("/bomb.xml"), site.url("/missing.xml"),
                                   site.url("/gone.xml"), site.url("/rss.xml"), "--output", out] + Self.local)
        #expect(r.status == 1, "a failure is an exit status of 1, and the paper is still made")
        #expect(try Self.titles(String(contentsOfFile: out, encoding: .utf8)) == ["Harbour story 1", "Harbour story 2"])
        #expect(r.stderr.contains("\(site.url("/not-xml")): not a feed"), "served as RSS, but a page: \(r.stderr)")
        #expect(r.stderr.contains("\(site.url("/cut.xml")): the feed is not well-formed XML (truncated or broken)"), "\(r.stderr)")
        #expect(r.stderr.contains("\(site.url("/bomb.xml")): the feed declares XML entities"), "\(r.stderr)")
        #expect(r.stderr.contains("Gone: Lost page: HTTP 404"), "\(r.stderr)")
        #expect(r.stderr.contains("Gone: No link: the item has no link and no content"), "\(r.stderr)")
        #expect(r.stderr.contains("/missing.xml") && r.stderr.contains("404"), "\(r.stderr)")
        #expect(!r.stderr.contains("aaaaaaaaaa"), "no entity is expanded")
        // Alone, a feed that is not one is an error and nothing is written.
        let only = dir.appendingPathComponent("only.epub").path
        let bad = try CLIRunner.run(["convert", site.url("/bomb.xml"), "--output", only] + Self.local)
        #expect(bad.status == 1 && !FileManager.default.fileExists(atPath: only), "\(bad.stderr)")
    }

    @Test func feedsArriveGzippedWithAWrongTypeAsFilesAndOnStandardInput() async throws {
        let site = try await FeedSite(count: 2, compress: true) { request in
            request.uri == "/plain" ? .text(FeedSite.rss(count: 2, base: "http://example.invalid"), type: "text/plain") : nil
        }
        defer { Task { await site.close() } }
        let gz = try CLIRunner.run(["convert", site.url("/atom.xml"), "--feed-content", "feed", "--to", "json", "--output", "-"] + Self.local)
        #expect(try Self.titles(gz.stdout) == ["Atom report 1", "Atom report 2"], "\(gz.stderr)")
        let plain = try CLIRunner.run(["convert", site.url("/plain"), "--feed-content", "feed", "--to", "json", "--output", "-"] + Self.local)
        #expect(try Self.titles(plain.stdout) == ["Harbour story 1", "Harbour story 2"], "\(plain.stderr)")

        let feed = FeedSite.jsonFeed(count: 2, base: "http://example.invalid")
        let stdin = try CLIRunner.run(["convert", "-", "--feed-content", "feed", "--to", "json", "--output", "-"], stdin: Data(feed.utf8))
        #expect(try Self.titles(stdin.stdout) == ["JSON dispatch 1", "JSON dispatch 2"], "\(stdin.stderr)")
        let dir = try CLIRunner.temporaryDirectory()
        let file = dir.appendingPathComponent("news.rss")
        try Data(FeedSite.rss(count: 2, base: "http://example.invalid").utf8).write(to: file)
        let md = try CLIRunner.run(["convert", file.path, "--feed-content", "feed", "--to", "md", "--output", "-"])
        #expect(md.status == 0 && md.stdout.contains("Harbour story 2") && md.stdout.contains("Short teaser 2"), "\(md.stderr)")
    }

    @Test func duplicatesAndAnOPMLListOfFeeds() async throws {
        let site = try await FeedSite(count: 2) { request in
            switch request.uri {
            case "/dup.xml":
                return .text("""
                    <rss><channel><title>Dup</title>
                    <item><title>First</title><link>/rss/1.html?utm_source=x</link><description>a</description></item>
                    <item><title>Again</title><link>/rss/1.html#top</link><description>b</description></item>
                    <item><guid>same</guid><title>G1</title><description>c</description></item>
                    <item><guid>same</guid><title>G2</title><description>d</description></item>
                    </channel></rss>
                    """, type: "text/xml")
            default: return nil
            }
        }
        defer { Task { await site.close() } }
        let dup = try CLIRunner.run(["convert", site.url("/dup.xml"), "--feed-content", "feed", "--to", "json", "--output", "-"] + Self.local)
        #expect(try Self.titles(dup.stdout) == ["First", "G1"], "\(dup.stderr)")
        let dir = try CLIRunner.temporaryDirectory()
        let opml = dir.appendingPathComponent("mine.opml")
        try Data("""
            <?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body><outline text="News">
            <outline type="rss" text="JSON" xmlUrl="\(site.url("/feed.json"))"/><outline type="rss" text="Atom" xmlUrl="\(site.url("/atom.xml"))"/>
            </outline></body></opml>
            """.utf8).write(to: opml)
        let r = try CLIRunner.run(["convert", opml.path, "--feed-content", "feed", "--to", "json", "--output", "-"] + Self.local)
        #expect(try Self.titles(r.stdout) == ["JSON dispatch 1", "JSON dispatch 2", "Atom report 1", "Atom report 2"], "\(r.stderr)")
    }

    @Test func aFeedOf100000ItemsIsReadWithinItsLimit() async throws {
        var huge = "<rss><channel><title>Huge</title>"
        for i in 0..<100_000 { huge += "<item><guid>\(i)</guid><title>T\(i)</title><description>x</description></item>" }
        huge += "</channel></rss>"
        let dir = try CLIRunner.temporaryDirectory()
        let file = dir.appendingPathComponent("huge.xml")
        try Data(huge.utf8).write(to: file)
        let r = try CLIRunner.run(["convert", file.path, "--max-articles", "2", "--to", "json", "--output", "-"])
        let titles = try Self.titles(r.stdout)
        #expect(r.status == 0 && titles == ["T0", "T1"], "\(r.stderr)")
        #expect(r.stderr.contains("the feed has 100000 items; only the first 1000 are read"), "\(r.stderr)")
    }
}
