import ArticleCore
import ArticleHTML
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Several articles on one HTML page: the page's metadata is the collection's, and every
/// `<article>` has its own header.
@Suite struct HTMLCollectionTests {
    static let first = Article(
        metadata: Metadata(title: "Rice harvest", authors: ["Ann"], published: ArticleDate(iso8601: "2011-09-05T08:30:00+07:00"),
                           dateline: "HANOI, Sept. 5", source: "VnExpress", url: "https://example.org/rice",
                           language: "vi", summary: "First summary."),
        blocks: [.paragraph([.text("One.")])])
    static let second = Article(
        metadata: Metadata(title: "School year", authors: ["Bo", "Cy"], dateline: "VINH", source: "Baonghean", language: "en"),
        blocks: [.paragraph([.text("Two.")])])

    static func page(_ articles: [Article], title: String?) throws -> String {
        var context = ConversionContext()
        context.options.title = title
        return String(decoding: try HTMLWriter().write(articles, context: &context), as: UTF8.self)
    }

    @Test func eachArticleKeepsItsOwnHeader() throws {
        let html = try Self.page([Self.first, Self.second], title: nil)
        #expect(XMLParser(data: Data(html.utf8)).parse())
        let articles = html.components(separatedBy: "<article").dropFirst()
        try #require(articles.count == 2)
        let one = articles[articles.startIndex], two = articles[articles.startIndex + 1]
        #expect(one.contains(">Rice harvest</h1>") && one.contains("<p class=\"byline\">Ann</p>"))
        #expect(one.contains("<time datetime=\"2011-09-05T08:30:00+07:00\">HANOI, Sept. 5</time>"))
        #expect(one.contains("<a href=\"https://example.org/rice\">VnExpress</a>"))
        #expect(two.contains(">School year</h1>") && two.contains("<p class=\"byline\">Bo, Cy</p>"))
        #expect(two.contains("<p class=\"dateline\">VINH</p>") && two.contains("<p class=\"source\">Baonghean</p>"))
        // The languages differ: the page says none, each article says its own.
        #expect(html.contains("<html lang=\"und\">") && one.hasPrefix(" lang=\"vi\"") && two.hasPrefix(" lang=\"en\""))
    }

    @Test func thePageIsTheCollectionsNotTheFirstArticles() throws {
        let untitled = try Self.page([Self.first, Self.second], title: nil)
        #expect(untitled.contains("<title>2 articles</title>"))
        #expect(!untitled.contains("<meta name=\"author\"") && !untitled.contains("First summary.\"/>")
                && !untitled.contains("rel=\"canonical\""))
        #expect(!untitled.contains("collection-header"))
        let titled = try Self.page([Self.first, Self.second], title: "Week <36>")
        #expect(titled.contains("<title>Week &lt;36&gt;</title>"))
        #expect(titled.contains("<header class=\"collection-header\">\n<h1>Week &lt;36&gt;</h1>\n</header>\n<article"))
    }

    @Test func aCollectionOfOneIsStillTheCollections() throws {
        let html = HTMLWriter().page(ArticleCollection([Self.first], title: nil))
        #expect(html.contains("<title>1 article</title>") && !html.contains("<meta name=\"author\""))
        #expect(html.contains(">Rice harvest</h1>"))
    }

    @Test func oneArticleIsThePageItWasBefore() throws {
        let html = try Self.page([Self.first], title: nil)
        #expect(html.contains("<title>Rice harvest</title>") && html.contains("<html lang=\"vi\">"))
        #expect(html.contains("<meta name=\"author\" content=\"Ann\"/>") && !html.contains("collection-header"))
    }
}
