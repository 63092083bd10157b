import ArticleKit
import Foundation
import Testing

/// Feeds into articles, without the network: the feed's own content, the choice of items, the
/// state of reruns.
@Suite struct FeedPaperTests {
    static let rss = """
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>Harbour Times</title><link>https://news.example/</link>
        <item><title>Old news</title><link>https://news.example/old</link><guid>1</guid><pubDate>Mon, 01 Jan 2024 08:00:00 GMT</pubDate>
        <content:encoded><![CDATA[<p>The old story, told in full.</p>]]></content:encoded></item>
        <item><title>New tide</title><link>/new?utm_source=rss</link><guid>2</guid><dc:creator>Ann Lee</dc:creator>
        <pubDate>Wed, 03 Jan 2024 08:00:00 GMT</pubDate><description>The tide came in.</description>
        <enclosure url="https://cdn.example/tide.jpg" type="image/jpeg"/></item>
        <item><title>Same page</title><link>https://NEWS.example/new#top</link><guid>3</guid><description>Again.</description></item>
        </channel></rss>
        """

    static func paper(_ options: FeedOptions = FeedOptions()) -> FeedPaper {
        FeedPaper(converter: Converter(), fetcher: nil, options: options)
    }

    @Test func theFeedsOwnContentMakesArticlesInTheirSection() {
        let run = Self.paper().make([FeedDocument(data: Data(Self.rss.utf8), name: "news.xml")], context: ConversionContext())
        #expect(run.failures.isEmpty, "\(run.failures)")
        #expect(run.articles.map(\.metadata.title) == ["Old news", "New tide"], "the third is the second's page again")
        #expect(run.articles.allSatisfy { $0.metadata.section == "Harbour Times" && $0.metadata.source == "Harbour Times" })
        guard run.articles.count == 2 else { return }
        let tide = run.articles[1]
        #expect(tide.metadata.authors == ["Ann Lee"])
        #expect(tide.metadata.url == "https://news.example/new?utm_source=rss", "relative links resolve against the channel's link")
        #expect(tide.metadata.published?.iso8601 == "2024-01-03T08:00:00Z")
        #expect(tide.metadata.image == "https://cdn.example/tide.jpg")
        guard case .figure(let lead)? = tide.blocks.first else { Issue.record("the enclosure becomes the lead photo"); return }
        #expect(lead.image?.source == "https://cdn.example/tide.jpg")
        #expect(run.warnings.contains { $0.contains("Same page: left out, a duplicate") }, "\(run.warnings)")
    }

    @Test func sinceMaxAndStateChooseTheItems() throws {
        var options = FeedOptions()
        options.since = FeedOptions.since("2024-01-02")
        let recent = Self.paper(options).make([FeedDocument(data: Data(Self.rss.utf8), name: "news.xml")], context: ConversionContext())
        #expect(recent.articles.map(\.metadata.title) == ["New tide"])
        options = FeedOptions()
        options.maxArticlesPerFeed = 1
        let first = Self.paper(options).make([FeedDocument(data: Data(Self.rss.utf8), name: "news.xml")], context: ConversionContext())
        #expect(first.articles.map(\.metadata.title) == ["Old news"])

        var state = FeedState()
        state.insert(first.keys)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("feed-state-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try state.write(to: file)
        let reread = try FeedState(contentsOf: file)
        #expect(reread == state)
        let next = Self.paper().make([FeedDocument(data: Data(Self.rss.utf8), name: "news.xml")], state: reread, context: ConversionContext())
        #expect(next.articles.map(\.metadata.title) == ["New tide"] && next.seenBefore == 1)
        #expect(throws: ArticleError.self) {
            try Data("not json".utf8).write(to: file)
            _ = try FeedState(contentsOf: file)
        }
    }

    @Test func sinceTakesDurationsAndDates() throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(FeedOptions.since("24h", now: now) == now.addingTimeInterval(-86_400))
        #expect(FeedOptions.since("7d", now: now) == now.addingTimeInterval(-7 * 86_400))
        #expect(FeedOptions.since("2024-05-01", now: now) == Date(timeIntervalSince1970: 1_714_521_600))
        #expect(FeedOptions.since("soon", now: now) == nil)
        #expect(FeedOptions.since("-3d", now: now) == nil)
    }

    @Test func aFeedThatFailsIsNamedAndTheOthersAreRead() {
        let docs = [FeedDocument(data: Data("<rss><channel><title>x</title>".utf8), name: "cut.xml"),
                    FeedDocument(data: Data(Self.rss.utf8), name: "news.xml")]
        let run = Self.paper().make(docs, context: ConversionContext())
        #expect(run.failures == ["cut.xml: the feed is not well-formed XML (truncated or broken)"])
        #expect(run.articles.count == 2)
    }
}
