import ArticleCore
import ArticleMarkdown
import Foundation
import Testing

/// Several articles in one Markdown document (a collection): each keeps its metadata, and the
/// reader gives every article back.
@Suite struct JoinedMarkdownTests {
    static let para = Block.paragraph([.text("Body text.")])

    static let articles: [Article] = [
        Article(metadata: Metadata(title: "Rice harvest begins", subtitle: "Farmers race the storm",
                                   authors: ["Nguyen Van A", "Tran Thi B"],
                                   published: ArticleDate(iso8601: "2011-09-05T08:30:00+07:00"),
                                   dateline: "HANOI, Sept. 5", source: "VnExpress", url: "https://example.org/rice",
                                   tags: ["farming", "weather"], summary: "The harvest, early.",
                                   extra: ["section": .string("Economy")]),
                blocks: [para, .heading(level: 1, content: [.text("A section of its own")]), para]),
        // A title that cannot be a plain heading, and a body that ends with a level-1 heading.
        Article(metadata: Metadata(title: "Two\nlines", authors: ["C"], dateline: "not a date", source: "Tuổi Trẻ"),
                blocks: [para, .heading(level: 1, content: [.text("Trailing heading")])]),
        // No title at all, right after that heading: it must not take the heading as its title.
        Article(metadata: Metadata(authors: ["D"]), blocks: [para]),
        // Nothing but a body.
        Article(blocks: [.list(ListBlock(ordered: false, items: [ListItem(blocks: [para])])), para]),
    ]

    static func readBack(_ text: String) throws -> (ArticleCollection, [ConversionWarning]) {
        var context = ConversionContext()
        let c = try MarkdownReader().collection(markdown: text, context: &context)
        return (c, context.warnings)
    }

    @Test func everyArticleReadsBackWithItsMetadataAndBody() throws {
        let text = MarkdownWriter().markdown(ArticleCollection(Self.articles, title: "Week 36"))
        let (back, warnings) = try Self.readBack(text)
        #expect(warnings.isEmpty)
        #expect(back.metadata == Metadata(title: "Week 36"))
        try #require(back.articles.count == Self.articles.count)
        for (got, want) in zip(back.articles, Self.articles) {
            #expect(got.metadata == want.metadata)
            #expect(got.blocks == want.blocks)
        }
    }

    @Test func theDocumentIsCommonMarkAHumanCanRead() throws {
        let text = MarkdownWriter().markdown(ArticleCollection(Self.articles, title: nil))
        // Front matter that marks and counts the articles, no title of the first article's.
        #expect(text.hasPrefix("---\narticles: 4\n---\n\n# Rice harvest begins\n\n```yaml article\n"))
        #expect(text.contains("authors:\n  - Nguyen Van A\n  - Tran Thi B\ndate: 2011-09-05T08:30:00+07:00\ndateline: HANOI, Sept. 5\nsource: VnExpress\n"))
        // cmark sees each article's metadata as a YAML code block after its title heading.
        let blocks = try blocks(text.split(separator: "---\n", maxSplits: 2).last.map(String.init) ?? "")
        let codes = blocks.filter { if case .code(language: "yaml article", _) = $0 { true } else { false } }
        #expect(codes.count == 4)
    }

    @Test func oneArticleIsWrittenExactlyAsBefore() throws {
        let one = Self.articles[0]
        var context = ConversionContext()
        context.options.title = "Ignored for one article"
        let data = try MarkdownWriter().write([one], context: &context)
        #expect(String(decoding: data, as: UTF8.self) == MarkdownWriter().markdown(one))
        #expect(!MarkdownWriter().markdown(one).contains("yaml article"))
    }

    @Test func severalArticlesGivenToWriteMakeACollectionTitledByTheOption() throws {
        var context = ConversionContext()
        context.options.title = "Week"
        let data = try MarkdownWriter().write(Array(Self.articles.prefix(2)), context: &context)
        let (back, _) = try Self.readBack(String(decoding: data, as: UTF8.self))
        #expect(back.metadata.title == "Week")
        #expect(back.articles.map(\.metadata.title) == ["Rice harvest begins", "Two\nlines"])
    }

