@testable import ArticleHTML
import Foundation
import Testing

@Suite struct TextToolsTests {
    @Test func trimmingMatchesFoundation() {
        let set = CharacterSet(charactersIn: " \"'“”„«»")
        for s in ["", " ", "plain", "“Quoted”", " padded ", "«ends", "starts»", "é\u{301}", "„Wort“ und mehr"] {
            #expect(TextTools.trimming(s, set) == s.trimmingCharacters(in: set))
        }
        #expect(TextTools.normalized("  “Tram  Network”  ") == "tram network")
    }

    /// Scalars that make grapheme clusters of more than one scalar (combining marks, joiners,
    /// variation selectors, prepended signs, CR LF), white space inside and outside the byte
    /// fast path's ranges, and plain letters.
    static let pool: [String] = [
        "a", "Z", "é", "ß", "Ж", "λ", "—", "„", "“", "€", "©", "‼", " ", "  ", "\t", "\n", "\r\n", "\r",
        "\u{A0}", "\u{85}", "\u{2003}", "\u{2009}", "\u{2028}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{1680}",
        "\u{301}", "\u{483}", "\u{200B}", "\u{200D}", "\u{FE0F}", "\u{600}", "\u{903}", "👍", "👍🏽", "語", "x",
    ]

    /// Deterministic strings built from ``pool``.
    static func samples(_ count: Int) -> [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in (0..<next(12)).map { _ in pool[next(pool.count)] }.joined() }
    }

    @Test func collapseMatchesSplittingAtWhiteSpaceCharacters() {
        // A space before a combining mark is one Character with it (not white space to the
        // Character split); a prepended sign takes the space after it; CR LF is one Character.
        let fixed = ["", " ", "a b", " a  b ", "Straße\u{A0} und\u{2003}mehr", "a \u{301}b", "\u{600} a", "a\r\nb",
                     "Жизнь  прекрасна", "a\u{2028}b", "a\u{3000}b", "x\u{200B} y", "👍🏽 ok", "λ \u{483}ж"]
        for s in fixed + Self.samples(3000) {
            #expect(TextTools.collapse(s) == s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func trimmingMatchesFoundationOnMixedText() {
        let sets: [CharacterSet] = [.whitespaces, .whitespacesAndNewlines, CharacterSet(charactersIn: " []|/-–—:.,;©"),
                                    CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ",:|·—–-•"))]
        for s in Self.samples(1500) {
            for set in sets {
                #expect(TextTools.trimming(s, set) == s.trimmingCharacters(in: set))
            }
        }
    }
}
