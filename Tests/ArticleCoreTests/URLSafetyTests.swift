import ArticleCore
import Foundation
import Testing

@Suite struct URLSafetyTests {
    /// Script, local-file and unknown schemes, spelled the ways browsers still read as the scheme.
    static let refusedLinks = [
        "javascript:alert(1)", "JavaScript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)",
        "\tjavascript:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:alert(1)",
        "java&#x09;script:alert(1)", "java&#9;script:alert(1)", "java&Tab;script:alert(1)", "javascript&colon;alert(1)",
        "&#106;avascript:alert(1)", "&#x6A&#x61vascript:alert(1)", "&#0000106avascript:alert(1)", "&amp;#106;avascript:alert(1)",
        "\u{1}javascript:alert(1)", "java\u{0}script:alert(1)", "\u{0E}  javascript:alert(1)",
        "vbscript:msgbox(1)", "VBScript:msgbox(1)", "livescript:x", "data:text/html,<script>alert(1)</script>",
        "data:text/html;base64,PHNjcmlwdD4=", "data:image/png;base64,iVBORw0KGgo=", "file:///etc/passwd", "FILE:///etc/passwd",
        "blob:https://example.org/x", "made-up-scheme://x", "ms-msdt:/id", "search-ms:query=x",
    ]

    static let allowedLinks = [
        "https://example.org/a?b=1&c=2#d", "HTTP://example.org", "mailto:a@example.org", "tel:+4912345", "ftp://example.org/f",
        "page.html", "../up/page.html", "/root/page", "#section", "?q=1", "//example.org/x", "a/b:c", "",
    ]

    @Test func scriptLocalAndUnknownSchemesAreRefusedInLinksHoweverSpelled() {
        for url in Self.refusedLinks {
            #expect(!URLSafety.isSafeLink(url), "\(url.debugDescription) must not be a link")
        }
    }

    @Test func webMailRelativeAndFragmentLinksAreAllowed() {
        for url in Self.allowedLinks {
            #expect(URLSafety.isSafeLink(url), "\(url.debugDescription) is a safe link")
        }
    }

    @Test func imagesAllowWebRelativeAndRasterDataOnly() {
        for url in ["https://example.org/p.jpg", "pics/p.png", "data:image/png;base64,iVBORw0KGgo=", "DATA:image/JPEG;base64,/9j/",
                    "data:image/gif,GIF89a", "data:image/webp;base64,UklGR", "data:image/avif;base64,AAAA"] {
            #expect(URLSafety.isSafeImageSource(url), "\(url) is a safe image")
        }
        for url in ["data:image/svg+xml;base64,PHN2Zz4=", "data:text/html,x", "data:,x", "data:image/png", "javascript:alert(1)",
                    "jav&#x09;ascript:alert(1)", "file:///etc/passwd", "mailto:a@example.org", "vbscript:x"] {
            #expect(!URLSafety.isSafeImageSource(url), "\(url) must not be an image source")
        }
    }

    @Test func theSchemeIsReadAsABrowserReadsIt() {
        #expect(URLSafety.scheme(of: " Java&#x09;Script&colon;x") == "javascript")
        #expect(URLSafety.scheme(of: "HTTPS://x") == "https")
        #expect(URLSafety.scheme(of: "page.html") == nil)
        #expect(URLSafety.scheme(of: "#a:b") == nil)
        // `&` that starts no reference (query strings) and references after it.
        #expect(URLSafety.scheme(of: "https://x/?a=1&b=2&colon;3") == "https")
        #expect(URLSafety.scheme(of: "&#106;avascript:x&y=1") == "javascript")
        #expect(URLSafety.scheme(of: "Java&#x09;Script:x&amp;y") == "javascript")
        #expect(!URLSafety.isSafeLink("javascript:x&y&z"))
        #expect(URLSafety.isSafeImageSource("https://img.example/p.jpg?w=800&h=600&fit=crop"))
        #expect(!URLSafety.isSafeImageSource("data:text/html&x&#59;base64,PHNjcmlwdD4="))
        // A reference past U+10FFFF is no character; the check does not overflow on it.
        #expect(URLSafety.scheme(of: "&#99999999999999999999999;x:y") == nil)
    }

    @Test func unsafeLinksKeepTheirTextAndUnsafeImagesTheirAltText() {
        let article = Article(blocks: [
            .paragraph([.text("a "), .link(url: "JavaScript:alert(1)", title: nil, content: [.strong([.text("bold")])]),
                        .text(" "), .link(url: "https://ok.example", title: nil, content: [.text("ok")]),
                        .image(ImageReference(source: "data:image/svg+xml,x", alt: "svg")),
                        .image(ImageReference(source: "file:///etc/passwd", alt: "")), .image(ImageReference(source: "stored.png"))]),
            .figure(Figure(image: ImageReference(source: "vbscript:x"), caption: [.text("cap")], credit: "cr")),
        ], resources: [Resource(path: "stored.png", mediaType: "image/png", data: Data([0x89]))])
        #expect(article.containsUnsafeURL)
        let safe = article.removingUnsafeURLs()
        #expect(!safe.containsUnsafeURL)
        #expect(safe.blocks == [
            .paragraph([.text("a "), .strong([.text("bold")]), .text(" "), .link(url: "https://ok.example", title: nil, content: [.text("ok")]),
                        .text("svg"), .image(ImageReference(source: "stored.png"))]),
            .figure(Figure(image: nil, caption: [.text("cap")], credit: "cr")),
        ])
        #expect(safe.resources == article.resources)
    }
}
