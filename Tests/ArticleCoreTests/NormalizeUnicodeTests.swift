@testable import ArticleCore
import Foundation
import Testing

@Suite struct NormalizeUnicodeTests {
    @Test func composesDecomposedText() {
        #expect(("Vie\u{0302}\u{0323}t").nfc == "Việt")
        #expect(("e\u{301}").nfc == "é")
    }

    @Test func leavesTextThatIsNFCAlreadyAlone() {
        for s in ["plain ASCII", "café “quoted” — dash…", "", "Việt Nam", "日本語"] {
            #expect((s).nfc == s.precomposedStringWithCanonicalMapping)
        }
        // U+2000 EN QUAD has a canonical decomposition (to U+2002), so it is not skipped.
        #expect(("a\u{2000}b").nfc == "a\u{2002}b")
    }
}
