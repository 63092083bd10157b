/// Finds which of a fixed list of ASCII words occur in a string, in one pass over its bytes:
/// the words are grouped by their first byte, so each position is tried against only the few
/// words that could start there.
struct WordMatcher: Sendable {
    let words: [String]
    private let byFirstByte: [[(index: Int, bytes: [UInt8])]]

    init(_ words: [String]) {
        self.words = words
        var table = [[(index: Int, bytes: [UInt8])]](repeating: [], count: 256)
        for (i, w) in words.enumerated() {
            let b = Array(w.utf8)
            if let f = b.first { table[Int(f)].append((i, b)) }
        }
        byFirstByte = table
    }

    /// The indices of the words that occur in `text`, in order of first occurrence.
    func matches(in text: String) -> [Int] {
        var found: [Int] = []
        var t = text
        t.withUTF8 { h in
            let n = h.count
            for i in 0..<n {
                for (index, w) in byFirstByte[Int(h[i])] where i + w.count <= n && !found.contains(index) {
                    var k = 1
                    while k < w.count, h[i + k] == w[k] { k += 1 }
                    if k == w.count { found.append(index) }
                }
            }
        }
        return found
    }

    /// Whether any word occurs in `text`.
    func matchesAny(_ text: String) -> Bool {
        var t = text
        return t.withUTF8 { h in
            let n = h.count
            for i in 0..<n {
                for (_, w) in byFirstByte[Int(h[i])] where i + w.count <= n {
                    var k = 1
                    while k < w.count, h[i + k] == w[k] { k += 1 }
                    if k == w.count { return true }
                }
            }
            return false
        }
    }
}
