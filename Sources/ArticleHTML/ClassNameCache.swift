import ArticleSupport
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
        var ci = raw
        if raw.utf8.contains(where: Self.isDigit) { ci = ci.withUTF8 { Self.joinedWithoutDigits($0, nil) } }
        return verdict(key: ci, compute: compute)
    }

    /// The verdict for a key already without digits (from ``key(for:)``).
    func verdict(key ci: String, compute: (String) -> Verdict) -> Verdict {
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

    /// The cache key for an element: its class and id joined as
    /// ``BoilerplateRules/rawClassAndID(_:)`` joins them, without digits, built from the
    /// attribute bytes in one allocation; `nil` when that is empty (an empty key means nothing
    /// either way). Building it from two attribute strings, a joined string and a filtered copy
    /// took 2.4% of the page benchmark: every element of every page is looked up.
    static func key(for node: XMLNode) -> String? {
        let key: String? = node.withAttribute("class") { c in
            node.withAttribute("id") { i in joinedWithoutDigits(c, i) } ?? joinedWithoutDigits(c, nil)
        } ?? node.withAttribute("id") { joinedWithoutDigits($0, nil) }
        guard let key, !key.isEmpty else { return nil }
        return key
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// `first`, a space and `second` (when there is a second), with the ASCII digits left out.
    private static func joinedWithoutDigits(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>?) -> String {
        let total = first.count + (second.map { $0.count + 1 } ?? 0)
        return String(unsafeUninitializedCapacity: total) { out in
            var n = 0
            for b in first where !isDigit(b) { out[n] = b; n += 1 }
            if let second {
                out[n] = 32
                n += 1
                for b in second where !isDigit(b) { out[n] = b; n += 1 }
            }
            return n
        }
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
}
