@testable import ArticleCore
import Testing

@Suite struct NormalizeUnicodeTests {
    @Test func composesDecomposedText() {
        #expect(AnyTransform.nfc("Vie\u{0302}\u{0323}t") == "Việt")
        #expect(AnyTransform.nfc("e\u{301}") == "é")
    }

    @Test func leavesTextThatIsNFCAlreadyAlone() {
        for s in ["plain ASCII", "café “quoted” — dash…", "", "Việt Nam", "日本語"] {
            #expect(AnyTransform.nfc(s) == s.precomposedStringWithCanonicalMapping)
        }
        // U+2000 EN QUAD has a canonical decomposition (to U+2002), so it is not skipped.
        #expect(AnyTransform.nfc("a\u{2000}b") == "a\u{2002}b")
    }
}
