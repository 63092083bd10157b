import ArticleCore
import Foundation

/// Last tidy-up of extracted blocks: drops a repeated headline at the top, empty blocks, a
/// component rendered twice (see ``droppingRepeatedRuns(_:)``), and the byline and dateline
/// lines that sit inside the body container ("Von Nina Magoley", "Stand: 22.04.2024, 06:00 Uhr").
enum BlockCleaner {
    /// - Parameter headlines: the article title and the page's visible headline, normalized;
    ///   a block at the top that repeats one of them is dropped.
    static func clean(_ blocks: [Block], headlines: Set<String>, authors: [String] = []) -> [Block] {
        var out: [Block] = []
        // Each kept block's text (nil for a figure or a block without text), for the repeat check.
        var texts: [String?] = []
        let names = Set(authors.map(TextTools.normalized))
        for b in blocks {
            if case .figure = b { out.append(b); texts.append(nil); continue }
            let text = b.plainText
            if text.isEmpty, b != .rule { continue }
            if out.allSatisfy(\.isFigure), headlines.contains(TextTools.normalized(text)) { continue }
            // Counted only as far as the limit: counting every character of every paragraph
            // (grapheme breaking) was 1% of the page benchmark.
            if case .paragraph = b, text.dropFirst(89).isEmpty, isBylineOrDateline(text, authors: names) { continue }
            out.append(b)
            texts.append(text.isEmpty ? nil : text)
        }
        out = droppingRepeatedRuns(out, texts: texts)
        while out.last == .rule { out.removeLast() }
        return out
    }

    /// The blocks without a run of two or more that came before in the same order, its blocks
    /// not all alike: one component rendered twice, such as a subscribe box or a share bar at
    /// the top and the bottom of the body. A paragraph repeated on its own stays: authors repeat
    /// a sentence or a refrain, and a page's text is the article's. (Dropping every exact repeat
    /// of a paragraph, as before, lost such text: on Mozilla Readability's test pages body F1
    /// was 0.912 with it and 0.945 without; the fundus pages' 0.950 held either way.)
    /// Found by pairs of neighbouring blocks, in one pass.
    /// `texts` holds each block's plain text, nil for figures and blocks without text.
    static func droppingRepeatedRuns(_ blocks: [Block], texts keys: [String?]) -> [Block] {
        var firstPair: [Pair: Int] = [:]
        // Sized once: growing it rehashed every pair already in it, and hashing non-ASCII text
        // normalizes it (the old repeat check's set cost 0.5% of the fundus WARC stream so).
        firstPair.reserveCapacity(blocks.count)
        var drop = [Bool](repeating: false, count: blocks.count)
        // Each text hashed once, not in each of its two pairs and each look-up of them: hashing
        // a paragraph normalizes it (1.9% of the fundus WARC stream).
        let hashes = keys.map { $0?.hashValue ?? 0 }
        var i = 0
        while i + 1 < blocks.count {
            guard let a = keys[i], let b = keys[i + 1] else { i += 1; continue }
            let pair = Pair(first: a, second: b, hash: hashes[i] &* 31 &+ hashes[i + 1])
            if a != b, !a.dropFirst(40).isEmpty || !b.dropFirst(40).isEmpty,
               let j = firstPair[pair], j + 2 <= i {
                // The run goes on as long as the blocks after both copies agree, and the
                // earlier copy ends before the later begins.
                var n = 2
                while i + n < blocks.count, j + n < i, keys[i + n] != nil, keys[i + n] == keys[j + n] { n += 1 }
                for k in i..<(i + n) { drop[k] = true }
                i += n
                continue
            }
            if firstPair[pair] == nil { firstPair[pair] = i }
            i += 1
        }
        return zip(blocks, drop).compactMap { $1 ? nil : $0 }
    }

    /// Two neighbouring blocks' texts, with a hash made of the texts' own hash values (equal
    /// texts have equal ones, so equal pairs hash alike).
    private struct Pair: Hashable {
        let first: String
        let second: String
        let hash: Int

        static func == (l: Pair, r: Pair) -> Bool { l.hash == r.hash && l.first == r.first && l.second == r.second }
        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
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
