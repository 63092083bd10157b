import ArticleCore
import ArticleText
import Foundation
import Testing

/// Several articles in one plain-text file: each with its title, byline, date and source lines.
@Suite struct PlainTextCollectionTests {
    static let articles = [
        Article(metadata: Metadata(title: "Rice harvest", authors: ["Ann"], dateline: "HANOI, Sept. 5", source: "VnExpress"),
                blocks: [.paragraph([.text("One.")])]),
        Article(metadata: Metadata(title: "School year", authors: ["Bo", "Cy"], published: ArticleDate(iso8601: "2011-09-05T08:30:00+07:00"),
                                   source: "Baonghean"),
                blocks: [.paragraph([.text("Two.")])]),
    ]

    static func text(_ articles: [Article], title: String?) throws -> String {
        var context = ConversionContext()
        context.options.title = title
        return String(decoding: try PlainTextWriter().write(articles, context: &context), as: UTF8.self)
    }

    @Test func everyArticleHasItsOwnTitleBylineDateAndSource() throws {
        let out = try Self.text(Self.articles, title: nil)
        let parts = out.components(separatedBy: "\n\n====================\n\n")
        #expect(parts == [
            "Rice harvest\n============\n\nBy Ann\nHANOI, Sept. 5 · VnExpress\n\nOne.\n",
            "School year\n===========\n\nBy Bo and Cy\n2011-09-05T08:30:00+07:00 · Baonghean\n\nTwo.\n",
        ])
    }

    @Test func aTitledCollectionSaysSoFirst() throws {
        let out = try Self.text(Self.articles, title: "Week 36")
        #expect(out.hasPrefix("Week 36\n2 articles\n\n\n====================\n\nRice harvest\n"))
    }

    @Test func oneArticleHasNoCollectionHeading() throws {
        let out = try Self.text([Self.articles[0]], title: "Week 36")
        #expect(out.hasPrefix("Rice harvest\n=") && !out.contains("Week 36") && !out.contains("===================="))
    }
}