    @Test func aMetadataBlockIsOnlyAnArticleInADocumentMarkedAsJoined() throws {
        // An ordinary document that shows a `yaml article` block is one article, block kept.
        let text = "# Notes\n\n```yaml article\nauthor: X\n```\n\nText.\n"
        let (c, _) = try Self.readBack(text)
        #expect(c.articles.count == 1)
        #expect(c.articles[0].metadata.title == "Notes" && c.articles[0].metadata.authors.isEmpty)
        #expect(c.articles[0].blocks.first == .code(language: "yaml article", text: "author: X"))
        var context = ConversionContext()
        let viaRead = try MarkdownReader().read(ReaderInput(data: Data(text.utf8), name: "n.md"), context: &context)
        #expect(viaRead == c.articles)
    }

    @Test func aHandEditedDocumentKeepsEveryBlockAndSaysWhenTheCountIsWrong() throws {
        let text = "---\ntitle: Mine\narticles: 5\n---\n\nAn introduction.\n\n# One\n\n```yaml article\nsource: S\n```\n\nFirst.\n"
        let (c, warnings) = try Self.readBack(text)
        #expect(c.metadata.title == "Mine" && c.metadata.extra.isEmpty)
        #expect(c.articles.map(\.metadata.title) == [nil, "One"])
        #expect(c.articles[0].blocks == [.paragraph([.text("An introduction.")])])
        #expect(c.articles[1].metadata.source == "S")
        #expect(warnings.contains { $0.message.contains("says 5 articles") })
    }

    /// Strings that mean something to Markdown, YAML or the joined form itself.
    static let awkward = ["---", "...", "```", "~~~ yaml article", "# x", "a: b", "- item", "two\nlines", " leading", "trailing ",
                          "yaml article", "articles: 3", "<!-- x -->", "\\", "\"", "'", "##", "[x](javascript:y)", "*", "Tuổi Trẻ 🌾", "null", "1"]

    @Test func awkwardMetadataSurvivesTheJoinedForm() throws {
        var articles: [Article] = []
        for (i, s) in Self.awkward.enumerated() {
            let other = Self.awkward[(i + 7) % Self.awkward.count]
            articles.append(Article(metadata: Metadata(title: s, authors: [other, s], dateline: s, source: other, url: s, summary: other),
                                    blocks: i % 3 == 0 ? [] : [.paragraph([.text(other)]), .heading(level: 1, content: [.text(s)])]))
        }
        let text = MarkdownWriter().markdown(ArticleCollection(articles, title: Self.awkward[4]))
        let (back, _) = try Self.readBack(text)
        #expect(back.metadata.title == Self.awkward[4])
        try #require(back.articles.count == articles.count)
        for (got, want) in zip(back.articles, articles) {
            #expect(got.metadata == want.metadata)
            #expect(got.blocks == want.blocks)
        }
    }

    @Test func anArticleThatShowsAMetadataBlockOfItsOwnIsWarnedAbout() throws {
        var context = ConversionContext()
        let odd = Article(metadata: Metadata(title: "Odd"), blocks: [.code(language: "yaml article", text: "author: X")])
        _ = try MarkdownWriter().write([Self.articles[0], odd], context: &context)
        #expect(context.warnings.map(\.message) == ["article 2 holds a code block marked `yaml article`; read back, the joined file starts a new article there"])
    }

    @Test func badYAMLInAnArticleBlockNamesTheArticle() {
        let text = "---\narticles: 2\n---\n\n# A\n\n```yaml article\n```\n\n# B\n\n```yaml article\nauthor: [unclosed\n```\n"
        do {
            _ = try Self.readBack(text)
            Issue.record("expected an error")
        } catch let error as ArticleError {
            #expect(error.code == .malformed && error.message.hasPrefix("article 2's metadata block:"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
