import ArticleCore
import ArticleKit
import Foundation
import Testing

/// EPUB chapters and books read back: hostile raw HTML never reaches a chapter or an HTML page.
@Suite struct SafeChapterTests {
    static let vectors: [String] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CLITests/Hostile/xss-vectors.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }()

    /// Each vector as a Markdown paragraph of its own (an HTML block or inline HTML), between text.
    static var markdown: String {
        "# Vectors\n\n" + vectors.map { "Before \($0) after.\n\n\($0)\n\n" }.joined()
            + "[a](JavaScript:alert(1)) [b](<java\tscript:alert(1)>) [c](vbscript:x) ![d](data:image/svg+xml,x)\n"
    }

    static func problems(inChapter xhtml: String) -> [String] {
        let probe = XMLProbe.parse(Data(xhtml.utf8))
        var out: [String] = probe.wellFormed ? [] : ["not well-formed: \(probe.error ?? "")"]
        let forbidden: Set<String> = ["script", "style", "iframe", "frame", "object", "embed", "form", "input", "base", "meta", "link", "svg", "math"]
        for e in probe.elements.drop(while: { $0.name != "body" }) {
            if forbidden.contains(e.name) { out.append("<\(e.name)>") }
            for (name, value) in e.attributes {
                if name.lowercased().hasPrefix("on") || name == "style" { out.append("\(e.name) \(name)=") }
                if name == "href", !URLSafety.isSafeLink(value) { out.append("href=\(value)") }
                if name == "src", !URLSafety.isSafeImageSource(value) { out.append("src=\(value)") }
            }
        }
        return out
    }

    func epub(_ inputs: [ReaderInput], from format: String, rawHTML: Bool = false) throws -> UnzippedBook {
        var context = ConversionContext()
        context.options.rawHTML = rawHTML
        return try UnzippedBook(Converter().convert(inputs, from: format, to: "epub", context: &context))
    }

    @Test func markdownVectorsGiveChaptersWithNoScriptHandlerOrScriptURL() throws {
        #expect(Self.vectors.count > 60)
        for raw in [false, true] {
            let book = try epub([ReaderInput(data: Data(Self.markdown.utf8), name: "x.md")], from: "markdown", rawHTML: raw)
            #expect(book.chapters.count == 1)
            for chapter in book.chapters {
                #expect(Self.problems(inChapter: chapter) == [], "raw HTML \(raw ? "kept" : "sanitized")")
                #expect(chapter.contains("Before") && chapter.contains("after."))
            }
        }
    }

    /// The book stores each article's JSON as it was read, script included; reading it back and
    /// writing HTML sanitizes it then.
    @Test func aBookWhoseStoredJSONHoldsScriptGivesSafeHTML() throws {
        let hostile = Article(metadata: Metadata(title: "Stored"), blocks: [
            .html("<script>alert(1)</script><div onclick=\"alert(1)\">div</div>"),
            .paragraph([.text("x "), .html("<img src=x onerror=alert(1)>"), .link(url: "JAVASCRIPT:alert(1)", title: nil, content: [.text("js")])]),
        ])
        var context = ConversionContext()
        let book = try EPUBWriter().write([hostile], context: &context)
        let back = try Converter().read(ReaderInput(data: book, name: "b.epub"), from: "epub", context: &context)
        #expect(back.first?.blocks.first == hostile.blocks.first, "the stored JSON keeps the article as it was")
        let html = String(decoding: try Converter().convert([ReaderInput(data: book, name: "b.epub")], from: "epub", to: "html", context: &context), as: UTF8.self)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("onclick") && !html.contains("onerror") && !html.lowercased().contains("javascript:"))
        #expect(html.contains("<div>div</div>") && html.contains("js"))
    }
}
