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
        // Sized once: growing it rehashed every paragraph already in it, and hashing non-ASCII
        // text normalizes it (0.5% of the fundus WARC stream, callgrind).
        seen.reserveCapacity(blocks.count)
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
        let hasTime = matches(timePattern, n)
        let hasDate = matches(numericDatePattern, n) || matches(yearPattern, n)
        return hasDate || hasTime
    }

    // Compiled once: `range(of:options: .regularExpression)` compiles its pattern on every call,
    // which was 0.9% of the page benchmark for the few paragraphs that get this far.
    private static let timePattern = try? NSRegularExpression(pattern: #"\b\d{1,2}[:.]\d{2}\b"#)
    private static let numericDatePattern = try? NSRegularExpression(pattern: #"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b"#)
    private static let yearPattern = try? NSRegularExpression(pattern: #"\b(19|20)\d{2}\b"#)

    /// Whether `pattern` matches anywhere in `text`, as `range(of:options: .regularExpression)` finds it.
    private static func matches(_ pattern: NSRegularExpression?, _ text: String) -> Bool {
        guard let pattern else { return false }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return pattern.rangeOfFirstMatch(in: text, options: [], range: range).location != NSNotFound
    }
}
