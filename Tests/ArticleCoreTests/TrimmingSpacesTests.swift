import ArticleCore
import Foundation
import Testing

/// `trimmingSpaces()` gives what Foundation's `trimmingCharacters(in: .whitespaces)` gives.
@Suite struct TrimmingSpacesTests {
    @Test func theSameScalarsAreWhiteSpace() {
        var differences: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let c = Unicode.Scalar(value) else { continue }
            if String(c).trimmingSpaces().isEmpty != CharacterSet.whitespaces.contains(c) {
                differences.append(String(format: "U+%04X", value))
            }
        }
        #expect(differences.isEmpty, "differ at \(differences.prefix(10))")
    }

    @Test func textAroundEachScalarIsTrimmedAsFoundationTrimsIt() {
        // Every scalar of the first planes' common blocks (the spaces among them) at both ends
        // and inside, against Foundation's answer.
        var differences: [String] = []
        for value in UInt32(0)...0x3100 {
            guard let c = Unicode.Scalar(value) else { continue }
            let s = String(c)
            for text in ["\(s)a\(s)", "\(s)\(s)", " \(s)b", "b\(s)\t", "\u{3000}\(s)é\(s)\u{A0}"] {
                if text.trimmingSpaces() != text.trimmingCharacters(in: .whitespaces) {
                    differences.append(String(format: "U+%04X", value))
                }
            }
        }
        #expect(differences.isEmpty, "differ at \(differences.prefix(10))")
    }

    @Test func linesAndSubstringsKeepTheirInsideAndLineBreaks() {
        #expect("  Photo: Thanh Le \t".trimmingSpaces() == "Photo: Thanh Le")
        #expect("\u{2009}Thứ Hai\u{202F}".trimmingSpaces() == "Thứ Hai")
        // Line breaks are not white space here, as in `.whitespaces`.
        #expect(" a\n".trimmingSpaces() == "a\n")
        #expect("x  y".dropFirst().trimmingSpaces() == "y")
        #expect("".trimmingSpaces() == "")
        #expect(" \u{A0} ".trimmingSpaces() == "")
        // A combining mark after a space stays: only whole space scalars go.
        #expect(" \u{301}a".trimmingSpaces() == "\u{301}a")
    }
}
