import ArticleCore
import ArticleFeed
import Foundation
import Testing

/// The dialects, read from feeds written for the tests.
@Suite struct FeedParserTests {
    static let base = URL(string: "https://news.example/feeds/main.xml")

    static func parse(_ text: String, base: URL? = FeedParserTests.base, limits: FeedLimits = FeedLimits()) throws -> Feed {
        try FeedParser.parse(Data(text.utf8), url: base, name: "feed", limits: limits)
    }

    @Test func rss2WithContentEncodedCreatorAndMediaGivesEveryField() throws {
        let feed = try Self.parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
            <channel><title>Harbour Times</title><atom:link xmlns:atom="http://www.w3.org/2005/Atom" href="https://news.example/feeds/main.xml" rel="self"/><link>https://news.example/</link><language>en-GB</language>
            <item><title>Tide &amp; time</title><link>/2024/tide.html</link><guid isPermaLink="false">tide-1</guid>
            <dc:creator>Ann Lee</dc:creator><dc:creator>Bo Chen</dc:creator>
            <pubDate>Tue, 10 Jun 2003 04:00:00 EST</pubDate>
            <description>Short &lt;b&gt;summary&lt;/b&gt;</description>
            <content:encoded><![CDATA[<p>The whole <em>story</em>.</p>]]></content:encoded>
            <media:content url="img/tide.jpg" medium="image"/><category>Coast</category></item>
            <item><title>Second</title><link>https://other.example/b</link><author>jo@example.com (Jo Bloggs)</author>
            <enclosure url="https://cdn.example/b.png" type="image/png" length="1"/></item>
            </channel></rss>
            """)
        #expect(feed.kind == .rss && feed.title == "Harbour Times" && feed.language == "en-GB")
        #expect(feed.link == "https://news.example/", "the channel's link, not atom:link rel=self")
        #expect(feed.items.count == 2)
        let a = feed.items[0]
        #expect(a.title == "Tide & time")
        #expect(a.link == "https://news.example/2024/tide.html", "relative links resolve against the feed's address")
        #expect(a.id == "tide-1")
        #expect(a.authors == ["Ann Lee", "Bo Chen"])
        #expect(a.published?.iso8601 == "2003-06-10T04:00:00-05:00")
        #expect(a.contentHTML == "<p>The whole <em>story</em>.</p>")
        #expect(a.summaryHTML == "Short <b>summary</b>")
        #expect(a.image == "https://news.example/feeds/img/tide.jpg")
        #expect(a.tags == ["Coast"])
        #expect(feed.items[1].authors == ["Jo Bloggs"])
        #expect(feed.items[1].image == "https://cdn.example/b.png")
    }

    @Test func rss1RDFAndRSS091AreRSS() throws {
        let rdf = try Self.parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel rdf:about="https://r.example/"><title>RDF news</title><link>https://r.example/</link></channel>
            <item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link><dc:date>2024-05-01T08:00:00+02:00</dc:date></item>
            </rdf:RDF>
            """)
        #expect(rdf.kind == .rss && rdf.title == "RDF news" && rdf.items.count == 1)
        #expect(rdf.items[0].id == "https://r.example/1" && rdf.items[0].published?.iso8601 == "2024-05-01T08:00:00+02:00")
        let old = try Self.parse("""
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Old</title><item><title>Plain</title><link>http://old.example/p</link><description>Text.</description></item></channel></rss>
            """)
        #expect(old.kind == .rss && old.items.first?.link == "http://old.example/p")
    }

    @Test func atomWithXHTMLContentXMLBaseAndAuthors() throws {
        let feed = try Self.parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/blog/">
            <title type="html">Atom &lt;i&gt;Weekly&lt;/i&gt;</title><link href="https://a.example/"/>
            <author><name>Feed Author</name></author>
            <entry><id>tag:a.example,2024:1</id><title>First</title>
            <link rel="alternate" type="text/html" href="posts/1"/><link rel="enclosure" type="image/jpeg" href="/i/1.jpg"/>
            <published>2024-05-01T08:00:00Z</published><updated>2024-05-02T08:00:00Z</updated>
            <summary>Sum</summary>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>world</b> &amp; more</p></div></content></entry>
            <entry><id>2</id><title>Second</title><link href="https://a.example/2"/><author><name>Own</name></author><updated>2024-05-03T00:00:00Z</updated>
            <content type="html">&lt;p&gt;Two&lt;/p&gt;</content></entry>
            </feed>
            """)
        #expect(feed.kind == .atom && feed.title == "Atom Weekly")
        let first = feed.items[0]
        #expect(first.link == "https://a.example/blog/posts/1", "xml:base")
        #expect(first.image == "https://a.example/i/1.jpg")
        #expect(first.authors == ["Feed Author"], "the feed's author stands in")
        #expect(first.published?.iso8601 == "2024-05-01T08:00:00Z")
        #expect(first.contentHTML == "<p>Hello <b>world</b> &amp; more</p>")
        #expect(feed.items[1].authors == ["Own"] && feed.items[1].contentHTML == "<p>Two</p>")
        #expect(feed.items[1].published?.iso8601 == "2024-05-03T00:00:00Z", "updated when not published")
    }

    @Test func jsonFeed11AndOPML() throws {
        let feed = try Self.parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "JSON Daily", "home_page_url": "https://j.example/",
             "authors": [{"name": "Desk"}],
             "items": [{"id": "1", "url": "/p/1", "title": "One", "content_html": "<p>Hi</p>", "image": "/i/1.jpg",
                        "date_published": "2024-05-01T08:00:00-04:00", "tags": ["a"]},
                       {"id": 2, "external_url": "https://elsewhere.example/x", "content_text": "Para one.\\n\\nPara <two>.", "authors": [{"name": "Z"}]},
                       "not an item"]}
            """, base: nil)
        #expect(feed.kind == .jsonFeed && feed.title == "JSON Daily" && feed.items.count == 2)
        #expect(feed.items[0].link == "https://j.example/p/1" && feed.items[0].image == "https://j.example/i/1.jpg")
        #expect(feed.items[0].authors == ["Desk"] && feed.items[0].tags == ["a"])
        #expect(feed.items[1].id == "2" && feed.items[1].contentHTML == "<p>Para one.</p>\n<p>Para &lt;two&gt;.</p>")
        let opml = try Self.parse("""
            <?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
            <outline text="News"><outline type="rss" text="One" xmlUrl="https://one.example/feed"/>
            <outline type="rss" title="Two" xmlUrl="/two.xml"/></outline><outline text="No feed"/></body></opml>
            """)
        #expect(opml.kind == .opml && opml.subscriptions == [
            FeedSubscription(url: "https://one.example/feed", title: "One"),
            FeedSubscription(url: "https://news.example/two.xml", title: "Two"),
        ])
    }
}
