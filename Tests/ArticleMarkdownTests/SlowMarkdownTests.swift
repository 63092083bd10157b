@testable import ArticleMarkdown
import Testing

/// A slow parse is explained by the construct the file has most of; a quick one says nothing.
@Suite struct SlowMarkdownTests {
    @Test func aSlowParseNamesTheConstruct() {
        let cases: [(String, String)] = [(String(repeating: "![[]()", count: 100), "image openings"),
                                         ("| a | b |\n|---|---|\n" + String(repeating: "| x | y |\n", count: 300), "table rows"),
                                         (String(repeating: "*a **b ", count: 200), "emphasis delimiters"),
                                         (String(repeating: ">", count: 500) + " x", "block quote markers")]
        for (text, construct) in cases {
            let w = SlowMarkdown.warning(for: Substring(text), seconds: 5)
            #expect(w?.contains(construct) == true && w?.contains("5.0 s") == true, "\(construct): \(w ?? "none")")
            #expect(SlowMarkdown.warning(for: Substring(text), seconds: 0.1) == nil)
        }
    }
}
