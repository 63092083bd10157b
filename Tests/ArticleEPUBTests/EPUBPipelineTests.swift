import ArticleKit
import Foundation
import Testing

/// The path `articlekit convert a.json b.json --to epub` takes: the registry's writer, its
/// input transforms run by the converter, then one book.
@Suite struct EPUBPipelineTests {
    @Test func registeredWritersAndABookFromJSONFiles() throws {
        let converter0 = Converter()
        let writer = try converter0.writer(named: "epub")
        #expect(writer.combinesArticles)
        #expect(try converter0.writer(named: "html").format.extensions == ["html", "htm"])
        #expect(converter0.registry.writer(forPath: "week.epub")?.format.name == "epub")

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("epub-pipeline-\(getpid())")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("pics"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try tinyPNG.write(to: dir.appendingPathComponent("pics/p.png"))
        let first = """
        {"title": "Monday", "language": "en", "url": "https://example.org/mon", "blocks": [
          {"type": "figure", "image": {"src": "pics/p.png", "alt": "A picture"},
           "caption": [{"type": "text", "text": "Caption."}], "credit": "Photographer"},
          {"type": "paragraph", "content": [{"type": "link", "url": "https://example.org/tue", "content": [{"type": "text", "text": "Tuesday"}]}]}]}
        """
        let second = #"{"title": "Tuesday", "url": "https://example.org/tue", "blocks": [{"type": "paragraph", "content": [{"type": "text", "text": "Hi."}]}]}"#
        try Data(first.utf8).write(to: dir.appendingPathComponent("mon.json"))
        try Data(second.utf8).write(to: dir.appendingPathComponent("tue.json"))

        var converter = converter0
        converter.transforms += writer.inputTransforms
        var options = ConversionOptions()
        options.title = "Week & weekend"
        var context = ConversionContext(options: options)
        var articles: [Article] = []
        for name in ["mon.json", "tue.json"] {
            articles += try converter.read(try ReaderInput(path: dir.appendingPathComponent(name).path), context: &context)
        }
        let data = try writer.write(articles, context: &context)
        let book = try UnzippedBook(data)
        #expect(book.chapters.count == 2)
        #expect(book.opf.contains("<dc:title id=\"title\">Week &amp; weekend</dc:title>"))
        #expect(book.chapters[0].contains("<img src=\"../images/img-001.png\" alt=\"A picture\"/>"))
        #expect(book.chapters[0].contains("<figcaption>Caption. <span class=\"credit\">Photographer</span></figcaption>"))
        #expect(book.chapters[0].contains("<a href=\"chapter-002.xhtml\">Tuesday</a>"))
        #expect(context.warnings.isEmpty, "\(context.warnings)")
    }
}
