import ArticleCore

/// Recognises datelines in scraped text and turns the real ones into dates.
///
/// `Monday, 05/09/2011 - 08:30`, `Thứ Hai, 05/09/2011 08:30`, `08:30 05/09/2011`,
/// `2011-09-05T08:30:00+07:00` are dates; `DNUM_BEZBAZCABB 20:10` (a masked date) is a dateline
/// that is kept as text with no date.
enum DatelineParser {
    /// Weekday names that may lead a dateline, lower-cased (English and Vietnamese).
    static let weekdays: [String] = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "chủ nhật",
        "thứ 2", "thứ 3", "thứ 4", "thứ 5", "thứ 6", "thứ 7", "cn",
    ]

    /// Words that may come before the date (`Updated: 05/09/2011 08:30`), lower-cased.
    static let labels = ["updated", "last updated", "published", "posted", "cập nhật", "đăng lúc", "ngày đăng"]

    static let weekdaysLongestFirst = weekdays.sorted { $0.count > $1.count }

    /// Whether a line looks like a dateline: short, and holding a time or a numeric date.
    static func looksLikeDateline(_ line: String) -> Bool {
        guard line.utf8.count <= 160, line.count <= 64, line.split(separator: " ").count <= 8 else { return false }
        if line.hasPrefix("DNUM_") { return true }
        if ArticleDate(iso8601: line) != nil { return true }
        let u = Array(line.utf8)
        var hasTime = false, hasDate = false
        for i in u.indices {
            if u[i] == UInt8(ascii: ":"), i > 0, i + 2 < u.count, isDigit(u[i - 1]), isDigit(u[i + 1]), isDigit(u[i + 2]) {
                hasTime = true
            }
            if u[i] == UInt8(ascii: "/") || u[i] == UInt8(ascii: "."), i > 0, i + 1 < u.count, isDigit(u[i - 1]), isDigit(u[i + 1]) {
                hasDate = true
            }
        }
        // A line with a time or date and few letters is a dateline, not a sentence.
        let letters = line.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        return (hasTime || hasDate) && letters <= 24
    }

    /// The date a dateline names, or `nil` when it is not a real date.
    static func parse(_ raw: String, dayFirst: Bool, utcOffsetMinutes: Int?) -> ArticleDate? {
        let line = raw.trimmingSpaces()
        if var iso = ArticleDate(iso8601: line) {
            if iso.utcOffsetMinutes == nil { iso.utcOffsetMinutes = utcOffsetMinutes }
            return iso
        }
        var rest = Substring(line.lowercased())
        // The first bytes compared before `hasPrefix`, which compares Characters: the weekday
        // and label loops were a sixth of a dateline's parse.
        for label in labels where rest.utf8.first == label.utf8.first && rest.hasPrefix(label) {
            rest = rest.dropFirst(label.count).drop { $0 == " " || $0 == ":" }
            break
        }
        // "GMT+7" / "UTC+07:00" at the end: an explicit offset, not part of the date.
        var offset = utcOffsetMinutes
        if let zone = Self.range(of: "gmt", in: rest) ?? Self.range(of: "utc", in: rest) {
            let tail = rest[zone.upperBound...].trimmingSpaces()
            if let sign = tail.first, sign == "+" || sign == "-" {
                let parts = tail.dropFirst().split(separator: ":")
                // Both parts bounded before the arithmetic: the line is the document's.
                if let h = parts.first.flatMap({ Int($0) }), (0...14).contains(h),
                   let m = parts.count > 1 ? Int(parts[1]) : 0, (0...59).contains(m) {
                    offset = (sign == "-" ? -1 : 1) * (h * 60 + m)
                }
            } else if tail.isEmpty {
                offset = 0
            }
            rest = rest[..<zone.lowerBound]
        }
        for w in weekdaysLongestFirst where rest.utf8.first == w.utf8.first && rest.hasPrefix(w) {
            rest = rest.dropFirst(w.count)
            break
        }
        // Numbers in order of appearance, and which of them were joined by ':' (a time).
        var numbers: [(value: Int, digits: Int, afterColon: Bool, beforeColon: Bool)] = []
        var current = "", prevSep: Character = " "
        var sawLetters = false
        var leftoverLetters = ""
        for ch in rest + " " {
            // ASCII told by its byte: `Character.isNumber` and `isLetter` look up Unicode
            // properties, and every character of the line was tested.
            let ascii = ch.asciiValue
            if let a = ascii, a >= 0x30, a <= 0x39 {
                current.append(ch)
            } else {
                if !current.isEmpty {
                    // A number too long for Int is kept as too large to be a date part.
                    numbers.append((Int(current) ?? Int.max, current.count, prevSep == ":", ch == ":"))
                    current = ""
                }
                let isLetter: Bool
                if let a = ascii { isLetter = (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A } else { isLetter = ch.isLetter }
                if isLetter {
                    sawLetters = true
                    leftoverLetters.append(ch)
                }
                prevSep = ch
            }
        }
        // Letters left after the weekday (other than a/pm, h, GMT+7) mean a masked or odd line.
        if sawLetters && !["am", "pm", "h", "gmt", "ict", "sa", "ch"].contains(String(leftoverLetters)) { return nil }
        let time = numbers.filter { $0.afterColon || $0.beforeColon }
        let date = numbers.filter { !$0.afterColon && !$0.beforeColon }
        guard date.count == 3 else { return nil }
        var d, m, y: Int
        if date[0].digits == 4 {
            (y, m, d) = (date[0].value, date[1].value, date[2].value)
        } else if date[2].digits == 4 || date[2].digits == 2 {
            y = date[2].digits == 2 ? 2000 + date[2].value : date[2].value
            (d, m) = dayFirst ? (date[0].value, date[1].value) : (date[1].value, date[0].value)
        } else {
            return nil
        }
        var hour = 0, minute = 0
        if time.count >= 2 {
            hour = time[0].value
            minute = time[1].value
            if leftoverLetters.hasPrefix("pm"), hour < 12 { hour += 12 }
        }
        return ArticleDate(year: y, month: m, day: d, hour: hour, minute: minute, utcOffsetMinutes: offset)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// Where the ASCII `needle` first occurs in `text`, compared byte for byte (Foundation's
    /// `range(of:)` bridges both to NSString: 7,000 instructions a call).
    static func range(of needle: String, in text: Substring) -> Range<Substring.Index>? {
        let n = Array(needle.utf8), u = text.utf8
        guard let first = n.first else { return nil }
        var i = u.startIndex
        while let start = u[i...].firstIndex(of: first) {
            guard let end = u.index(start, offsetBy: n.count, limitedBy: u.endIndex) else { return nil }
            if u[start..<end].elementsEqual(n) { return start..<end }
            i = u.index(after: start)
        }
        return nil
    }
}
