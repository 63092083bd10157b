import ArticleKit
import Foundation
import Testing

/// `convert a.txt b.txt --output both.md` (and html, txt, json): every article keeps its own
/// metadata in the joined document, and the Markdown and JSON read back to every article.
@Suite struct JoinedDocumentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shared scraped corpus and the example articles (not the examples' README).
    static var corpus: [URL] {
        get throws {
            func files(_ folder: URL, _ keep: (URL) -> Bool) throws -> [URL] {
                try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                    .filter(keep).sorted { $0.lastPathComponent < $1.lastPathComponent }
            }
            let scraped = try files(root.appendingPathComponent("../shared/corpus/scraped").standardizedFileURL) { $0.pathExtension == "txt" }
            let examples = try files(root.appendingPathComponent("examples")) {
                ["txt", "md", "html", "json"].contains($0.pathExtension) && $0.lastPathComponent != "README.md"
            }
            return scraped + examples
        }
    }

    /// Each file read alone, and the joined document in `format` read back.
    static func joinAndReadBack(_ files: [URL], format: String, title: String? = nil) throws -> (alone: [Article], back: [Article]) {
        let converter = Converter()
        var context = ConversionContext()
        context.options.title = title
        var alone: [Article] = []
        for f in files { alone += try converter.read(ReaderInput(path: f.path), context: &context) }
        let joined = try converter.convert(files.map { f throws(ArticleError) in try ReaderInput(path: f.path) }, to: format, context: &context)
        let back = try converter.read(ReaderInput(data: joined, name: "joined." + format), context: &context)
        return (alone, back)
    }

    @Test(arguments: ["md", "json"])
    func aJoinedDocumentReadsBackToEveryArticleOfTheCorpus(format: String) throws {
        let files = try Self.corpus
        try #require(files.count >= 3 + 5)
        let (alone, back) = try Self.joinAndReadBack(files, format: format, title: "The corpus")
        try #require(back.count == alone.count)
        for (got, want) in zip(back, alone) {
            let m = got.metadata, w = want.metadata
            #expect(m.title == w.title)
            #expect(m.authors == w.authors, "\(w.title ?? "")")
            #expect(m.published == w.published, "\(w.title ?? "")")
            #expect(m.dateline == w.dateline, "\(w.title ?? "")")
            #expect(m.source == w.source, "\(w.title ?? "")")
            #expect(m == w, "every other field too: \(w.title ?? "")")
            #expect(got.blocks == want.blocks, "and the body: \(w.title ?? "")")
        }
    }

    @Test(arguments: ["md", "json"])
    func convertingAJoinedDocumentAgainKeepsItsTitleUnlessANewOneIsGiven(format: String) throws {
        let files = try Self.corpus.prefix(3)
        let converter = Converter()
        var context = ConversionContext()
        context.options.title = "Week 36"
        let joined = try converter.convert(files.map { f throws(ArticleError) in try ReaderInput(path: f.path) }, to: format, context: &context)
        for (title, expected) in [(nil, "Week 36"), ("Renamed", "Renamed")] as [(String?, String)] {
            var again = ConversionContext()
            again.options.title = title
            let html = String(decoding: try converter.convert([ReaderInput(data: joined, name: "week." + format)], to: "html", context: &again),
                              as: UTF8.self)
            #expect(html.contains("<title>\(expected)</title>"))
        }
    }

    @Test func theCollectionsTitleIsTakenWithoutRepeatingTheReadersWarnings() throws {
        let md = "---\ntitle: Mine\narticles: 2\n---\n\n# A\n\n```yaml article\ndate: someday\n```\n\nOne.\n\n# B\n\n```yaml article\n```\n\nTwo.\n"
        var context = ConversionContext()
        let text = String(decoding: try Converter().convert([ReaderInput(data: Data(md.utf8), name: "mine.md")], to: "txt", context: &context),
                          as: UTF8.self)
        #expect(text.hasPrefix("Mine\n2 articles\n"))
        #expect(context.warnings.map(\.message) == ["article 1: the front matter date \"someday\" is not a date ArticleKit can read; it is kept as the dateline"])
    }

    @Test func htmlAndTextShowEveryArticlesByline() throws {
        let files = try Self.corpus.prefix(3)
        let converter = Converter()
        var context = ConversionContext()
        var alone: [Article] = []
        for f in files { alone += try converter.read(ReaderInput(path: f.path), context: &context) }
        let inputs = try files.map { f throws(ArticleError) in try ReaderInput(path: f.path) }
        let html = String(decoding: try converter.convert(inputs, to: "html", context: &context), as: UTF8.self)
        let text = String(decoding: try converter.convert(inputs, to: "txt", context: &context), as: UTF8.self)
        #expect(html.contains("<title>3 articles</title>"))
        #expect(html.components(separatedBy: "<article").count - 1 == alone.count)
        for a in alone {
            let m = a.metadata
            for name in m.authors { #expect(html.contains(name) && text.contains(name)) }
            if let source = m.source { #expect(html.contains(">\(source)<") && text.contains("· " + source)) }
            if let dateline = m.dateline { #expect(html.contains(dateline) && text.contains(dateline)) }
            if let p = m.published { #expect(html.contains("datetime=\"\(p.iso8601)\"")) }
        }
    }

    @Test func aWriterThatCannotHoldACollectionGetsTheArticlesFlattened() throws {
        struct OneDocument: ArticleWriter {
            let format = FormatInfo(name: "one", extensions: ["one"], mediaType: "text/plain", summary: "one")
            func write(_ articles: [Article], context: inout ConversionContext) throws(ArticleError) -> Data {
                Data("\(articles.count)|\(articles[0].metadata.title ?? "-")|\(articles[0].metadata.authors)|\(articles[0].blocks.map(\.plainText))".utf8)
            }
        }
        let a = ReaderInput(data: Data(#"{"title": "A", "authors": ["Ann"], "source": "S", "blocks": [{"type": "paragraph", "content": [{"type": "text", "text": "One."}]}]}"#.utf8), name: "a.json")
        let b = ReaderInput(data: Data(#"{"title": "B", "authors": ["Bo"], "blocks": []}"#.utf8), name: "b.json")
        var context = ConversionContext()
        let out = String(decoding: try Converter().convert([a, b], to: OneDocument(), context: &context), as: UTF8.self)
        #expect(out == #"1|-|[]|["A", "By Ann · S", "One.", "B", "By Bo"]"#)
    }
}
