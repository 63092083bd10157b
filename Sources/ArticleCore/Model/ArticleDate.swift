import Foundation

/// A calendar date and wall-clock time as published, with its UTC offset.
///
/// Kept as components rather than a `Date` so that what the source said (08:30 in UTC+7) is
/// what every writer shows, with no conversion through the machine's time zone.
public struct ArticleDate: Hashable, Sendable, Comparable {
    /// The year, 1 to 9999.
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, from 1.
    public var day: Int
    /// The hour on the wall clock where it was published, 0 to 23.
    public var hour: Int
    /// The minute, 0 to 59.
    public var minute: Int
    /// The second, 0 to 60 (60 for a leap second).
    public var second: Int
    /// Offset from UTC in minutes (`420` for UTC+7); `nil` when the source gave none.
    public var utcOffsetMinutes: Int?

    /// Creates a date; returns `nil` when a component is out of range.
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                 utcOffsetMinutes: Int? = nil) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...ArticleDate.daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        if let off = utcOffsetMinutes, !(-18 * 60...18 * 60).contains(off) { return nil }
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO 8601 with seconds and offset: `2011-09-05T08:30:00+07:00` (no offset when unknown).
    public var iso8601: String {
        // Padded by hand, as `String(format: "%04d-%02d…")` pads: formatting through Foundation
        // was a quarter of writing a scraped article's JSON (32,000 instructions a date).
        let p = Self.padded
        var s = p(year, 4) + "-" + p(month, 2) + "-" + p(day, 2) + "T" + p(hour, 2) + ":" + p(minute, 2) + ":" + p(second, 2)
        if let off = utcOffsetMinutes {
            if off == 0 { s += "Z" } else {
                let a = off.magnitude
                s += (off < 0 ? "-" : "+") + p(Int(a / 60), 2) + ":" + p(Int(a % 60), 2)
            }
        }
        return s
    }

    /// `v` in decimal with zeros in front to `width` characters, a minus sign counted among them
    /// (`printf`'s `%0*d`).
    static func padded(_ v: Int, _ width: Int) -> String {
        let digits = String(v.magnitude)
        let sign = v < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - sign.count - digits.count)) + digits
    }

    /// Seconds since 1970-01-01T00:00:00Z (the offset taken as 0 when unknown).
    public var secondsSince1970: Int64 {
        // The components are public and settable: clamped into their ranges first, so that a
        // date built in code cannot overflow the arithmetic below.
        func clamp(_ v: Int, _ r: ClosedRange<Int>) -> Int64 { Int64(min(max(v, r.lowerBound), r.upperBound)) }
        let month = clamp(self.month, 1...12)
        // Days from civil, Howard Hinnant's algorithm: exact for the proleptic Gregorian calendar.
        let y = clamp(year, 1...9999) - (month <= 2 ? 1 : 0)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = month
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + clamp(day, 1...31) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        let local = days * 86400 + clamp(hour, 0...23) * 3600 + clamp(minute, 0...59) * 60 + clamp(second, 0...60)
        return local - clamp(utcOffsetMinutes ?? 0, -18 * 60...18 * 60) * 60
    }

    /// A `Date` for the same instant.
    public var date: Date { Date(timeIntervalSince1970: TimeInterval(secondsSince1970)) }

    /// The UTC date for a count of seconds since 1970 (for `SOURCE_DATE_EPOCH`); counts before
    /// the year 1 or after 9999 give the first or last second of that range.
    public init(secondsSince1970 seconds: Int64) {
        let t = min(max(seconds, -62_135_596_800), 253_402_300_799)
        let days = t >= 0 ? t / 86400 : (t - 86399) / 86400
        let rem = Int(t - days * 86400)
        // Civil from days, the inverse of the above.
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = Int(doy - (153 * mp + 2) / 5 + 1)
        let m = Int(mp < 10 ? mp + 3 : mp - 9)
        let y = Int(yoe + era * 400) + (m <= 2 ? 1 : 0)
        year = y; month = m; day = d
        hour = rem / 3600; minute = rem % 3600 / 60; second = rem % 60
        utcOffsetMinutes = 0
    }

    /// Parses ISO 8601 / RFC 3339 forms: `2011-09-05`, `2011-09-05T08:30`, `2011-09-05 08:30:00`,
    /// with optional fractional seconds and `Z` or `±hh:mm` / `±hhmm` offset.
    public init?(iso8601 text: String) {
        let s = Array(text.trimmingSpaces().utf8)
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= s.count else { return nil }
            var v = 0
            for k in i..<i + n {
                guard s[k] >= 48, s[k] <= 57 else { return nil }
                v = v * 10 + Int(s[k] - 48)
            }
            i += n
            return v
        }
        func eat(_ c: UInt8) -> Bool {
            if i < s.count, s[i] == c { i += 1; return true }
            return false
        }
        guard let y = digits(4), eat(UInt8(ascii: "-")), let mo = digits(2), eat(UInt8(ascii: "-")),
              let d = digits(2) else { return nil }
        var h = 0, mi = 0, se = 0
        var offset: Int?
        if i < s.count, s[i] == UInt8(ascii: "T") || s[i] == UInt8(ascii: " ") || s[i] == UInt8(ascii: "t") {
            i += 1
            guard let hh = digits(2), eat(UInt8(ascii: ":")), let mm = digits(2) else { return nil }
            h = hh; mi = mm
            if eat(UInt8(ascii: ":")) {
                guard let ss = digits(2) else { return nil }
                se = ss
                if eat(UInt8(ascii: ".")) || eat(UInt8(ascii: ",")) {
                    while i < s.count, s[i] >= 48, s[i] <= 57 { i += 1 }
                }
            }
            if eat(UInt8(ascii: "Z")) || eat(UInt8(ascii: "z")) {
                offset = 0
            } else if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
                let sign = s[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let oh = digits(2) else { return nil }
                _ = eat(UInt8(ascii: ":"))
                let om = digits(2) ?? 0
                offset = sign * (oh * 60 + om)
            }
        }
        guard i == s.count else { return nil }
        self.init(year: y, month: mo, day: d, hour: h, minute: mi, second: se, utcOffsetMinutes: offset)
    }

    /// Whether `a` is an earlier instant than `b` (a date without an offset is taken as UTC).
    public static func < (a: ArticleDate, b: ArticleDate) -> Bool {
        a.secondsSince1970 < b.secondsSince1970
    }
}
