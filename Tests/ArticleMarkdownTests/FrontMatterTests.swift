import ArticleCore
import ArticleLanguage
import ArticleMarkdown
import Testing

/// YAML front matter: the known keys, unknown keys kept, bad YAML and bad dates.
@Suite struct FrontMatterTests {
    @Test func knownKeysMapToMetadata() throws {
        let (a, warnings) = try read("""
            ---
            title: "Rice harvest: a record"
            subtitle: Nghe An
            authors: [Thanh Le, Minh Anh]
            date: 2011-09-05 08:30:00 +07:00
            dateline: Monday, 05/09/2011 - 08:30
            source: Baonghean
            url: https://baonghean.vn/a.html
            language: vi
            tags: farming, rice
            description: A short summary.
            ---
            Body.
            """)
        let m = a.metadata
        #expect(warnings.isEmpty)
        #expect(m.title == "Rice harvest: a record")
        #expect(m.subtitle == "Nghe An")
        #expect(m.authors == ["Thanh Le", "Minh Anh"])
        #expect(m.published?.iso8601 == "2011-09-05T08:30:00+07:00")
        #expect(m.dateline == "Monday, 05/09/2011 - 08:30")
        #expect(m.source == "Baonghean")
        #expect(m.url == "https://baonghean.vn/a.html")
        #expect(m.language == "vi")
        #expect(m.tags == ["farming", "rice"])
        #expect(m.summary == "A short summary.")
        #expect(m.extra.isEmpty)
        #expect(a.blocks == [.paragraph([.text("Body.")])])
    }

    @Test func unknownKeysAreKept() throws {
        let a = try read("---\nlayout: post\ndraft: false\nweight: 3\nseries: {name: Farming, part: 2}\nalso: [1, two]\nauthor: Single Name\n---\nx").article
        #expect(a.metadata.authors == ["Single Name"])
        #expect(a.metadata.extra == [
            "layout": .string("post"), "draft": .bool(false), "weight": .number(3),
            "series": .object(["name": .string("Farming"), "part": .number(2)]),
            "also": .array([.number(1), .string("two")]),
        ])
    }

    @Test func unparseableDateIsKeptAsTheDatelineWithAWarning() throws {
        let (a, warnings) = try read("---\ndate: next Tuesday\n---\nx")
        #expect(a.metadata.published == nil)
        #expect(a.metadata.dateline == "next Tuesday")
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("next Tuesday") == true)
    }

    @Test func invalidYAMLNamesTheLine() {
        do {
            _ = try read("---\ntitle: x\ntags: [a, b\nauthor: y\n---\nbody")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .malformed)
            #expect(error.line == 4)
            #expect(error.message.contains("front matter is not valid YAML"))
        }
    }

    @Test func dashesThatAreMarkdownStayMarkdown() throws {
        #expect(try blocks("---\nFoo\n---\nBar") == [.rule, .heading(level: 2, content: [.text("Foo")]), .paragraph([.text("Bar")])])
        #expect(try blocks("---\n---") == [.rule, .rule])
    }

    @Test func writerEmitsOnlySetFieldsAndSortedExtras() {
        var m = Metadata(title: "A title: with colon", authors: ["A", "B"], published: ArticleDate(year: 2011, month: 9, day: 5, hour: 8, minute: 30, utcOffsetMinutes: 420),
                         source: "Baonghean", language: "vi", tags: ["x"])
        m.extra = ["zeta": .string("yes"), "alpha": .array([.number(1.5), .null]), "draft": .bool(true)]
        #expect(markdown([.paragraph([.text("The body")]), .heading(level: 1, content: [.text("H")])], metadata: m) == """
            ---
            title: "A title: with colon"
            authors:
              - A
              - B
            date: 2011-09-05T08:30:00+07:00
            source: Baonghean
            lang: vi
            tags:
              - x
            alpha:
              - 1.5
              - null
            draft: true
            zeta: "yes"
            ---

            The body

            # H

            """)
    }

    @Test func plainTitleIsWrittenAsTheLeadingHeading() {
        #expect(markdown([.paragraph([.text("Body")])], metadata: Metadata(title: "Title", authors: ["Me"]))
            == "---\nauthor: Me\n---\n\n# Title\n\nBody\n")
    }

    @Test func detectedLanguageIsNotWritten() {
        let english = [Block.paragraph([.text("The city council voted on Monday to build eight kilometres of protected bicycle lanes through the old town, and work will begin in the spring.")])]
        let writer = MarkdownWriter(detectLanguage: { LanguageDetector.detect(in: $0) })
        #expect(!writer.markdown(Article(metadata: Metadata(language: "en"), blocks: english)).contains("lang:"))
        #expect(writer.markdown(Article(metadata: Metadata(language: "vi"), blocks: english)).contains("lang: vi"))
        // With no detector to find it again, the language is always written.
        #expect(markdown(english, metadata: Metadata(language: "en")).contains("lang: en"))
    }
}
