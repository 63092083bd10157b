import ArticleCore
import ArticleHTML
import Foundation
import Testing

/// A paragraph the page repeats is the article's text and stays; a component rendered twice
/// (a subscribe box at the top and the bottom) is kept once.
@Suite struct RepeatedBlockTests {
    @Test func aParagraphRepeatedLaterInTheArticleIsKept() throws {
        let body = """
        <h1>Tram network to grow</h1>
        <p>\(lorem[0])</p><p>\(lorem[1])</p><p>\(lorem[2])</p>
        <h2>What the mayor said</h2>
        <p>\(moreLorem[3])</p><p>\(lorem[2])</p>
        """
        let a = try read(page(body: body))
        #expect(a.paragraphs == [lorem[0], lorem[1], lorem[2], moreLorem[3], lorem[2]])
    }

    @Test func theSameParagraphSeveralTimesInARowIsKept() throws {
        let body = "<h1>Refrain</h1>" + String(repeating: "<p>\(lorem[0])</p>", count: 3) + "<p>\(lorem[1])</p>"
        let a = try read(page(body: body))
        #expect(a.paragraphs == [lorem[0], lorem[0], lorem[0], lorem[1]])
    }

    @Test func aComponentRenderedTwiceIsKeptOnce() throws {
        let promo = """
        <p>Enjoy the latest local, national and international news, every morning.</p>
        <ul><li>Exclusive articles from our reporters across the country</li><li>Daily puzzles</li></ul>
        """
        let body = """
        <h1>Tram network to grow</h1>
        <p>\(lorem[0])</p>\(promo)<p>\(lorem[1])</p><p>\(lorem[2])</p>\(promo)<p>\(moreLorem[3])</p>
        """
        let a = try read(page(body: body))
        let promos = a.blocks.filter { $0.plainText.hasPrefix("Enjoy the latest") }
        #expect(promos.count == 1)
        let lists = a.blocks.filter { if case .list = $0 { return true } else { return false } }
        #expect(lists.count == 1)
        #expect(a.paragraphs.filter { !$0.hasPrefix("Enjoy") } == [lorem[0], lorem[1], lorem[2], moreLorem[3]])
    }
}
