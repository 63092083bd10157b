import ArticleCore
import Testing

/// The collection's own metadata, and `Article.joined` for writers that cannot hold a collection.
@Suite struct ArticleCollectionTests {
    static let a = Article(metadata: Metadata(title: "A", authors: ["Ann"], dateline: "HANOI", source: "S", language: "vi", tags: ["x"]),
                           blocks: [.paragraph([.text("One.")])])
    static let b = Article(metadata: Metadata(title: "B", authors: ["Bo", "Cy"], published: ArticleDate(iso8601: "2011-09-05T08:30:00+07:00"),
                                              language: "vi"),
                           blocks: [.heading(level: 1, content: [.text("B")]), .paragraph([.text("Two.")])])

    @Test func theCollectionHasOnlyTheMetadataItIsGiven() {
        let c = ArticleCollection([Self.a, Self.b], title: "  ")
        #expect(c.metadata == Metadata())
        #expect(c.displayTitle == "2 articles")
        #expect(c.sharedLanguage == "vi")
        var mixed = Self.b
        mixed.metadata.language = "en"
        #expect(ArticleCollection([Self.a, mixed], title: "Week").sharedLanguage == nil)
        #expect(ArticleCollection([Self.a, mixed], title: "Week").displayTitle == "Week")
    }

    @Test func joinedKeepsEachBylineAsTextAndMergesNothingIntoTheDocument() {
        let j = Article.joined([Self.a, Self.b], title: nil)
        #expect(j.metadata == Metadata(language: "vi"))
        #expect(j.blocks == [
            .heading(level: 1, content: [.text("A")]),
            .paragraph([.emphasis([.text("By Ann · HANOI · S")])]),
            .paragraph([.text("One.")]),
            // The body's own heading is the title heading: not repeated.
            .heading(level: 1, content: [.text("B")]),
            .paragraph([.emphasis([.text("By Bo and Cy · 2011-09-05T08:30:00+07:00")])]),
            .paragraph([.text("Two.")]),
        ])
        #expect(Article.joined([Self.a]) == Self.a)
        #expect(Article.joined([Self.a, Self.b], title: "Week").metadata.title == "Week")
    }
}
