import ArticleCore
import ArticleHTML
import Testing

/// The HTML reader: links resolved against `<base href>`, then checked.
@Suite struct ReaderLinkSafetyTests {
    static let obfuscated = [
        "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java&#x09;script:alert(1)", "java&#10;script:alert(1)",
        "&#106;avascript:alert(1)", "javascript&colon;alert(1)", "vbscript:msgbox(1)", "data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;",
        "file:///etc/passwd",
    ]

    static func links(_ article: Article) -> [String] {
        struct Links: ArticleVisitor {
            var urls: [String] = []
            mutating func visit(inline: Inline) -> Bool {
                if case .link(let url, _, _) = inline { urls.append(url) }
                return true
            }
        }
        var v = Links()
        v.walk(blocks: article.blocks)
        return v.urls
    }

    @Test(arguments: obfuscated)
    func anUnsafeLinkKeepsItsTextWithoutBeingALink(href: String) throws {
        let body = "<h1>Title</h1><p>\(lorem[0]) <a href=\"\(href)\">the words</a> \(lorem[1])</p><p>\(lorem[2])</p>"
        let article = try read(page(body: body))
        #expect(Self.links(article) == [])
        #expect(article.blocks.plainTextContains("the words"))
    }

    @Test func aScriptBaseCannotMakeRelativeLinksScript() throws {
        let body = "<h1>Title</h1><p>\(lorem[0]) <a href=\"next.html\">next</a> <img src=\"p.jpg\" alt=\"a\"> \(lorem[1])</p><p>\(lorem[2])</p>"
        for base in ["javascript:alert(1)//", "JavaScript:alert(1)//", "vbscript:x//", "data:text/html,x//"] {
            let article = try read(page(head: "<base href=\"\(base)\">", body: body))
            let urls = Self.links(article)
            #expect(urls.allSatisfy(URLSafety.isSafeLink), "\(base): \(urls)")
            #expect(urls.contains("next.html"), "the link stays relative: \(urls)")
        }
        let web = try read(page(head: "<base href=\"https://example.org/news/\">", body: body))
        #expect(Self.links(web).contains("https://example.org/news/next.html"))
    }
}

extension Array where Element == Block {
    fileprivate func plainTextContains(_ s: String) -> Bool {
        contains { $0.plainText.contains(s) }
    }
}
