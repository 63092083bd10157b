import ArticleCore
import ArticleHTML
import Foundation
import Testing

/// The article's lead image (`Metadata.image`) from each place a page names it, resolved
/// against the page's address, and never an address URLSafety refuses.
@Suite struct LeadImageTests {
    /// The lead image of a page with `head`, read as a page from the network at `url` (or a
    /// local file when `url` is `nil`).
    func leadImage(_ head: String, url: String? = "https://news.example/world/story", remote: Bool = true) throws -> String? {
        var context = ConversionContext()
        let input = ReaderInput(data: Data(page(head: head, body: loremParagraphs).utf8), name: "page.html",
                                fileURL: url.flatMap(URL.init(string:)), origin: remote ? .remote : .local)
        return try HTMLReader().read(input, context: &context).first?.metadata.image
    }

    func ld(_ json: String) -> String { #"<script type="application/ld+json">"# + json + "</script>" }

    @Test func openGraphImageResolvedAgainstThePage() throws {
        #expect(try leadImage(#"<meta property="og:image" content="/img/lead.jpg?w=1200&amp;h=800">"#)
            == "https://news.example/img/lead.jpg?w=1200&h=800")
        // The https form wins over the plain one; a protocol-relative one takes the page's scheme.
        #expect(try leadImage(#"<meta property="og:image" content="http://cdn.example/a.jpg"><meta property="og:image:secure_url" content="https://cdn.example/a.jpg">"#)
            == "https://cdn.example/a.jpg")
        #expect(try leadImage(#"<meta property="og:image" content="//cdn.example/b.jpg">"#) == "https://cdn.example/b.jpg")
    }

    @Test func twitterCardImage() throws {
        #expect(try leadImage(#"<meta name="twitter:image" content="https://cdn.example/card.png">"#) == "https://cdn.example/card.png")
        #expect(try leadImage(#"<meta name="twitter:image:src" content="card2.png">"#) == "https://news.example/world/card2.png")
    }

    @Test func jsonLDImageInEveryForm() throws {
        let article = #"{"@context":"https://schema.org","@type":"NewsArticle","headline":"H","image":"#
        #expect(try leadImage(ld(article + #""https://cdn.example/s.jpg"}"#)) == "https://cdn.example/s.jpg")
        #expect(try leadImage(ld(article + #"{"@type":"ImageObject","url":"/o.jpg","width":1200}}"#)) == "https://news.example/o.jpg")
        #expect(try leadImage(ld(article + #"{"@type":"ImageObject","contentUrl":"https://cdn.example/c.jpg"}}"#)) == "https://cdn.example/c.jpg")
        #expect(try leadImage(ld(article + #"["https://cdn.example/16x9.jpg","https://cdn.example/4x3.jpg"]}"#)) == "https://cdn.example/16x9.jpg")
        #expect(try leadImage(ld(article + #"[{"@type":"ImageObject","url":"https://cdn.example/first.jpg"}]}"#)) == "https://cdn.example/first.jpg")
        // @graph pages (Yoast and others) point at an ImageObject elsewhere in the graph by @id.
        let graph = #"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"S"},"#
            + #"{"@type":"ImageObject","@id":"https://news.example/#primaryimage","url":"https://cdn.example/graph.jpg"},"#
            + #"{"@type":"Article","headline":"H","image":{"@id":"https://news.example/#primaryimage"}}]}"#
        #expect(try leadImage(ld(graph)) == "https://cdn.example/graph.jpg")
        #expect(try leadImage(ld(#"{"@type":"BlogPosting","headline":"H","thumbnailUrl":"https://cdn.example/t.jpg"}"#)) == "https://cdn.example/t.jpg")
    }

    @Test func openGraphComesBeforeJSONLD() throws {
        let head = #"<meta property="og:image" content="https://cdn.example/og.jpg">"# + ld(#"{"@type":"NewsArticle","headline":"H","image":"https://cdn.example/ld.jpg"}"#)
        #expect(try leadImage(head) == "https://cdn.example/og.jpg")
    }

    @Test func unsafeLeadImagesAreRefused() throws {
        for bad in ["file:///etc/passwd", "javascript:alert(1)", "JaVa&#x09;Script:alert(1)", "data:image/svg+xml;base64,PHN2Zz4=",
                    "vbscript:x", "blob:https://news.example/1"] {
            #expect(try leadImage(#"<meta property="og:image" content="\#(bad)">"#) == nil, "\(bad)")
            #expect(try leadImage(ld(#"{"@type":"NewsArticle","headline":"H","image":"\#(bad)"}"#)) == nil, "\(bad)")
        }
        // An unsafe first candidate does not hide a safe one after it.
        #expect(try leadImage(#"<meta property="og:image" content="file:///etc/passwd"><meta name="twitter:image" content="https://cdn.example/ok.jpg">"#)
            == "https://cdn.example/ok.jpg")
        // A raster data: URI is an image source like any other.
        #expect(try leadImage(#"<meta property="og:image" content="data:image/png;base64,iVBORw0KGgo=">"#) == "data:image/png;base64,iVBORw0KGgo=")
    }

    @Test func aRemotePageWithNoAddressGivesNoRelativeLeadImage() throws {
        #expect(try leadImage(#"<meta property="og:image" content="lead.jpg">"#, url: nil) == nil)
        // A local file's relative lead image stays relative (the local-file policy decides on it).
        #expect(try leadImage(#"<meta property="og:image" content="lead.jpg">"#, url: nil, remote: false) == "lead.jpg")
        #expect(try leadImage(#"<meta property="og:image" content="file:///etc/passwd">"#, url: nil, remote: false) == nil)
    }
}
