import ArticleCore
import Foundation

/// Finds a date written for people in running text, as datelines print it: month names in
/// English, German, French, Spanish, Italian, Portuguese and Dutch in either order
/// (`December 12, 2016 7:00 AM`, `Saturday, December 27, 2014, 12:06 PM`, `12. März 2024`,
/// `12 de marzo de 2024`), Vietnamese `ngày 12 tháng 3 năm 2024`, and numeric days
/// (`2024-03-12`, `12.03.2024`, `12/03/2024`, month first when the page is in English and the
/// numbers allow both). A time after the day is kept, with its zone when one is named.
enum HTMLDateText {
    /// One piece of the text: a run of digits, a run of letters (lower-cased, without a final
    /// dot), or one other character.
    enum Token: Equatable {
        case number(Int, digits: Int)
        case word(String)
        case mark(Character)
    }

    static func tokens(_ s: String) -> [Token] {
        var out: [Token] = []
        var run = ""
        var kind = 0  // 1 digits, 2 letters
        func flush() {
            if kind == 1, let v = Int(run.prefix(9)) { out.append(.number(v, digits: run.count)) }
            if kind == 2 { out.append(.word(run.lowercased())) }
            run = ""
            kind = 0
        }
        for c in s {
            let k = c.isASCIIDigitCharacter ? 1 : (c.isLetter ? 2 : 0)
            if k != kind { flush() }
            if k == 0 {
                if !c.isWhitespace { out.append(.mark(c)) }
            } else {
                run.append(c)
                kind = k
            }
            if out.count > 400 { break }
        }
        flush()
        return out
    }

    /// Month names and their usual abbreviations, lower-cased, in the languages above.
    static let months: [String: Int] = {
        let lists: [[String]] = [
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
            ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
            ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
            ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
            ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
            ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
            ["jän", "feb", "mär", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "dez"],
            ["janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"],
            ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
            ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
            ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"],
            ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
        ]
        var out: [String: Int] = ["jänner": 1, "feber": 2, "mrz": 3, "sept": 9, "setiembre": 9, "fevrier": 2, "aout": 8, "decembre": 12, "marco": 3, "fév": 2]
        for list in lists {
            for (i, name) in list.enumerated() where out[name] == nil { out[name] = i + 1 }
        }
        return out
    }()

    /// Words between the day, the month and the year that change nothing ("12 de marzo de 2024").
    static let fillers: Set<String> = ["de", "del", "di", "th", "st", "nd", "rd", "er", "o", "º", "the", "of"]

    /// Words that say the date after them is not the publication: an update or edit.
    static let updateLabels = ["updated", "update", "modified", "edited", "aktualisiert", "geändert", "mis à jour", "modifié",
                               "actualizado", "actualización", "aggiornato", "atualizado", "atualização", "bijgewerkt", "gewijzigd",
                               "cập nhật"]

    /// The first date in `text` not labelled as an update; `monthFirst` reads `03/04/2024` as
    /// March 4 (pages in English).
    static func find(in text: String, monthFirst: Bool) -> ArticleDate? {
        let t = tokens(String(text.prefix(1200)))
        var i = 0
        while i < t.count {
            if let (date, end) = match(t, at: i, monthFirst: monthFirst) {
                if !labelledAsUpdate(t, before: i) { return date }
                i = end
            } else {
                i += 1
            }
        }
        return nil
    }

    private static func labelledAsUpdate(_ t: [Token], before i: Int) -> Bool {
        let words = t[max(0, i - 4)..<i].compactMap { tok -> String? in if case .word(let w) = tok { return w } else { return nil } }
        let joined = words.joined(separator: " ")
        return updateLabels.contains { joined.contains($0) }
    }

    private static func number(_ t: [Token], _ i: Int) -> (value: Int, digits: Int)? {
        guard i < t.count, case .number(let v, let d) = t[i] else { return nil }
        return (v, d)
    }

    private static func word(_ t: [Token], _ i: Int) -> String? {
        guard i < t.count, case .word(let w) = t[i] else { return nil }
        return w
    }

    private static func isMark(_ t: [Token], _ i: Int, _ marks: String) -> Bool {
        guard i < t.count, case .mark(let c) = t[i] else { return false }
        return marks.contains(c)
    }

    /// Skips marks in `marks` and filler words from `i`.
    private static func skip(_ t: [Token], _ i: Int, marks: String = ".,") -> Int {
        var i = i
        while i < t.count {
            if isMark(t, i, marks) { i += 1; continue }
            if let w = word(t, i), fillers.contains(w) { i += 1; continue }
            break
        }
        return i
    }

    private static func year(_ t: [Token], _ i: Int) -> Int? {
        guard let (v, d) = number(t, i), d == 4 else { return nil }
        return v
    }

