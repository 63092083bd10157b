import ArticleCore
import ArticleKit
import Foundation
import Testing

/// Reading books back: ArticleKit's own exactly, other people's in order, hostile ones refused.
@Suite struct EPUBReaderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func read(_ data: Data, name: String = "book.epub", options: ConversionOptions = ConversionOptions()) throws -> [Article] {
        var context = ConversionContext(options: options)
        return try Converter().read(ReaderInput(data: data, name: name), from: "epub", context: &context)
    }

    func book(_ articles: [Article]) throws -> Data {
        var context = ConversionContext()
        return try EPUBWriter().write(articles, context: &context)
    }

    /// Every article of the shared scraped corpus and of examples/.
    static func corpusInputs() -> [URL] {
        let fm = FileManager.default
        var urls: [URL] = []
        for dir in [root.appendingPathComponent("../shared/corpus/scraped"), root.appendingPathComponent("examples")] {
            for name in (try? fm.contentsOfDirectory(atPath: dir.path)) ?? [] where !name.hasSuffix(".expect.json") {
                let u = dir.appendingPathComponent(name)
                if Converter().registry.reader(forPath: name) != nil && name != "README.md" { urls.append(u) }
            }
        }
        return urls.sorted { $0.path < $1.path }
    }

    @Test func jsonThroughEPUBAndBackIsTheSameForTheWholeCorpus() throws {
        let inputs = Self.corpusInputs()
        try #require(inputs.count >= 5, "the corpus and the examples are there")
        let converter = Converter()
        for url in inputs {
            var context = ConversionContext()
            // The article as JSON, as a user would have it.
            let original = try converter.read(ReaderInput(path: url.path), context: &context)
            let json = try converter.write(original, to: "json", context: &context)
            let fromJSON = try converter.read(ReaderInput(data: json, name: "a.json"), context: &context)
            let epub = try converter.write(fromJSON, to: "epub", context: &context)
            let back = try read(epub)
            let again = try converter.write(back, to: "json", context: &context)
            #expect(String(decoding: again, as: UTF8.self) == String(decoding: json, as: UTF8.self), "\(url.lastPathComponent)")
        }
    }

    @Test func severalArticlesComeBackAsThoseArticles() throws {
        let a = Fixtures.article(title: "One")
        let b = Fixtures.article(title: "Two", url: "https://example.org/two")
        let back = try read(try book([a, b]))
        #expect(back == [a, b], "including dateline, captions, credits, lists and the image bytes")
    }

    @Test func pandocBooksReadInOrder() throws {
        for name in ["pandoc-epub3.epub", "pandoc-epub2.epub"] {
            let data = try Data(contentsOf: Self.root.appendingPathComponent("Tests/ArticleEPUBTests/Books/" + name))
            let articles = try read(data, name: name)
            let text = articles.map { $0.blocks.map(\.plainText).joined(separator: "\n") }.joined(separator: "\n")
            let first = try #require(text.range(of: "Some text in the first chapter"), "\(name)")
            let second = try #require(text.range(of: "More text here, and a link."), "\(name)")
            #expect(first.lowerBound < second.lowerBound, "chapters in spine order")
            #expect(articles.contains { $0.metadata.title == "First chapter" } && articles.contains { $0.metadata.title == "Second chapter" })
            #expect(articles.allSatisfy { $0.metadata.authors == ["Jane Roe"] && $0.metadata.language == "en" })
            let chapter = try #require(articles.first { $0.metadata.title == "First chapter" })
            #expect(chapter.blocks.contains { if case .table = $0 { true } else { false } }, "the table comes through")
            #expect(chapter.resources.contains { $0.mediaType == "image/png" }, "the image comes with the article")
            #expect(text.contains("The footnote text."))
        }
    }

    @Test func joinChaptersMakesOneArticleWithAHeadingPerChapter() throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Tests/ArticleEPUBTests/Books/pandoc-epub3.epub"))
        var options = ConversionOptions()
        options.extra["epub-chapters"] = "join"
        let articles = try read(data, options: options)
        try #require(articles.count == 1)
        #expect(articles[0].metadata.title == "A Small Book")
        let headings = articles[0].blocks.compactMap { if case .heading(1, let c) = $0 { c.plainText } else { nil } }
        #expect(headings.contains("First chapter") && headings.contains("Second chapter"))
    }

    @Test func limitsAreOverridable() throws {
        let data = try book([Fixtures.article()])
        var tight = EPUBArchiveLimits()
        tight.maximumEntries = 3
        var context = ConversionContext()
        #expect(throws: ArticleError.self) { try EPUBReader(limits: tight).read(ReaderInput(data: data, name: "b.epub"), context: &context) }
        do {
            _ = try EPUBReader(limits: tight).read(ReaderInput(data: data, name: "b.epub"), context: &context)
        } catch {
            #expect(error.code == .limitExceeded && error.message.contains("3 entries"))
        }
    }
}
