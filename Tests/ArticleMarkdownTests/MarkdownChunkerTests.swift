import ArticleCore
import Foundation
import Testing
@testable import ArticleMarkdown

/// Parsing a large document in pieces gives the same blocks as parsing it whole.
@Suite struct MarkdownChunkerTests {
    static func piecewise(_ text: String, pieceSize: Int) throws(ArticleError) -> (blocks: [Block], pieces: Int) {
        let pieces = MarkdownChunker.pieces(Substring(text), pieceSize: pieceSize)
        var blocks: [Block] = []
        for p in pieces { blocks += try CmarkParser.parse(String(p.text)) }
        return (blocks, pieces.count)
    }

    @Test func richArticleRepeated() throws {
        let text = String(repeating: MarkdownWriter().markdown(RoundTripTests.rich) + "\n", count: 30)
        let (blocks, pieces) = try Self.piecewise(text, pieceSize: 500)
        #expect(pieces > 10)
        #expect(blocks == (try CmarkParser.parse(text)))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: CommonMarkSpecTests.specURL.path)))
    func specExamplesTogether() throws {
        // Every spec example without a reference definition, one after another: cuts may only
        // fall where they change nothing.
        let text = try CommonMarkSpecTests.examples().map(\.markdown).filter { !$0.contains("]:") }.joined(separator: "\n")
        let (blocks, pieces) = try Self.piecewise(text, pieceSize: 64)
        #expect(pieces > 20)
        #expect(blocks == (try CmarkParser.parse(text)))
    }

    @Test func referenceDefinitionsPreventCuts() {
        let text = String(repeating: "A [link][x] here.\n\n", count: 100) + "[x]: /url\n"
        #expect(MarkdownChunker.pieces(Substring(text), pieceSize: 50).count == 1)
    }

    @Test func errorLinesCountFromTheFileStart() {
        let deep = String(repeating: ">", count: 300) + " x\n"
        let text = String(repeating: "Para.\n\n", count: 50) + deep
        do {
            _ = try CmarkParser.parse(Substring(text))
            Issue.record("expected a limit error")
        } catch {
            #expect(error.line == 101)
        }
    }
}
