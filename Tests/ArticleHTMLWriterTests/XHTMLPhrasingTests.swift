import ArticleHTML
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite struct XHTMLPhrasingTests {
    private func p(_ html: String) -> [String] { XHTMLPhrasing.paragraphs(fromHTML: html) }

    @Test func blocksSplitParagraphsAndFormattingIsKept() {
        #expect(p("<div><p>One <em>two</em></p><p>Three<br>four</p></div>") == ["One <em>two</em>", "Three<br/>four"])
        #expect(p("<ul><li>a</li><li>b</li></ul>") == ["a", "b"])
        #expect(p("<table><tr><td>x</td></tr></table>") == ["x"])
        #expect(p("<table><tr><td>a<td>b</tr><tr><th>c</th></tr></table>") == ["a b", "c"])
    }

    @Test func malformedMarkupIsBalanced() {
        #expect(p("<p>unclosed <b>bold</div>") == ["unclosed <b>bold</b>"])
        #expect(p("<i><b>x</i> y</b>") == ["<i><b>x</b></i> y"])
        #expect(p("a < b && c > d") == ["a &lt; b &amp;&amp; c &gt; d"])
        #expect(p("trailing <b") == ["trailing &lt;b"])
    }

    @Test func scriptsCommentsAndAttributesGo() {
        #expect(p("<script>alert(1)</script><style>p{}</style>Hi<!-- note --> <span class=\"x\" onclick=\"y\">there</span>") == ["Hi there"])
        #expect(p("<a href=\"javascript:x\">link</a> <img src=x alt=\"A &amp; B\">") == ["link A &amp; B"])
        #expect(p("<p> </p><div></div>") == [])
    }

    @Test func everyParagraphIsWellFormed() {
        for html in ["<b><i>x", "</b>x<b>", "<p>a<p>b", "<sup>2</sup>&nbsp;&#x1F33E;&bogus;", "<<>>"] {
            for para in p(html) {
                #expect(XMLParser(data: Data("<p>\(para)</p>".utf8)).parse(), "\(html) → \(para)")
            }
        }
    }
}
