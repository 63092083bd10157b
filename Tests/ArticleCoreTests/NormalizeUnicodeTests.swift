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

    /// The byte-level quick check says "known NFC" exactly when every scalar is stable on its
    /// own, for scalars of every UTF-8 length (1 to 4 bytes) mixed at random; and whatever it
    /// calls known is NFC.
    @Test func quickCheckReadsEveryUTF8LengthLikeTheScalars() {
        let pool: [UInt32] = [0x41, 0x7F, 0xE9, 0x2CF, 0x2FF, 0x300, 0x323, 0x3A9, 0x5D0, 0x7FF, 0x800, 0x1E00, 0x1EC7, 0x1EFF,
                              0x1F00, 0x2013, 0x2019, 0x2000, 0x20AC, 0x3001, 0x4E2D, 0x9FFF, 0xAC00, 0xD7A3, 0xD7A4, 0xFFFD,
                              0x10000, 0x1F600, 0x10FFFF]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                if let u = Unicode.Scalar(pool[Int.random(in: 0..<pool.count, using: &rng)]) { s.append(u) }
            }
            let text = String(s)
            let expected = text.unicodeScalars.allSatisfy { String.isStableUnderNFC($0.value) }
            #expect(text.isKnownNFC == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            if text.isKnownNFC { #expect(text == text.precomposedStringWithCanonicalMapping) }
        }
    }
}

/// NFC in pieces gives exactly what Foundation gives for the whole string, in linear time.
@Suite struct NFCInPiecesTests {
    /// Base letters, marks of several combining classes, Hangul jamo that compose backwards,
    /// Indic vowel signs, precomposed letters and ideographs: every kind of boundary.
    static let alphabet: [UInt32] = [0x61, 0x65, 0x4F, 0xC5, 0x20, 0x2E, 0x300, 0x301, 0x302, 0x323, 0x31B, 0x34F, 0x327, 0x308,
                                     0x1100, 0x1161, 0x11A8, 0xAC00, 0x0BC6, 0x0BBE, 0x0CD5, 0x0CC6, 0x1EC7, 0x4E2D, 0x2000,
                                     0x1F600, 0x200D, 0x0F73, 0x0344]

    @Test func piecesGiveTheSameResultAsTheWholeString() throws {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            let length = Int.random(in: 1...300, using: &rng)
            let scalars = (0..<length).compactMap { _ in Unicode.Scalar(Self.alphabet.randomElement(using: &rng) ?? 0x61) }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            // Pieces as small as the longest run without a boundary allows, so the primary rule
            // (cut before a stable scalar) is what every cut uses.
            var run = 0, longest = 0
            for s in scalars { if String.isStableUnderNFC(s.value) { run = 0 } else { run += 1; longest = max(longest, run) } }
            let piece = max(1, longest)
            #expect(String.normalizedInPieces(text, piece: piece) == text.precomposedStringWithCanonicalMapping,
                    "\(scalars.map { String($0.value, radix: 16) }) piece \(piece)")
        }
    }

    @Test func decomposedVietnameseIsNormalisedInLinearTime() throws {
        let nfc = "Việt Nam, một đất nước xinh đẹp với những cánh đồng lúa bát ngát và người dân hiền hòa. "
        let nfd = nfc.decomposedStringWithCanonicalMapping
        let small = String(repeating: nfd, count: 4_000)   // 0.5 MB
        let large = String(repeating: nfd, count: 32_000)  // 4 MB: whole, over 30 s
        var start = Date()
        #expect(small.nfc == String(repeating: nfc, count: 4_000))
        let tSmall = Date().timeIntervalSince(start)
        start = Date()
        #expect(large.nfc == String(repeating: nfc, count: 32_000))
        let tLarge = Date().timeIntervalSince(start)
        #expect(tLarge < 5, "4 MB took \(tLarge) s")
        // Eight times the text in well under the 64 times a quadratic method needs.
        #expect(tLarge < max(tSmall, 0.02) * 24, "0.5 MB \(tSmall) s, 4 MB \(tLarge) s")
    }

    @Test func aRunOfMarksWithNoBoundaryStaysLinear() throws {
        let zalgo = "a" + String(repeating: "\u{301}\u{323}", count: 200_000)
        let start = Date()
        let n = zalgo.nfc
        #expect(n.unicodeScalars.count == zalgo.unicodeScalars.count - 1)
        #expect(Date().timeIntervalSince(start) < 5)
    }
}
