import ArticleCore
import ArticleHTML
import Foundation
import Testing

@Suite struct ContentExtractionTests {
    @Test func keepsTheArticleAndDropsFurniture() throws {
        let body = """
        <h1>Tram network to grow</h1>
        <div class="share-bar"><a href="https://facebook.com/share">Share on Facebook</a> <a href="#">Tweet this story</a></div>
        \(loremParagraphs)
        <div class="newsletter-signup"><p>Sign up for our daily newsletter and never miss a story, delivered every morning.</p></div>
        <section class="comments"><p>Great article, thanks for writing it, I agree with every word of it!</p></section>
        """
        let a = try read(page(body: body))
        #expect(a.paragraphs == lorem)
    }

    @Test func keepsStructure() throws {
        let body = """
        \(loremParagraphs)
        <h2>What happens next</h2>
        <ul><li>Planning, <em>this year</em></li><li>Building, <strong>from spring</strong></li></ul>
        <blockquote><p>We have waited long enough for this tram, and now it finally comes to us.</p></blockquote>
        <pre><code>route = [1, 2, 3]</code></pre>
        <table><thead><tr><th>Line</th><th>Stops</th></tr></thead><tbody><tr><td>7</td><td>12</td></tr></tbody></table>
        <p>More details in the <a href="/docs/plan.pdf">published plan</a>, which runs to several hundred pages.</p>
        """
        let a = try read(page(head: #"<link rel="canonical" href="https://news.example.com/city/tram">"#, body: body))
        #expect(a.blocks.contains(.heading(level: 2, content: [.text("What happens next")])))
        #expect(a.blocks.contains(.list(ListBlock(ordered: false, items: [
            ListItem(blocks: [.paragraph([.text("Planning, "), .emphasis([.text("this year")])])]),
            ListItem(blocks: [.paragraph([.text("Building, "), .strong([.text("from spring")])])]),
        ]))))
        #expect(a.blocks.contains(.quote([.paragraph([.text("We have waited long enough for this tram, and now it finally comes to us.")])])))
        #expect(a.blocks.contains(.code(language: nil, text: "route = [1, 2, 3]")))
        #expect(a.blocks.contains(.table(Table(header: [TableCell([.text("Line")]), TableCell([.text("Stops")])],
                                               rows: [[TableCell([.text("7")]), TableCell([.text("12")])]]))))
        #expect(a.blocks.contains(.paragraph([
            .text("More details in the "),
            .link(url: "https://news.example.com/docs/plan.pdf", title: nil, content: [.text("published plan")]),
            .text(", which runs to several hundred pages."),
        ])))
    }

    @Test func relativeLinksResolveAgainstBaseHref() throws {
        let body = loremParagraphs + #"<p>See <a href="../maps/tram.html">the map</a> for the new route through the northern districts.</p>"#
        let a = try read(page(head: #"<base href="https://example.org/news/today/">"#, body: body))
        let link = a.blocks.compactMap { b -> String? in
            guard case .paragraph(let c) = b else { return nil }
            for i in c { if case .link(let u, _, _) = i { return u } }
            return nil
        }.first
        #expect(link == "https://example.org/news/maps/tram.html")
    }

    @Test func pageWithoutArticleIsNoContent() {
        let home = "<html><body><nav><a href=/a>A</a><a href=/b>B</a></nav><footer>© News</footer></body></html>"
        #expect {
            _ = try read(home)
        } throws: { error in
            (error as? ArticleError)?.code == .noContent
        }
    }

    @Test func notFoundPageYieldsWhatItHasOrNoContent() throws {
        // A 404 page with a sentence of text: an article holding that text (documented behaviour).
        let html = "<html><head><title>Page not found</title></head><body><h1>404</h1><p>Sorry, the page you were looking for does not exist or has been moved.</p></body></html>"
        let a = try read(html)
        #expect(a.paragraphs == ["Sorry, the page you were looking for does not exist or has been moved."])
    }

    @Test func splitBodyIsJoined() throws {
        let body = """
        <div class="article-body"><p>\(lorem[0])</p></div>
        <div class="ad-slot">Advertisement</div>
        <div class="article-body"><p>\(lorem[1])</p><p>\(lorem[2])</p></div>
        """
        let a = try read(page(body: body))
        #expect(a.paragraphs == lorem)
    }
}

/// Text that a page separates with `<br><br>` instead of `<p>`.
@Suite struct BreakPairParagraphTests {
    @Test func breakPairsInAContainerAreParagraphs() throws {
        let text = lorem.joined(separator: "<br>\n<br>\n")
        let html = page(body: "<h1>Trams</h1><div class=\"story-text\">\(text)<br><br>\(moreLorem[3])<br>and a second line</div>")
        let a = try read(html)
        #expect(a.paragraphs.count == 4)
        #expect(a.paragraphs.first == lorem[0])
        // A single <br> stays a line break inside its paragraph.
        #expect(a.paragraphs.last?.contains("a second line") == true)
    }
}

/// A page that declares an article but whose body cannot be found still gives its metadata.
@Suite struct MetadataWithoutBodyTests {
    @Test func anArticlePageWithNoBodyGivesItsMetadataAndAWarning() throws {
        let html = """
        <html><head><title>Trams to grow | City News</title><meta property="og:type" content="article"><meta property="og:site_name" content="City News">
        <meta property="article:published_time" content="2024-05-03T10:00:00Z"><meta name="author" content="Jane Roe"></head>
        <body><nav><a href="/a">A</a><a href="/b">B</a></nav><div id="app"></div></body></html>
        """
        var context = ConversionContext()
        let articles = try HTMLReader().read(ReaderInput(data: Data(html.utf8), name: "page.html"), context: &context)
        #expect(articles.first?.blocks.isEmpty == true)
        #expect(articles.first?.metadata.title == "Trams to grow")
        #expect(articles.first?.metadata.authors == ["Jane Roe"])
        #expect(articles.first?.metadata.published?.iso8601 == "2024-05-03T10:00:00Z")
        #expect(context.warnings.contains { $0.message.contains("no article body found") })
    }
}
