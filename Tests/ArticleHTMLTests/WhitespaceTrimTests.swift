@testable import ArticleHTML
import Testing

/// `trimmingWhitespace` answers from the bytes where both ends are ASCII; these check that it
/// always gives what trimming whole Characters gives, where grapheme clusters make the bytes
/// and the Characters differ (CR LF, combining marks after a space, a prepended mark before
/// one, non-ASCII spaces).
@Suite struct WhitespaceTrimTests {
    /// The Character loop the byte path stands in for.
    static func byCharacters(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    static let pieces = [" ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "\u{A0}", "\u{3000}", "\u{2028}", "\u{85}",
                         "\u{301}", "\u{600}", "\u{200D}", "a", "Z", "0", ".", "é", "e\u{301}", "日", "🇩🇪", "👍🏽"]

    @Test func randomTextsTrimAsCharactersDo() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...8, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng) ?? "" }.joined()
            let want = Self.byCharacters(text)
            #expect(text.trimmingWhitespace == want, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(text.trimmingWhitespace.utf8.elementsEqual(want.utf8))
        }
    }

    @Test func knownShapes() {
        #expect("  Headline \n".trimmingWhitespace == "Headline")
        #expect(" \u{301}x ".trimmingWhitespace == Self.byCharacters(" \u{301}x "))
        #expect("x\u{600} ".trimmingWhitespace == Self.byCharacters("x\u{600} "))
        #expect(" \r\n ".trimmingWhitespace == "")
        #expect("plain".trimmingWhitespace == "plain")
    }
}
