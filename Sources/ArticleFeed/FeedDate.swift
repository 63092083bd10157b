import ArticleCore

/// Feed dates: RFC 822 / RFC 2822 as RSS writes them (`Tue, 10 Jun 2003 04:00:00 GMT`,
/// `10 Jun 03 04:00 EST`, with named or numeric zones and military letters), and ISO 8601 /
/// RFC 3339 as Atom, JSON Feed and `dc:date` do. Feeds that put one where the other belongs
/// are read either way.
public enum FeedDate {
    /// The date `text` names, or `nil` when it is neither form.
    public static func parse(_ text: String) -> ArticleDate? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty, t.utf8.count <= 100 else { return nil }
        return rfc822(t) ?? ArticleDate(iso8601: t)
    }

    /// Named zones of RFC 822 and the common North American ones, in minutes east of UTC.
    static let zones: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
        "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
        "AKST": -540, "AKDT": -480, "HST": -600, "JST": 540, "IST": 330, "AEST": 600, "AEDT": 660,
    ]

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func rfc822(_ text: String) -> ArticleDate? {
        var parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        // An optional day name first.
        if let first = parts.first, first.first?.isLetter == true { parts.removeFirst() }
        guard parts.count >= 4, let day = Int(parts[0]), (1...31).contains(day) else { return nil }
        guard let m = months.firstIndex(of: String(parts[1].lowercased().prefix(3))) else { return nil }
        guard var year = Int(parts[2]) else { return nil }
        if parts[2].count <= 2 { year += year < 50 ? 2000 : 1900 }
        let clock = parts[3].split(separator: ":").map { Int($0) }
        guard clock.count >= 2, clock.allSatisfy({ $0 != nil }),
              let hour = clock[0], let minute = clock[1] else { return nil }
        let second = clock.count > 2 ? (clock[2] ?? 0) : 0
        var offset: Int? = nil
        if parts.count > 4 { offset = zoneOffset(parts[4]) }
        return ArticleDate(year: year, month: m + 1, day: day, hour: hour, minute: minute, second: second,
                           utcOffsetMinutes: offset ?? 0)
    }

    /// `+0200`, `-07:00`, `GMT`, `EST`, a military letter; unknown names are UTC (RFC 2822
    /// treats them as `-0000`).
    static func zoneOffset(_ zone: String) -> Int? {
        let z = zone.uppercased()
        if let sign = z.first, sign == "+" || sign == "-" {
            let digits = z.dropFirst().filter(\.isNumber)
            guard digits.count == 4, let hh = Int(digits.prefix(2)), let mm = Int(digits.suffix(2)), hh <= 18, mm < 60 else { return nil }
            return (sign == "-" ? -1 : 1) * (hh * 60 + mm)
        }
        if let named = zones[z] { return named }
        if z.unicodeScalars.count == 1, let c = z.unicodeScalars.first, (65...90).contains(c.value), c != "J" {
            // Military zones: A-I = +1…+9, K-M = +10…+12, N-Y = -1…-12, Z = 0.
            let v = Int(c.value) - 64
            if v <= 9 { return v * 60 }
            if v <= 13 { return (v - 1) * 60 }
            if v <= 25 { return -(v - 13) * 60 }
        }
        return 0
    }
}
