import Foundation

/// Remembers what a `class`/`id` string means. Pages repeat the same few class strings on
/// thousands of elements, so each distinct string is matched against the word lists once.
final class ClassNameCache: @unchecked Sendable {
    struct Verdict {
        var negative: Bool
        var positive: Bool
        var byline: Bool
    }

    static let shared = ClassNameCache()

    private let lock = NSLock()
    private var verdicts: [String: Verdict] = [:]

    func verdict(_ raw: String, compute: (String) -> Verdict) -> Verdict {
        // Ids and classes often carry serial numbers (`post-1234`); the words are what count.
        let ci = raw.utf8.contains { $0 >= 48 && $0 <= 57 } ? String(decoding: raw.utf8.filter { $0 < 48 || $0 > 57 }, as: UTF8.self) : raw
        lock.lock()
        if let v = verdicts[ci] { lock.unlock(); return v }
        lock.unlock()
        let v = compute(ci)
        lock.lock()
        if verdicts.count > 100_000 { verdicts.removeAll(keepingCapacity: true) }
        verdicts[ci] = v
        lock.unlock()
        return v
    }
}

extension TextTools {
    /// Whether `haystack` contains `needle`, comparing UTF-8 bytes (much cheaper than
    /// Foundation's `contains` for the short ASCII strings of class names).
    static func has(_ haystack: String, _ needle: String) -> Bool {
        var h = haystack
        var n = needle
        return h.withUTF8 { hb in
            n.withUTF8 { nb in
                let hn = hb.count, nn = nb.count
                if nn == 0 { return true }
                if nn > hn { return false }
                let first = nb[0]
                var i = 0
                while i <= hn - nn {
                    if hb[i] == first {
                        var k = 1
                        while k < nn, hb[i + k] == nb[k] { k += 1 }
                        if k == nn { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Whether `haystack` contains any of `needles`.
    static func hasAny(_ haystack: String, _ needles: [String]) -> Bool {
        needles.contains { has(haystack, $0) }
    }
}
