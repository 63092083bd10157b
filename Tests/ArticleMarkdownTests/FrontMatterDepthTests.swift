import ArticleCore
import ArticleMarkdown
import Foundation
import Testing

/// Front matter nested past the limit is refused before Yams composes it (Yams recurses, and a
/// 16 KB file nesting 8,000 levels overflowed the stack); nesting within the limit, in every
/// YAML style, is still read.
@Suite struct FrontMatterDepthTests {
    /// `depth` levels of nesting in one YAML style, holding the scalar `x` at the bottom.
    static func nested(_ style: Int, depth: Int) -> String {
        switch style {
        case 0: return "k: " + String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth)
        case 1: return "k: " + String(repeating: "{a: ", count: depth) + "x" + String(repeating: "}", count: depth)
        case 2: return "k:\n" + (1..<depth).map { String(repeating: " ", count: $0) + "-\n" }.joined() + String(repeating: " ", count: depth) + "- x"
        case 3: return "k:\n" + (1..<depth).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined() + String(repeating: " ", count: depth) + "end: x"
        case 4: return "k:\n" + String(repeating: "- ", count: depth) + "x"
        default: return "k:\n" + (0..<depth / 2).map { String(repeating: "  ", count: $0) + "- a:\n" }.joined() + String(repeating: "  ", count: depth / 2) + "- x"
        }
    }

    static func document(_ yaml: String) -> String { "---\n\(yaml)\n---\n\nThe body.\n" }

    @Test(arguments: 0..<6)
    func deepFrontMatterIsRefusedWithoutCrashing(style: Int) throws {
        // Indented styles grow as the square of the depth, so they stop at 3,000 levels (4.5 MB).
        for depth in [65, 300, 3_000] + ([0, 1, 4].contains(style) ? [40_000] : []) {
            do {
                _ = try read(Self.document(Self.nested(style, depth: depth)))
                Issue.record("style \(style) depth \(depth) was read")
            } catch {
                #expect(error.code == .limitExceeded && error.message.contains("nests deeper"), "style \(style) depth \(depth): \(error)")
            }
        }
    }

    @Test(arguments: 0..<6)
    func frontMatterWithinTheLimitIsRead(style: Int) throws {
        let (a, _) = try read(Self.document("title: Deep\n" + Self.nested(style, depth: 40)))
        #expect(a.metadata.title == "Deep")
        #expect(a.metadata.extra["k"] != nil)
    }

    @Test func ordinaryTextWithBracketsColonsAndDashesIsNotMistakenForNesting() throws {
        let busy = "Words " + String(repeating: "[a] {b} 10:30 - x - ", count: 200)
        let yaml = "title: \(busy)\nsummary: \"\(String(repeating: "[[{{", count: 300))\"\ntags: ['\(String(repeating: "]{[", count: 300))']\nnote: |\n  " + String(repeating: "- - - [ [ ", count: 100)
        let (a, _) = try read(Self.document(yaml))
        #expect(a.metadata.title?.hasPrefix("Words [a] {b} 10:30") == true)
        #expect(a.metadata.tags.count == 1)
    }

    @Test func theScanIsLinear() throws {
        // 2 MB of nested lists refused in well under a second; a quadratic scan takes minutes.
        let start = Date()
        #expect(throws: ArticleError.self) { try read(Self.document(Self.nested(4, depth: 1_000_000))) }
        #expect(Date().timeIntervalSince(start) < 3)
    }
}
