import ArticleCore
import ArticleJSON
import ArticleLanguage
import ArticleMarkdown
import Foundation
import Testing

/// The bundled Markdown example (`examples/rice-harvest.md`): what a reader of it gets, and
/// that JSON and Markdown keep all of it.
@Suite struct ExampleArticleTests {
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/rice-harvest.md")

    static func article() throws -> Article {
        var context = ConversionContext()
        let input = ReaderInput(data: try Data(contentsOf: url), name: "rice-harvest.md", fileURL: url)
        return try MarkdownReader().read(input, context: &context)[0]
    }

    @Test func metadataAndFigure() throws {
        let a = try Self.article()
        #expect(a.metadata.title == "Nghe An farmers bring in a record rice harvest")
        #expect(a.metadata.authors == ["Thanh Le", "Minh Anh"])
        #expect(a.metadata.published?.iso8601 == "2011-09-05T08:30:00+07:00")
        #expect(a.metadata.extra == ["series": .string("Autumn harvest")])
        let figures = a.blocks.compactMap { if case .figure(let f) = $0 { return f } else { return nil } }
        #expect(figures == [Figure(image: ImageReference(source: "images/rice-field.png", alt: "Farmers harvesting rice in Yen Thanh"),
                                   caption: [.text("Farmers harvest rice in Yen Thanh district.")], credit: "Thanh Le")])
    }

    @Test func survivesJSONAndMarkdown() throws {
        let a = try Self.article()
        var context = ConversionContext()
        let json = try JSONWriter().write([a], context: &context)
        let fromJSON = try JSONReader().read(ReaderInput(data: json, name: "a.json"), context: &context)[0]
        #expect(fromJSON == a)
        let markdown = MarkdownWriter(detectLanguage: { LanguageDetector.detect(in: $0) }).markdown(fromJSON)
        // `lang: en` is left out of the Markdown because the text says it; the pipeline's
        // detect-language step finds it again.
        #expect(!markdown.contains("lang:"))
        let back = try MarkdownReader().read(markdown: markdown, context: &context)
        #expect(try AnyTransform.detectLanguage.apply(to: back, context: &context) == a)
    }
}
