import ArticleCore
import ArticleHTML
import Foundation
import Testing

private func page(_ article: Article, rawHTML: Bool = false) throws -> String {
    var context = ConversionContext()
    context.options.rawHTML = rawHTML
    return String(decoding: try HTMLWriter().write([article], context: &context), as: UTF8.self)
}

@Suite struct HTMLSanitizerTests {
    @Test func theVectorCorpusIsRead() {
        #expect(SafeHTMLAudit.vectors.count > 60)
        #expect(SafeHTMLAudit.vectors.contains("<a href=\"jav\tascript:alert(1)\">a</a>"), "the tab in the file is a real tab")
    }

    @Test(arguments: SafeHTMLAudit.vectors)
    func noVectorSurvivesTheSanitizer(vector: String) {
        let clean = HTMLSanitizer.sanitize(html: vector)
        #expect(SafeHTMLAudit.problems(in: clean) == [], "\(vector) → \(clean)")
    }

    /// What a JSON article holds: raw HTML as a block and as inlines inside a paragraph.
    @Test func noVectorReachesTheHTMLPageFromJSONBlocksOrInlines() throws {
        let blocks = SafeHTMLAudit.vectors.flatMap { v in [Block.html(v), .paragraph([.text("before "), .html(v), .text(" after")])] }
        let html = try page(Article(metadata: Metadata(title: "XSS"), blocks: blocks))
        #expect(SafeHTMLAudit.problems(in: html) == [])
        #expect(html.contains("before"))
        // The audit finds what the vectors carry when nothing removes it.
        let raw = try page(Article(metadata: Metadata(title: "XSS"), blocks: blocks), rawHTML: true)
        #expect(SafeHTMLAudit.problems(in: raw).count > 50)
    }

    @Test func theRendererSanitizesByDefault() {
        let markup = XHTMLRenderer().render(blocks: [.html("<img src=x onerror=alert(1)>"), .paragraph([.html("<script>alert(1)</script>")])])
        #expect(SafeHTMLAudit.problems(in: markup) == [])
        #expect(markup.contains("<img src=\"x\"/>"))
    }

    @Test func rawHTMLOptionKeepsMarkupAsWritten() throws {
        let raw = "<div onclick=\"alert(1)\"><script>alert(1)</script></div>"
        let html = try page(Article(blocks: [.html(raw), .paragraph([.html("<b onclick=\"x()\">")])]), rawHTML: true)
        #expect(html.contains(raw))
        #expect(html.contains("<b onclick=\"x()\">"))
        // Links are checked whatever the option: it concerns raw HTML only.
        let link = try page(Article(blocks: [.paragraph([.link(url: "javascript:alert(1)", title: nil, content: [.text("x")])])]), rawHTML: true)
        #expect(!link.contains("javascript:"))
    }

    @Test func safeMarkupSurvives() {
        let png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
        #expect(HTMLSanitizer.sanitize(html: "<b>bold</b> <a href=\"https://example.org/?a=1&amp;b=2\" title=\"T\">link</a>")
                == "<b>bold</b> <a href=\"https://example.org/?a=1&amp;b=2\" title=\"T\">link</a>")
        #expect(HTMLSanitizer.sanitize(html: "<img src=\"\(png)\" alt=\"dot\">") == "<img src=\"\(png)\" alt=\"dot\"/>")
        #expect(HTMLSanitizer.sanitize(html: "<table class=\"t\"><tr><td colspan=\"2\" style=\"color:red\">c</td></tr></table>")
                == "<table class=\"t\"><tr><td colspan=\"2\">c</td></tr></table>")
        #expect(HTMLSanitizer.sanitize(html: "<p>caf&eacute; &lt;b&gt;</p>") == "<p>café &lt;b&gt;</p>")
    }

    /// Markdown gives inline HTML one tag at a time; each stays one tag so the text between is formatted.
    @Test func loneTagsStayLoneSoMarkdownFormattingSurvives() {
        #expect(HTMLSanitizer.sanitize(html: "<sup>") == "<sup>")
        #expect(HTMLSanitizer.sanitize(html: "</sup>") == "</sup>")
        #expect(HTMLSanitizer.sanitize(html: "<span class=\"x\" onclick=\"alert(1)\">") == "<span class=\"x\">")
        #expect(HTMLSanitizer.sanitize(html: "<a href=\"JAVASCRIPT:alert(1)\">") == "<a>")
        #expect(HTMLSanitizer.sanitize(html: "<script>") == "")
        #expect(HTMLSanitizer.sanitize(html: "</script>") == "")
        #expect(HTMLSanitizer.sanitize(html: "<img src=\"javascript:x\" alt=\"pic\">") == "pic")
        #expect(HTMLSanitizer.sanitize(html: "<br>") == "<br/>")
    }

    @Test func theArticlePassSanitizesRawHTMLAndRemovesUnsafeURLs() {
        let article = Article(blocks: [
            .html("<script>alert(1)</script>"),
            .paragraph([.html("<b onclick=x>"), .text("b"), .html("</b>"), .link(url: "vbscript:x", title: nil, content: [.text("v")])]),
        ])
        #expect(HTMLSanitizer.sanitize(article).blocks == [.paragraph([.html("<b>"), .text("b"), .html("</b>"), .text("v")])])
    }
}
