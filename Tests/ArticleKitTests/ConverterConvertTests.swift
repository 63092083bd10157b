import ArticleKit
import Foundation
import Testing

/// `Converter.convert`: several inputs into one output, as `articlekit convert a b --output FILE`.
@Suite struct ConverterConvertTests {
    static func input(_ name: String, _ text: String) -> ReaderInput {
        ReaderInput(data: Data(text.utf8), name: name)
    }

    static let monday = input("mon.json", #"{"title": "Monday", "blocks": [{"type": "paragraph", "content": [{"type": "text", "text": "One."}]}]}"#)
    static let tuesday = input("tue.json", #"{"title": "Tuesday", "blocks": [{"type": "paragraph", "content": [{"type": "text", "text": "Two."}]}]}"#)

    /// Records which articles it was given, and combines them.
    struct TitlesWriter: ArticleWriter {
        let format = FormatInfo(name: "titles", extensions: ["titles"], mediaType: "text/plain", summary: "titles")
        var combinesArticles: Bool { true }
        var inputTransforms: [any ArticleTransform] { [AnyTransform("shout") { a, _ in a.mapStrings { $0.uppercased() } }] }
        func write(_ articles: [Article], context: inout ConversionContext) throws(ArticleError) -> Data {
            Data(articles.map { $0.metadata.title ?? "" }.joined(separator: "|").utf8)
        }
    }

    @Test func aCombiningWriterGetsEveryArticleInOrderAfterItsInputTransforms() throws {
        var context = ConversionContext()
        let data = try Converter().convert([Self.monday, Self.tuesday], to: TitlesWriter(), context: &context)
        #expect(String(decoding: data, as: UTF8.self) == "MONDAY|TUESDAY")
    }

    @Test func aWriterOfOneDocumentGetsACollectionUnderTheTitle() throws {
        var context = ConversionContext()
        context.options.title = "Week"
        let data = try Converter().convert([Self.monday, Self.tuesday], to: "json", context: &context)
        let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(top["title"] as? String == "Week")
        let articles = try #require(top["articles"] as? [[String: Any]])
        #expect(articles.map { $0["title"] as? String } == ["Monday", "Tuesday"])
    }

    @Test func anUnknownOutputFormatIsAnError() {
        var context = ConversionContext()
        do {
            _ = try Converter().convert([Self.monday], to: "nope", context: &context)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unknownFormat)
        }
    }

    @Test func aFailingInputIsNamed() {
        var context = ConversionContext()
        do {
            _ = try Converter().convert([Self.monday, Self.input("bad.json", "{")], to: "json", context: &context)
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "bad.json")
            #expect(error.code == .malformed)
        }
    }
}
