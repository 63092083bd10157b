import Foundation
import ArticleCore
import Testing

@Test func parsesISO8601WithOffset() throws {
    let d = try #require(ArticleDate(iso8601: "2011-09-05T08:30:00+07:00"))
    #expect(d.hour == 8 && d.utcOffsetMinutes == 420)
    #expect(d.iso8601 == "2011-09-05T08:30:00+07:00")
    #expect(d.secondsSince1970 == 1_315_186_200)
}

@Test func parsesDateOnlyAndZulu() throws {
    #expect(ArticleDate(iso8601: "2024-05-03")?.iso8601 == "2024-05-03T00:00:00")
    #expect(ArticleDate(iso8601: "2024-05-03T10:11:12.345Z")?.iso8601 == "2024-05-03T10:11:12Z")
    #expect(ArticleDate(iso8601: "2024-05-03T10:11:12-0430")?.utcOffsetMinutes == -270)
}

@Test func rejectsImpossibleDates() {
    #expect(ArticleDate(iso8601: "2023-02-29") == nil)
    #expect(ArticleDate(iso8601: "2024-13-01") == nil)
    #expect(ArticleDate(iso8601: "DNUM_BEZBAZCABB 20:10") == nil)
    #expect(ArticleDate(iso8601: "2024-01-01T25:00") == nil)
}

@Test func epochRoundTrip() {
    for t: Int64 in [0, 1_315_186_200, 951_782_400, -86_401] {
        #expect(ArticleDate(secondsSince1970: t).secondsSince1970 == t)
    }
    #expect(ArticleDate(secondsSince1970: 951_782_400).iso8601 == "2000-02-29T00:00:00Z")
}

@Test func nfcFastPathAgreesWithFoundation() {
    let samples = ["plain ascii", "Nghệ An: Mưa lớn", "Nghe\u{0323}\u{0302} An", "A\u{030A}ngstr\u{00F6}m \u{212B}", "한국어 \u{1100}\u{1161}",
                   "中文 “quotes” – dash €", "e\u{0301}", "\u{00E9}\u{0301}", "Ελληνικά ά", "ø\u{0327}"]
    for s in samples {
        #expect(s.nfc.unicodeScalars.elementsEqual(s.precomposedStringWithCanonicalMapping.unicodeScalars), "\(s)")
    }
}

/// The components are settable, so a date built in code may hold any Int: its instant is still
/// computed without overflow (components clamped), and any count of seconds gives a date.
@Test func anyComponentsOrSecondsComputeWithoutOverflow() throws {
    var d = try #require(ArticleDate(year: 2024, month: 5, day: 3))
    let range: ClosedRange<Int64> = -62_135_661_600...253_402_365_599  // year 1 to 9999, ±18 hours
    for v in [Int.max, Int.min, 0, -1] {
        d.year = v; d.month = v; d.day = v; d.hour = v; d.minute = v; d.second = v; d.utcOffsetMinutes = v
        #expect(range.contains(d.secondsSince1970))
        _ = d.date
    }
    #expect(ArticleDate(secondsSince1970: .max).year == 9999)
    #expect(ArticleDate(secondsSince1970: .min).iso8601 == "0001-01-01T00:00:00Z")
    #expect(ArticleDate(secondsSince1970: 0).iso8601 == "1970-01-01T00:00:00Z")
}

@Test func iso8601TextIsPaddedAsPrintfPads() throws {
    // Components are public and settable, so any value, out of range ones too, is written as
    // `String(format:)` wrote it (within 32 bits: its %d took only those).
    let values = [0, 1, 9, 10, 59, 99, 100, 999, 2011, 10_000, -1, -5, -59, -999, -2011, Int(Int32.max), Int(Int32.min)]
    for v in values {
        var d = try #require(ArticleDate(year: 2011, month: 9, day: 5))
        (d.year, d.month, d.day, d.hour, d.minute) = (v, v, v, v, v)
        let expected = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", v, v, v, v, v, 0)
        #expect(d.iso8601 == expected, "\(v)")
    }
    for off in [0, 1, 59, 60, 420, -420, -570, 5999, -5999, 100_000] {
        var d = try #require(ArticleDate(year: 2011, month: 9, day: 5, hour: 8, minute: 30))
        d.utcOffsetMinutes = off
        let a = abs(off)
        let zone = off == 0 ? "Z" : String(format: "%@%02d:%02d", off < 0 ? "-" : "+", a / 60, a % 60)
        #expect(d.iso8601 == "2011-09-05T08:30:00" + zone, "\(off)")
    }
}