    /// A date starting at token `i`, and the index after it.
    static func match(_ t: [Token], at i: Int, monthFirst: Bool) -> (ArticleDate, Int)? {
        var day = 0, month = 0, yr = 0, end = i
        if let w = word(t, i), let m = months[w] {
            // December 12, 2016 / Dec. 12th 2016
            let j = skip(t, i + 1)
            guard let (d, dd) = number(t, j), dd <= 2 else { return nil }
            let k = skip(t, j + 1)
            guard let y = year(t, k) else { return nil }
            (day, month, yr, end) = (d, m, y, k + 1)
        } else if let w = word(t, i), w == "ngày" || w == "ngay" {
            return match(t, at: i + 1, monthFirst: false)
        } else if let (d, dd) = number(t, i), dd <= 2 {
            let j = skip(t, i + 1)
            if let w = word(t, j), let m = months[w] {
                // 12 December 2016 / 12. März 2024 / 12 de marzo de 2024
                let k = skip(t, j + 1)
                guard let y = year(t, k) else { return nil }
                (day, month, yr, end) = (d, m, y, k + 1)
            } else if let w = word(t, j), w == "tháng" || w == "thang" || w == "thg", let (m, _) = number(t, j + 1) {
                // 12 tháng 3 năm 2024 / 12 tháng 3, 2024
                var k = skip(t, j + 2)
                if let n = word(t, k), n == "năm" || n == "nam" { k += 1 }
                guard let y = year(t, k) else { return nil }
                (day, month, yr, end) = (d, m, y, k + 1)
            } else if isMark(t, i + 1, "./-"), let (b, bd) = number(t, i + 2), bd <= 2, isMark(t, i + 3, "./-"), let y = year(t, i + 4) {
                // 12.03.2024, 12/03/2024, 03/12/2024
                let slash = isMark(t, i + 1, "/")
                if d > 12 || (!monthFirst || !slash) && b <= 12 { (day, month) = (d, b) } else { (day, month) = (b, d) }
                (yr, end) = (y, i + 5)
            } else {
                return nil
            }
        } else if let y = year(t, i), isMark(t, i + 1, "-/."), let (m, _) = number(t, i + 2), isMark(t, i + 3, "-/."),
                  let (d, dd) = number(t, i + 4), dd <= 2 {
            (day, month, yr, end) = (d, m, y, i + 5)
        } else {
            return nil
        }
        let (clock, after) = time(t, at: skip(t, end, marks: ",|-–—·•@"))
        guard let date = ArticleDate(year: yr, month: month, day: day, hour: clock?.hour ?? 0, minute: clock?.minute ?? 0,
                                     second: clock?.second ?? 0, utcOffsetMinutes: clock?.offset) else { return nil }
        return (date, clock == nil ? end : after)
    }

    /// A time of day at token `i` (`7:00 AM`, `12:06`, `18.30 Uhr`, `10:15:00 EDT`), and the index after it.
    static func time(_ t: [Token], at start: Int) -> ((hour: Int, minute: Int, second: Int, offset: Int?)?, Int) {
        var i = start
        if let w = word(t, i), ["at", "um", "à", "a", "alle", "às", "om", "lúc", "las", "ore", "h"].contains(w) { i = skip(t, i + 1) }
        guard let (h, hd) = number(t, i), hd <= 2, isMark(t, i + 1, ":.") || word(t, i + 1) == "h",
              let (m, md) = number(t, i + 2), md == 2 else { return (nil, start) }
        var hour = h, second = 0
        i += 3
        if isMark(t, i, ":"), let (s, sd) = number(t, i + 1), sd == 2 { second = s; i += 2 }
        if let w = word(t, i), w == "pm" || w == "am" || w == "p" || w == "a" {
            var k = i + 1
            if w.count == 1, isMark(t, k, "."), word(t, k + 1) == "m" { k += 2 }
            if isMark(t, k, ".") { k += 1 }
            guard (1...12).contains(hour) else { return (nil, start) }
            if w.hasPrefix("p"), hour < 12 { hour += 12 }
            if w.hasPrefix("a"), hour == 12 { hour = 0 }
            i = k
        }
        var offset: Int?
        if let w = word(t, i), let z = HTMLDateParser.zoneOffsets[w.uppercased()] {
            offset = z
            i += 1
            // GMT+0100, UTC-05:00
            if z == 0, isMark(t, i, "+-"), let (o, od) = number(t, i + 1), od == 4 || od <= 2 {
                let sign = isMark(t, i, "-") ? -1 : 1
                var minutes = od == 4 ? o / 100 * 60 + o % 100 : o * 60
                i += 2
                if od <= 2, isMark(t, i, ":"), let (om, omd) = number(t, i + 1), omd == 2 { minutes += om; i += 2 }
                offset = sign * minutes
            }
        }
        guard hour < 24, m < 60 else { return (nil, start) }
        return ((hour, m, second, offset), i)
    }
}
