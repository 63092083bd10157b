import ArticleCore
import Foundation

/// Last tidy-up of extracted blocks: drops a repeated headline at the top, empty blocks, exact
/// repeats of a paragraph (pages that render the lead twice), and the byline and dateline
/// lines that sit inside the body container ("Von Nina Magoley", "Stand: 22.04.2024, 06:00 Uhr").
enum BlockCleaner {
    /// - Parameter headlines: the article title and the page's visible headline, normalized;
    ///   a block at the top that repeats one of them is dropped.
    static func clean(_ blocks: [Block], headlines: Set<String>, authors: [String] = []) -> [Block] {
        var out: [Block] = []
        var seen: Set<String> = []
        let names = Set(authors.map(TextTools.normalized))
        for b in blocks {
            if case .figure = b { out.append(b); continue }
            let text = b.plainText
            if text.isEmpty, b != .rule { continue }
            if out.allSatisfy(\.isFigure), headlines.contains(TextTools.normalized(text)) { continue }
            // Counted only as far as the limit: counting every character of every paragraph
            // (grapheme breaking) was 1% of the page benchmark.
            if case .paragraph = b, text.dropFirst(89).isEmpty, isBylineOrDateline(text, authors: names) { continue }
            if !text.dropFirst(40).isEmpty, !seen.insert(text).inserted { continue }
            out.append(b)
        }
        while out.last == .rule { out.removeLast() }
        return out
    }

    static let bylinePrefixes = ["by ", "von ", "par ", "por ", "door ", "av ", "af ", "di ", "de ", "text: ", "text ", "autor: "]

    /// Whether a short paragraph is only a byline or a date and time.
    static func isBylineOrDateline(_ text: String, authors: Set<String>) -> Bool {
        let n = TextTools.normalized(text)
        if !authors.isEmpty {
            var rest = n
            for p in bylinePrefixes where rest.hasPrefix(p) { rest = String(rest.dropFirst(p.count)); break }
            if authors.contains(rest) || authors.contains(where: { !$0.isEmpty && rest.hasPrefix($0) && rest.count < $0.count + 40 }) {
                return true
            }
        }
        // Mostly a date: digits in date or time shape and few words.
        let words = TextTools.words(n)
        guard words.count <= 9 else { return false }
        let digits = n.filter(\.isNumber).count
        let letters = n.filter(\.isLetter).count
        // The counts decide most paragraphs without the three pattern searches (1.2% of the
        // page benchmark when run on every short paragraph).
        guard digits >= 4, letters <= 30 else { return false }
        let hasTime = n.range(of: #"\b\d{1,2}[:.]\d{2}\b"#, options: .regularExpression) != nil
        let hasDate = n.range(of: #"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b"#, options: .regularExpression) != nil
            || n.range(of: #"\b(19|20)\d{2}\b"#, options: .regularExpression) != nil
        return hasDate || hasTime
    }
}
