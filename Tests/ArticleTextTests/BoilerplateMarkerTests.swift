@testable import ArticleText
import Foundation
import Testing

/// Boilerplate markers and title keys, which the reader now lower-cases only as far as it must:
/// they answer as lower-casing whole lines did, on every built-in profile's markers, in any case,
/// followed by anything.
@Suite struct BoilerplateMarkerTests {
    /// The rule as first written: the whole line lower-cased.
    func reference(_ line: String, _ markers: [String]) -> Bool {
        guard line.utf8.count <= 160 else { return false }
        let l = line.lowercased()
        for mm in markers.map({ $0.lowercased() }) {
            guard l.hasPrefix(mm) else { continue }
            if l.count == mm.count { return true }
            let next = l[l.index(l.startIndex, offsetBy: mm.count)]
            if next.isPunctuation || next.isWhitespace || next.isUppercase || mm.hasPrefix("powered") {
                if l.split(separator: " ").count <= 8 { return true }
            }
        }
        return false
    }

    @Test func markersMatchAsWholeLineLowerCasingDid() {
        let tails = ["", " ", ":", " news", ": more", "s", "ing figures show that the harvest grew", " a b c d e f g h i",
                     " — Đọc thêm", "\u{301}", "X"]
        let others = ["Nghe An farmers", "đọc thêm", "Ảnh: Thanh Le", "(Baonghean) - ", "123", "", " ", "ĐỌC THÊM", "İstanbul"]
        var checked = 0
        for profile in SiteProfile.builtIn {
            let set = MarkerSet(profile.boilerplateMarkers)
            var lines = others
            for m in profile.boilerplateMarkers {
                for variant in [m, m.uppercased(), m.lowercased(), m.capitalized] { lines += tails.map { variant + $0 } }
            }
            for line in lines {
                #expect(SiteProfile.matchesMarker(line, set) == reference(line, profile.boilerplateMarkers), "\(profile.id): \(line)")
                checked += 1
            }
        }
        #expect(checked > 100)
        #expect(!SiteProfile.matchesMarker("anything", MarkerSet([])))
    }

    @Test func titleKeysKeepLettersAndDigitsOfAnyScript() {
        #expect(ScrapedTextReader.normalizedKey("Nghe An: 700,000 students!") == "nghean700000students")
        #expect(ScrapedTextReader.normalizedKey("Học sinh Nghệ An — 2024") == "họcsinhnghệan2024")
        #expect(ScrapedTextReader.normalizedKey("ΣΟΦΙΑ «σοφία»") == "σοφιασοφία")
        #expect(ScrapedTextReader.normalizedKey("東京 ٣ ...") == "東京٣")
        #expect(ScrapedTextReader.normalizedKey(" – ; ") == "")
    }

    @Test func keywordLinesInAnyCase() {
        #expect(ScrapedTextReader.tags(in: ["Body text.", "TAGS: rice, storm"]) == ["rice", "storm"])
        #expect(ScrapedTextReader.tags(in: ["Từ Khóa: lúa; bão"]) == ["lúa", "bão"])
        #expect(ScrapedTextReader.tags(in: ["Chủ đề: Nghệ An"]) == ["Nghệ An"])
        #expect(ScrapedTextReader.tags(in: ["Keywords:harvest|rain"]) == ["harvest", "rain"])
        #expect(ScrapedTextReader.tags(in: ["Tagline: none", "Stags: no"]).isEmpty)
    }
}
