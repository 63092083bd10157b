import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `articlekit convert` never writes script into HTML, EPUB chapters, Markdown or JSON, whatever
/// the input; `--raw-html` keeps raw HTML as written.
@Suite struct SafeHTMLOutputTests {
    static let vectors: [String] = {
        let url = HostileInputTests.hostile.appendingPathComponent("xss-vectors.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }()

    static var markdown: String {
        "# Vectors\n\n" + vectors.map { "Before \($0) after.\n\n\($0)\n\n" }.joined()
            + "[a](JavaScript:alert(1)) [b](vbscript:x) [c](data:text/html,x) ![d](data:image/svg+xml,x) [ok](https://example.org/ok)\n\n"
            + "<b>bold</b> <img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\">\n"
    }

    static var json: String {
        let blocks = vectors.map { v -> String in
            let s = jsonString(v)
            return #"{"type": "html", "html": \#(s)}, {"type": "paragraph", "content": [{"type": "text", "text": "x "}, {"type": "html", "html": \#(s)}]}"#
        }
        return #"{"title": "Vectors", "blocks": ["# + blocks.joined(separator: ", ") + "]}"
    }

    static func jsonString(_ s: String) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: [s], options: [.fragmentsAllowed])) ?? Data(), as: UTF8.self)
            .dropFirst().dropLast().description
    }

    /// Every start tag of the page's body, read from the canonical markup the writer emits
    /// (attributes double-quoted, `<` in text escaped), with its attributes decoded.
    static func startTags(_ html: String) -> [(name: String, attributes: [(String, String)])] {
        let body = html.range(of: "<body>").map { String(html[$0.upperBound...]) } ?? html
        let tag = /<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s=>\/]+(?:="[^"]*")?)*)\s*\/?>/
        let attribute = /([^\s=>\/]+)(?:="([^"]*)")?/
        return body.matches(of: tag).map { m in
            let attrs = String(m.output.2).matches(of: attribute).map { a in
                (String(a.output.1).lowercased(), decode(a.output.2.map(String.init) ?? ""))
            }
            return (String(m.output.1).lowercased(), attrs)
        }
    }

    static func decode(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&#9;", with: "\t")
            .replacingOccurrences(of: "&#10;", with: "\n").replacingOccurrences(of: "&amp;", with: "&")
    }

    static let forbidden: Set<String> = ["script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
                                         "button", "base", "meta", "link", "svg", "math", "noscript", "template", "textarea", "video", "isindex"]

    static func problems(inPage html: String) -> [String] {
        var out: [String] = []
        if html.lowercased().contains("<script") { out.append("<script") }
        for t in startTags(html) {
            if forbidden.contains(t.name) { out.append("<\(t.name)>") }
            for (name, value) in t.attributes {
                if name.hasPrefix("on") || ["style", "srcdoc", "action", "formaction", "background", "poster", "xlink:href"].contains(name) {
                    out.append("\(t.name) \(name)=")
                }
                let v = value.lowercased().filter { !$0.isWhitespace }
                if ["javascript:", "vbscript:", "data:text", "data:image/svg", "file:"].contains(where: v.contains) {
                    out.append("\(t.name) \(name)=\(value)")
                }
            }
        }
        return out
    }

    func convert(_ name: String, _ content: String, to format: String, extra: [String] = []) throws -> CLIRunner.Result {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent(name)
        try Data(content.utf8).write(to: input)
        return try CLIRunner.run(["convert", input.path, "--to", format, "--output", "-"] + extra)
    }

    @Test func markdownAndJSONToHTMLCarryNoScript() throws {
        #expect(Self.vectors.count > 60)
        for (name, content) in [("v.md", Self.markdown), ("v.json", Self.json)] {
            let r = try convert(name, content, to: "html")
            #expect(r.status == 0, "\(r.stderr)")
            #expect(Self.problems(inPage: r.stdout) == [], "\(name)")
            #expect(r.stdout.contains("after") || name == "v.json")
        }
        let safe = try convert("v.md", Self.markdown, to: "html").stdout
        #expect(safe.contains("<a href=\"https://example.org/ok\">ok</a>"))
        #expect(safe.contains("<b>bold</b>") && safe.contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\"/>"))
    }

    @Test func rawHTMLFlagKeepsRawHTMLAsWritten() throws {
        let r = try convert("v.md", "Text.\n\n<div onclick=\"go()\">x</div>\n\n<script>alert(1)</script>\n", to: "html", extra: ["--raw-html"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("<div onclick=\"go()\">x</div>") && r.stdout.contains("<script>alert(1)</script>"))
        // The check above finds what the vectors carry when nothing removes it.
        let raw = try convert("v.md", Self.markdown, to: "html", extra: ["--raw-html"])
        #expect(Self.problems(inPage: raw.stdout).count > 50)
    }

    @Test func markdownToEPUBChaptersCarryNoScript() throws {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("v.md")
        try Data(Self.markdown.utf8).write(to: input)
        for extra in [[], ["--raw-html"]] {
            let book = dir.appendingPathComponent("v.epub")
            let r = try CLIRunner.run(["convert", input.path, "--output", book.path] + extra)
            #expect(r.status == 0, "\(r.stderr)")
            let unzip = try CLIRunner.run(["-p", book.path, "EPUB/text/chapter-001.xhtml"], executable: URL(fileURLWithPath: "/usr/bin/unzip"))
            #expect(unzip.status == 0 && unzip.stdout.contains("Before"))
            let parser = XMLParser(data: unzip.stdoutData)
            #expect(parser.parse(), "the chapter is well-formed XHTML")
            #expect(Self.problems(inPage: unzip.stdout) == [], "\(extra)")
        }
    }

    /// Links in a page, however spelled and whatever `<base href>` says, are not links in
    /// Markdown or JSON unless they are safe; their words stay.
    @Test func aPagesUnsafeLinksAreNotLinksInMarkdownOrJSON() throws {
        let hrefs = ["JavaScript:alert(1)", " javascript:alert(1)", "java&#x09;script:alert(1)", "&#106;avascript:alert(1)",
                     "vbscript:msgbox(1)", "data:text/html,x", "relative.html"]
        let text = "The council voted on Tuesday to expand the tram network, a decision debated for years, with work to begin next spring."
        let links = hrefs.enumerated().map { "<a href=\"\($1)\">word\($0)</a>" }.joined(separator: " ")
        let page = """
        <!doctype html><html><head><title>T</title><base href="javascript:alert(1)//"></head><body><article>
        <h1>Title</h1><p>\(text) \(links)</p><p>\(text)</p><p>\(text)</p></article></body></html>
        """
        for format in ["md", "json"] {
            let r = try convert("p.html", page, to: format)
            #expect(r.status == 0, "\(r.stderr)")
            let lower = r.stdout.lowercased()
            #expect(!lower.contains("javascript") && !lower.contains("vbscript") && !lower.contains("data:text"), "\(format): \(r.stdout)")
            for i in hrefs.indices { #expect(r.stdout.contains("word\(i)")) }
        }
        #expect(try convert("p.html", page, to: "md").stdout.contains("[word6](relative.html)"))
    }

    @Test func markdownToMarkdownKeepsRawHTMLExactly() throws {
        let md = "Text <b onclick=\"x()\">b</b>.\n\n<div onclick=\"alert(1)\">d</div>\n"
        let r = try convert("v.md", md, to: "md")
        #expect(r.stdout.contains("Text <b onclick=\"x()\">b</b>.") && r.stdout.contains("<div onclick=\"alert(1)\">d</div>"))
    }
}
