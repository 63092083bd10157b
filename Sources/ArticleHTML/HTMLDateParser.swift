import ArticleCore
import Foundation

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

/// Reads the dates news pages put in metadata: ISO 8601 in its many spellings (`2024-05-03T10:00:00.000+0200`,
/// `2024-05-03 10:00`, `20240503T100000Z`, `2018-10-29T10:15-500`), RFC 2822
/// (`Fri, 03 May 2024 08:00:00 GMT`), `ctime` and JavaScript forms (`Mon Aug 03 12:45:00 EDT 2015`,
/// `Sat Dec 07 2024 01:36:42 GMT+0000`), `03.05.2024` day-first dates, and whatever
/// ``HTMLDateText`` reads in text (`05/29/2007 09:49:00`, `December 12, 2016`).
enum HTMLDateParser {
    /// UTC offsets in minutes of the zone abbreviations pages print; ambiguous ones (`IST`,
    /// `BST` aside) are left out.
    static let zoneOffsets: [String: Int] = [
        "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 60, "CET": 60, "MEZ": 60, "WEST": 60, "CEST": 120, "MESZ": 120,
        "EET": 120, "EEST": 180, "MSK": 180, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420,
        "MDT": -360, "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600, "JST": 540, "KST": 540,
        "AEST": 600, "AEDT": 660, "ACST": 570, "AWST": 480, "NZST": 720, "NZDT": 780, "ICT": 420, "SGT": 480, "HKT": 480,
    ]

    static func parse(_ raw: String) -> ArticleDate? {
        let s = raw.trimmingWhitespace
        guard s.count >= 8, s.count < 80 else { return nil }
        // Seconds or milliseconds since 1970, as some sites write them.
        if s.allSatisfy(\.isASCIIDigitCharacter), s.count == 10 || s.count == 13, let n = Int64(s) {
            let seconds = s.count == 13 ? n / 1000 : n
            guard seconds > 631_152_000 else { return nil }  // after 1990: not a stray number
            return ArticleDate(secondsSince1970: seconds)
        }
        if let d = ArticleDate(iso8601: s) { return d }
        // "2024-05-03T10:00:00 +02:00", "2024-05-03T10:00:00.123456+02:00[Europe/Vienna]"
        var t = s
        if let b = t.firstIndex(of: "[") { t = String(t[..<b]) }
        t = t.replacingOccurrences(of: " +", with: "+").replacingOccurrences(of: " -", with: "-")
            .replacingOccurrences(of: " Z", with: "Z").replacingOccurrences(of: "UTC", with: "Z")
        if let d = ArticleDate(iso8601: t) { return d }
        // An offset written with three digits ("-500" for -05:00).
        if let tIndex = t.firstIndex(of: "T"), let sign = t[tIndex...].lastIndex(where: { $0 == "+" || $0 == "-" }),
           t[t.index(after: sign)...].count == 3, t[t.index(after: sign)...].allSatisfy(\.isASCIIDigitCharacter) {
            var padded = t
            padded.insert("0", at: padded.index(after: sign))
            if let d = ArticleDate(iso8601: padded) { return d }
        }
        let u = Array(t.utf8)
        func digits(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= u.count else { return nil }
            var v = 0
            for i in r { guard u[i] >= 48, u[i] <= 57 else { return nil }; v = v * 10 + Int(u[i] - 48) }
            return v
        }
        // Leading YYYY-MM-DD with anything after it that is not a clean time: keep the day.
        if let y = digits(0..<4), u.count >= 10, u[4] == UInt8(ascii: "-") || u[4] == UInt8(ascii: "/"),
           let m = digits(5..<7), let d = digits(8..<10) {
            var hour = 0, minute = 0
            if u.count >= 16, let h = digits(11..<13), let mi = digits(14..<16) { hour = h; minute = mi }
            return ArticleDate(year: y, month: m, day: d, hour: hour, minute: minute)
        }
        // Compact 20240503T100000Z
        if let y = digits(0..<4), let m = digits(4..<6), let d = digits(6..<8) {
            return ArticleDate(year: y, month: m, day: d)
        }
        // Day-first 03.05.2024
        if let d = digits(0..<2), u.count >= 10, u[2] == UInt8(ascii: "."), let m = digits(3..<5), u[5] == UInt8(ascii: "."),
           let y = digits(6..<10) {
            return ArticleDate(year: y, month: m, day: d)
        }
        if let d = rfc2822(s) ?? ctime(s) { return d }
        return HTMLDateText.find(in: s, monthFirst: true)
    }

    /// `Mon Aug 03 12:45:00 EDT 2015`: the month and day, the time, a zone, then the year.
    static func ctime(_ s: String) -> ArticleDate? {
        var parts = s.split(separator: " ").map(String.init)
        if let f = parts.first, f.count == 3, HTMLDateText.months[f.lowercased()] == nil { parts.removeFirst() }
        guard parts.count >= 4, let month = HTMLDateText.months[parts[0].lowercased()], let day = Int(parts[1]),
              let year = parts.last.flatMap({ Int($0) }), year > 999 else { return nil }
        let hms = parts[2].split(separator: ":").compactMap { Int($0) }
        guard hms.count >= 2 else { return nil }
        let offset = parts.count >= 5 ? zoneOffsets[parts[3].uppercased()] : nil
        return ArticleDate(year: year, month: month, day: day, hour: hms[0], minute: hms[1], second: hms.count > 2 ? hms[2] : 0,
                           utcOffsetMinutes: offset)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `Fri, 03 May 2024 08:00:00 GMT` / `+0200`.
    static func rfc2822(_ s: String) -> ArticleDate? {
        var parts = s.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        if let f = parts.first, Int(f) == nil { parts.removeFirst() }
        guard parts.count >= 3, let day = Int(parts[0]),
              let month = months.firstIndex(of: String(parts[1].lowercased().prefix(3))),
              let year = Int(parts[2]) else { return nil }
        var hour = 0, minute = 0, second = 0
        var offset: Int?
        if parts.count >= 4 {
            let hms = parts[3].split(separator: ":").compactMap { Int($0) }
            if hms.count >= 2 { hour = hms[0]; minute = hms[1]; second = hms.count > 2 ? hms[2] : 0 }
        }
        if parts.count >= 5 {
            let z = parts[4]
            if let known = zoneOffsets[z.uppercased()] { offset = known } else if z.count == 5, let v = Int(z.dropFirst()) {
                offset = (z.hasPrefix("-") ? -1 : 1) * (v / 100 * 60 + v % 100)
            }
        }
        return ArticleDate(year: year, month: month + 1, day: day, hour: hour, minute: minute, second: second, utcOffsetMinutes: offset)
    }
}
