@testable import ArticleLanguage
import Testing

@Suite struct LanguageDetectorTests {
    /// News paragraphs in 61 languages: at least 95% named right, and no answer ever wrong (a
    /// language the detector is not sure of gives none).
    @Test func newsProseInManyLanguages() throws {
        let prose = try Fixture.prose()
        #expect(Set(prose.map(\.language)).count >= 40)
        var right = 0
        var wrong: [String] = []
        for (language, text) in prose {
            let found = LanguageDetector.detect(text)
            if found == language { right += 1 } else if let found { wrong.append("\(language) taken for \(found)") }
        }
        #expect(right * 100 >= prose.count * 95, "\(right) of \(prose.count) right")
        #expect(wrong == [])
    }

    /// The languages the old stopword detector got wrong or missed, and the ones it knew: every
    /// paragraph of each is named right. Indonesian and Malay, which CLD2 can confuse, must be
    /// right at least once each and never taken for one another.
    @Test func languagesThatMustNotRegress() throws {
        let prose = try Fixture.prose()
        let must = ["fi", "hu", "uk", "ru", "ja", "vi", "en", "de", "fr", "es", "it", "pt", "nl", "cs", "pl", "sv", "da", "no", "tr"]
        for language in must {
            let texts = prose.filter { $0.language == language }.map(\.text)
            #expect(!texts.isEmpty)
            for text in texts { #expect(LanguageDetector.detect(text) == language, "\(text)") }
        }
        for language in ["id", "ms"] {
            let found = prose.filter { $0.language == language }.map { LanguageDetector.detect($0.text) }
            #expect(found.contains(language))
            #expect(found.allSatisfy { $0 == nil || $0 == language })
        }
    }

    /// Very short texts, two languages in equal parts, numbers and addresses, and gibberish:
    /// none, or the one language the text is in.
    @Test func hardCasesGiveNoWrongAnswer() throws {
        for row in try Fixture.rows("hard-cases.tsv") {
            let (kind, allowed, text) = (row[0], row[1], row[2])
            let found = LanguageDetector.detect(text)
            #expect(found == nil || found == allowed, "\(kind): \(text) → \(found ?? "none")")
        }
    }

    /// A long paragraph with a short quotation in another language is still the paragraph's.
    @Test func aShortQuotationDoesNotChangeTheLanguage() throws {
        let rows = try Fixture.rows("hard-cases.tsv").filter { $0[0] == "mixed" && $0[1] != "-" }
        #expect(rows.count >= 2)
        for row in rows { #expect(LanguageDetector.detect(row[2]) == row[1]) }
    }

    /// Two paragraphs of different languages of about the same length give no language.
    @Test func halfAndHalfGivesNone() throws {
        let prose = try Fixture.prose()
        var answered: [String] = []
        for i in stride(from: 0, to: prose.count - 2, by: 2) {
            let a = prose[i], b = prose[i + 2]
            guard a.language != b.language else { continue }
            let found = LanguageDetector.detect(a.text + "\n" + b.text)
            if let found, found != a.language, found != b.language { answered.append("\(a.language)+\(b.language) → \(found)") }
        }
        #expect(answered == [], "a mix is never a third language")
    }

    /// Strings of random letters and of random consonant-vowel syllables (pronounceable, the kind
    /// CLD2 most often mistakes for a language), 2 to 60 words: never a language.
    @Test func latinGibberishGivesNone() {
        var random = SeededRandom(state: 2026)
        let letters = Array("abcdefghijklmnopqrstuvwxyz"), consonants = Array("bcdfghjklmnprstvz"), vowels = Array("aeiou")
        var answered: [String] = []
        for n in 0..<2000 {
            let words = (0..<Int.random(in: 2...60, using: &random)).map { _ -> String in
                if n % 2 == 0 {
                    return String((0..<Int.random(in: 2...9, using: &random)).map { _ in letters.randomElement(using: &random) ?? "a" })
                }
                return (0..<Int.random(in: 1...4, using: &random)).map { _ in
                    String([consonants.randomElement(using: &random) ?? "b", vowels.randomElement(using: &random) ?? "a"])
                }.joined()
            }
            let text = words.joined(separator: " ")
            if let found = LanguageDetector.detect(text) { answered.append("\(found): \(text)") }
        }
        #expect(answered == [])
    }

    @Test func tagsAreBCP47() {
        #expect(LanguageDetector.detect("מועצת העיר החליטה ביום שני לסלול שמונה קילומטרים של שבילי אופניים מוגנים בעיר העתיקה, והעבודות צפויות להתחיל באביב.") == "he")
        #expect(LanguageDetector.detect("市議會週一決定在老城區興建八公里長的受保護自行車道。市長對記者表示，工程將於春季動工，預計持續約兩年。") == "zh-Hant")
        #expect(LanguageDetector.detect("市议会周一决定在老城区修建八公里长的受保护自行车道。市长对记者表示，工程将于春季开工，预计持续约两年。") == "zh-Hans")
    }

    /// Control characters and noncharacters (which CLD2 refuses) do not stop detection, and
    /// nothing at all gives nothing.
    @Test func awkwardCharacters() throws {
        let fi = try #require(try Fixture.prose().first { $0.language == "fi" }).text
        #expect(LanguageDetector.detect(fi.replacingOccurrences(of: " ", with: " \u{0}\u{1}\u{FFFE}\u{85} ")) == "fi")
        #expect(LanguageDetector.detect("") == nil)
        #expect(LanguageDetector.detect(String(repeating: " ", count: 100)) == nil)
        #expect(LanguageDetector.guess("").language == nil)
    }

    /// A text longer than the sample is cut between characters, not inside one.
    @Test func longTextIsSampled() throws {
        let uk = try #require(try Fixture.prose().first { $0.language == "uk" }).text
        let long = String(repeating: uk + " ", count: 200)
        #expect(LanguageDetector.interchangeSample(long).count <= LanguageDetector.sampleLimit)
        #expect(LanguageDetector.detect(long) == "uk")
    }

    /// The sample is what CLD2 accepts, cut between characters at the limit, whatever the text
    /// holds: it equals the scalar-by-scalar rule (kept here as the reference) on random texts
    /// of ASCII controls, C1 controls, noncharacters, two-, three- and four-byte characters.
    @Test func sampleFollowsTheInterchangeRuleOnAnyText() {
        func reference(_ text: String) -> [UInt8] {
            var out: [UInt8] = []
            for s in text.unicodeScalars {
                let v = s.value
                if v < 0x80 {
                    guard out.count < LanguageDetector.sampleLimit else { break }
                    out.append(v >= 0x20 && v != 0x7F || v == 0x09 || v == 0x0A || v == 0x0D ? UInt8(v) : 0x20)
                    continue
                }
                guard out.count + s.utf8.count <= LanguageDetector.sampleLimit else { break }
                let nonCharacter = (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE
                if v < 0xA0 || nonCharacter { out.append(0x20) } else { out.append(contentsOf: s.utf8) }
            }
            return out
        }
        let values: [UInt32] = [0x61, 0x20, 0x0, 0x7, 0x9, 0xA, 0xD, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xE9, 0x1A1, 0x1EA0, 0x4E2D,
                                0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x10FFFF, 0x1F600, 0xE000]
        let pool = values.compactMap(Unicode.Scalar.init)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...700, using: &rng) { text.append(pool.randomElement(using: &rng) ?? "a") }
            let s = String(text)
            #expect(LanguageDetector.interchangeSample(s) == reference(s), "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
