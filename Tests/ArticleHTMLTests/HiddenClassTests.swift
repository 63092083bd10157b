@testable import ArticleHTML
import ArticleCore
import Foundation
import Testing

/// Blocks a CSS framework's utility class hides (a paywall prompt, a closed menu) are not the
/// article; a class that shows them again at some screen size, or a hidden span inside text,
/// keeps the text.
@Suite struct HiddenClassTests {
    @Test func aHiddenSubscribePromptInsideTheArticleIsLeftOut() throws {
        for hiding in ["intro-body__premium hidden", "d-none", "modal is-hidden", "hide", "u-hidden"] {
            let body = """
            <article><h1>Tram network to grow</h1>
            <div class="\(hiding)"><div class="h2">This content is reserved for subscribers only</div>
            <p>Subscribe now to read the latest news in your city and across the country, every day.</p></div>
            <p>\(lorem[0])</p><p>\(lorem[1])</p><p>\(lorem[2])</p></article>
            """
            let a = try read(page(body: body))
            #expect(a.paragraphs == [lorem[0], lorem[1], lorem[2]], "class=\"\(hiding)\"")
        }
    }

    @Test func aBlockShownAgainAtSomeScreenSizeIsRead() throws {
        for showing in ["hidden md:block", "hidden desktop:flex", "d-none d-lg-block", "is-hidden is-block-desktop", "hidden-xs"] {
            let body = """
            <article><h1>Tram network to grow</h1>
            <div class="\(showing)"><p>\(lorem[0])</p></div><p>\(lorem[1])</p><p>\(lorem[2])</p></article>
            """
            let a = try read(page(body: body))
            #expect(a.paragraphs == [lorem[0], lorem[1], lorem[2]], "class=\"\(showing)\"")
        }
    }

    @Test func aHiddenSpanInsideAParagraphKeepsItsText() throws {
        let body = """
        <article><h1>Tram network to grow</h1>
        <p>The council voted on Tuesday<span class="hide">, after a long debate,</span> to extend the tram network to the airport by 2030.</p>
        <p>\(lorem[1])</p><p>\(lorem[2])</p></article>
        """
        let a = try read(page(body: body))
        #expect(a.paragraphs.first == "The council voted on Tuesday, after a long debate, to extend the tram network to the airport by 2030.")
    }

    @Test func aWholeArticleParkedInAHiddenBlockIsStillRead() throws {
        let paragraphs = moreLorem.map { "<p>\($0)</p>" }.joined()
        let body = "<div class=\"hidden\"><article><h1>Tram network to grow</h1>\(paragraphs)</article></div>"
        let a = try read(page(body: body))
        #expect(a.paragraphs == moreLorem)
    }

    @Test func classListsAreReadWordByWord() {
        func hides(_ s: String) -> Bool {
            var s = s
            return s.withUTF8 { BoilerplateRules.classListHides($0) }
        }
        #expect(hides("hidden"))
        #expect(hides("  card\thidden\n"))
        #expect(hides("d-none d-print-none"))
        #expect(!hides("hiddenfigures"))
        #expect(!hides("is-hidden-mobile"))
        #expect(!hides("not-hidden-here"))
        #expect(!hides("hidden lg:inline-block"))
        #expect(!hides("d-none d-md-flex"))
        #expect(!hides(""))
    }
}
