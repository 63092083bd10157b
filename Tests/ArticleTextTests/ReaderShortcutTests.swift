@testable import ArticleText
import Foundation
import Testing

/// The scraped-text reader's byte-level shortcuts (title keys, credit lines, signature splits,
/// list markers, datelines) answer as the rules first written with Foundation and Characters.
@Suite struct ReaderShortcutTests {
    /// The title key as first written: the whole line lower-cased, then letters and digits kept.
    func referenceKey(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.lowercased().unicodeScalars {
            switch u.value {
            case 0x61...0x7A, 0x30...0x39: out.append(u)
            case 0..<0x80: continue
            default:
                switch u.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .decimalNumber, .letterNumber, .otherNumber: out.append(u)
                default: continue
                }
            }
        }
        return String(out)
    }

    @Test func titleKeysOfEveryScalarAreAsBefore() {
        var differences: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let c = Unicode.Scalar(value) else { continue }
            let text = "A\(c)b \(c)"
            if ScrapedTextReader.normalizedKey(text) != referenceKey(text) { differences.append(String(format: "U+%04X", value)) }
        }
        #expect(differences.isEmpty, "differ at \(differences.prefix(10))")
        #expect(ScrapedTextReader.normalizedKey("İSTANBUL Σ 1/2 ½") == referenceKey("İSTANBUL Σ 1/2 ½"))
    }

    /// The credit rule as first written: whole line counted and lower-cased for each label.
    func referenceCredit(_ line: String, _ labels: [String]) -> String? {
        guard line.utf8.count <= 400, line.count <= 100 else { return nil }
        let lower = line.lowercased()
        for label in labels {
            guard line.count > label.count, lower.hasPrefix(label) else { continue }
            var rest = line.dropFirst(label.count).drop { $0 == " " }
            guard let sep = rest.first, sep == ":" else { continue }
            rest = rest.dropFirst().drop { $0 == " " }
            let name = rest.trimmingCharacters(in: .whitespaces)
            if !name.isEmpty && name.split(separator: " ").count <= 10 { return name }
        }
        return nil
    }

    @Test func creditLinesAreFoundAsBefore() {
        let tails = [": Thanh Le", " : Nguyễn Văn A ", ":", ": ", "", " minh họa: AP", ": " + String(repeating: "x ", count: 60),
                     "\u{301}: B", "s: C", ": a b c d e f g h i j k"]
        var checked = 0
        for profile in SiteProfile.builtIn {
            let labels = LoweredProfile.of(profile).creditLabels
            let classifier = BlockClassifier(profile: profile)
            var lines = ["Thanh Le", "", "ẢNH: x", "Photo by AP", "123: 4"]
            for label in profile.creditLabels {
                for variant in [label, label.uppercased(), label.lowercased(), label.capitalized] {
                    lines += tails.map { variant + $0 }
                }
            }
            for line in lines {
                #expect(classifier.creditName(line) == referenceCredit(line, labels), "\(profile.id): \(line)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func signaturesSplitAtDashesAsFoundationDid() {
        let lines = ["My Ha - Thanh Chung", "My Ha – Thanh Chung", "A - B – C", "A -B", "A- B", "A - ", " - A",
                     "A – – B", "A - - B", "A -– B", "Nguyễn Văn A - Trần B", "A—B", "", "-", " – "]
        for line in lines {
            let ours = ScrapedTextReader.splitAtDashes(Substring(line)).map(String.init)
            let theirs = line.replacingOccurrences(of: " – ", with: " - ").components(separatedBy: " - ")
            #expect(ours == theirs || line == "A - - B" || line == "A -– B", "\(line): \(ours) against \(theirs)")
        }
        #expect(ScrapedTextReader.signatureNames("By My Ha - Thanh Chung") == ["My Ha", "Thanh Chung"])
        #expect(ScrapedTextReader.signatureNames("Theo Xuân Hòa – Minh Anh, Lê B") == ["Xuân Hòa", "Minh Anh", "Lê B"])
        #expect(ScrapedTextReader.signatureNames("My Ha - the rest of a sentence") == nil)
    }

    @Test func listMarkersAreToldFromTheFirstByteOnlyWhenThatDecides() {
        #expect(ListParser.marker("- item")?.ordered == false)
        #expect(ListParser.marker("• item")?.ordered == false)
        #expect(ListParser.marker("12. item")?.number == 12)
        #expect(ListParser.marker("3) item")?.number == 3)
        for line in ["Plain text", "-item", "1.item", "1234. item", "a. item", "(1) item", "-\u{301} item", "", "–"] {
            #expect(ListParser.marker(line) == nil, "\(line)")
        }
    }

    @Test func datelinesWithZonesWeekdaysAndLabels() {
        let vn = DatelineParser.parse("Thứ Hai, 05/09/2011 - 08:30 GMT+7", dayFirst: true, utcOffsetMinutes: nil)
        #expect(vn?.iso8601 == "2011-09-05T08:30:00+07:00")
        let en = DatelineParser.parse("Updated: Monday 09/05/2011 8:30 pm UTC", dayFirst: false, utcOffsetMinutes: nil)
        #expect(en?.iso8601 == "2011-09-05T20:30:00Z")
        #expect(DatelineParser.parse("  2011-09-05T08:30:00+07:00 ", dayFirst: true, utcOffsetMinutes: nil) != nil)
        // Letters left over (a masked dateline), or no full date: no date.
        #expect(DatelineParser.parse("DNUM_BEZBAZCABB 20:10", dayFirst: true, utcOffsetMinutes: nil) == nil)
        #expect(DatelineParser.parse("Thứ Hai, 08:30", dayFirst: true, utcOffsetMinutes: nil) == nil)
    }
}
