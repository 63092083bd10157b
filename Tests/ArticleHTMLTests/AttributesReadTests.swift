@testable import ArticleHTML
import Foundation
import Testing

/// The HTML reader has the parser drop every attribute not in `ArticleExtraction.attributesRead`
/// (they cost libxml2 most of its copying). A name the extraction reads but the list lacks would
/// silently never be seen, so this test reads the reader's sources for the names they ask for:
/// `attribute("…")`, `withAttribute("…"`, and the lists a loop asks for one by one
/// (`for attr in [ … ]`, `for key in [ … ]`) and the named lists (`static let …Attributes = [ … ]`).
@Suite struct AttributesReadTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/ArticleHTML").standardizedFileURL

    static func namesAskedFor() throws -> Set<String> {
        let files = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        let call = try NSRegularExpression(pattern: #"(?:attribute|withAttribute)\("([^"]+)""#)
        // A loop's list, or a named list of attributes (`static let srcsetAttributes = [ … ]`).
        let loop = try NSRegularExpression(pattern: #"(?:for (?:attr|key) in|static let (?!attributesRead)\w+Attributes =) \[([^\]]+)\]"#)
        let literal = try NSRegularExpression(pattern: #""([^"]+)""#)
        var names = Set<String>()
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            let all = NSRange(text.startIndex..., in: text)
            for m in call.matches(in: text, range: all) {
                if let r = Range(m.range(at: 1), in: text) { names.insert(String(text[r])) }
            }
            for m in loop.matches(in: text, range: all) {
                guard let r = Range(m.range(at: 1), in: text) else { continue }
                let list = String(text[r])
                for l in literal.matches(in: list, range: NSRange(list.startIndex..., in: list)) {
                    if let lr = Range(l.range(at: 1), in: list) { names.insert(String(list[lr])) }
                }
            }
        }
        return names
    }

    @Test func everyAttributeTheExtractionReadsIsKept() throws {
        let asked = try Self.namesAskedFor()
        // The scan itself must find the reads it is meant to find.
        #expect(asked.isSuperset(of: ["class", "id", "href", "data-src", "content", "http-equiv", "width"]), "\(asked.sorted())")
        let missing = asked.subtracting(ArticleExtraction.attributesRead)
        #expect(missing.isEmpty, "read by the extraction but dropped before parsing: \(missing.sorted())")
    }
}
