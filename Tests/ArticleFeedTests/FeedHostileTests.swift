import ArticleCore
import ArticleFeed
import Foundation
import Testing

/// Feeds that are broken or written to harm: a clear error, or what could be read, fast.
@Suite struct FeedHostileTests {
    @Test func aPageOrPlainTextIsNotAFeed() {
        #expect(FeedSniffer.kind(of: Data("<!DOCTYPE html><html><body><p>rss</p></body></html>".utf8)) == nil)
        #expect(FeedSniffer.kind(of: Data("Title\n\nSome text about <rss> feeds.".utf8)) == nil)
        #expect(FeedSniffer.kind(of: Data("{\"title\": \"an article\", \"blocks\": []}".utf8)) == nil)
        #expect(FeedSniffer.kind(of: Data(#"{"items": [], "version": "https:\/\/jsonfeed.org\/version\/1.1"}"#.utf8)) == .jsonFeed, "slashes escaped")
        #expect(FeedSniffer.kind(of: Data("\u{FEFF}  <?xml version=\"1.0\"?><!-- c --><rss><channel/></rss>".utf8)) == .rss)
        do {
            _ = try FeedParser.parse(Data("<html><body>no</body></html>".utf8), name: "page.html")
            Issue.record("a page is not a feed")
        } catch {
            #expect(error.code == .unknownFormat && error.description.hasPrefix("page.html: not a feed"), "\(error)")
        }
    }

    @Test func aTruncatedFeedIsAClearError() {
        let text = "<rss version=\"2.0\"><channel><title>Cut</title><item><title>One</title><link>https://x.example/1</li"
        do {
            _ = try FeedParser.parse(Data(text.utf8), name: "cut.xml")
            Issue.record("a truncated feed must fail")
        } catch {
            #expect(error.code == .malformed)
            #expect(error.description == "cut.xml: the feed is not well-formed XML (truncated or broken)")
        }
        do {
            _ = try FeedParser.parse(Data("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [".utf8), name: "cut.json")
            Issue.record("a truncated JSON Feed must fail")
        } catch {
            #expect(error.code == .malformed && error.description.contains("not valid JSON"))
        }
    }

    @Test func anEntityBombIsRefusedBeforeParsing() {
        var lol = "<!ENTITY lol \"lol\">"
        for i in 1...9 { lol += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">" }
        let bomb = "<?xml version=\"1.0\"?><!DOCTYPE rss [\(lol)]><rss><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>"
        let start = Date()
        do {
            _ = try FeedParser.parse(Data(bomb.utf8), name: "bomb.xml")
            Issue.record("an entity bomb must be refused")
        } catch {
            #expect(error.code == .unsafeInput && error.description.contains("declares XML entities"), "\(error)")
        }
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test func aFeedOf100000ItemsIsReadUpToTheLimit() throws {
        var text = "<rss><channel><title>Huge</title>"
        for i in 0..<100_000 { text += "<item><title>T\(i)</title><link>https://h.example/\(i)</link></item>" }
        text += "</channel></rss>"
        let start = Date()
        let feed = try FeedParser.parse(Data(text.utf8), name: "huge.xml")
        #expect(feed.items.count == FeedLimits().maxItems && feed.omittedItems == 100_000 - FeedLimits().maxItems)
        #expect(feed.items.last?.link == "https://h.example/\(FeedLimits().maxItems - 1)")
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func itemsWithoutLinksOrWithBadLinksKeepTheirContent() throws {
        let feed = try FeedParser.parse(Data("""
            <rss><channel><title>T</title>
            <item><title>No link</title><description>Only text.</description></item>
            <item><title>Script</title><link>javascript:alert(1)</link></item>
            <item><title>Relative, no base</title><link>/x</link></item>
            </channel></rss>
            """.utf8), name: "f.xml")
        #expect(feed.items.map(\.link) == [nil, nil, nil])
        #expect(feed.items[0].summaryHTML == "Only text.")
    }

    @Test func rfc822DatesWithNamedZonesAndOtherShapes() {
        let cases: [(String, String?)] = [
            ("Tue, 10 Jun 2003 04:00:00 GMT", "2003-06-10T04:00:00Z"),
            ("Sun, 19 May 2002 15:21:36 PDT", "2002-05-19T15:21:36-07:00"),
            ("Wed, 02 Oct 2002 08:00:00 EST", "2002-10-02T08:00:00-05:00"),
            ("02 Oct 02 13:00 +0200", "2002-10-02T13:00:00+02:00"),
            ("Mon, 1 Jan 2024 00:00:00 Z", "2024-01-01T00:00:00Z"),
            ("Mon, 1 Jan 2024 10:00:00 A", "2024-01-01T10:00:00+01:00"),
            ("Mon, 1 Jan 2024 10:00:00 Y", "2024-01-01T10:00:00-12:00"),
            ("2024-05-01T08:00:00+02:00", "2024-05-01T08:00:00+02:00"),
            ("Mon, 31 Feb 2024 10:00:00 GMT", nil),
            ("yesterday", nil),
        ]
        for (text, expected) in cases { #expect(FeedDate.parse(text)?.iso8601 == expected, "\(text)") }
    }
}
