/// Finds which of a fixed list of ASCII words occur in a string, in one pass over its bytes:
/// the words are grouped by their first byte, so each position is tried against only the few
/// words that could start there.
struct WordMatcher: Sendable {
    let words: [String]
    /// Every word's bytes, one after another.
    private let pool: [UInt8]
    /// The words by first byte, in list order: `(index in words, start in pool, length)`.
    private let entries: [(index: Int, start: Int, count: Int)]
    /// The words starting with byte `b` are `entries[groupStart[b]..<groupStart[b + 1]]`. One
    /// flat table instead of an array per byte: reading a nested array at every byte retained
    /// and released it, and matching class names was 1.5% of the page benchmark.
    private let groupStart: [Int]

    init(_ words: [String]) {
        self.words = words
        var groups = [[(index: Int, bytes: [UInt8])]](repeating: [], count: 256)
        for (i, w) in words.enumerated() {
            let b = Array(w.utf8)
            if let f = b.first { groups[Int(f)].append((i, b)) }
        }
        var pool: [UInt8] = []
        var entries: [(index: Int, start: Int, count: Int)] = []
        var groupStart: [Int] = []
        for group in groups {
            groupStart.append(entries.count)
            for (index, bytes) in group {
                entries.append((index, pool.count, bytes.count))
                pool += bytes
            }
        }
        groupStart.append(entries.count)
        self.pool = pool
        self.entries = entries
        self.groupStart = groupStart
    }

    /// Calls `found` with the index of each word that occurs at each position of `text`, in
    /// order of position and then of the list, until it returns `false`.
    private func scan(_ text: String, _ found: (Int) -> Bool) {
        var t = text
        t.withUTF8 { scan($0, found) }
    }

    private func scan(_ h: UnsafeBufferPointer<UInt8>, _ found: (Int) -> Bool) {
        pool.withUnsafeBufferPointer { pool in
            entries.withUnsafeBufferPointer { entries in
                groupStart.withUnsafeBufferPointer { groupStart in
                    let n = h.count
                    for i in 0..<n {
                        let first = Int(h[i])
                        for e in entries[groupStart[first]..<groupStart[first + 1]] where i + e.count <= n {
                            var k = 1
                            while k < e.count, h[i + k] == pool[e.start + k] { k += 1 }
                            if k == e.count, !found(e.index) { return }
                        }
                    }
                }
            }
        }
    }

    /// The indices of the words that occur in `text`, in order of first occurrence.
    func matches(in text: String) -> [Int] {
        var out: [Int] = []
        scan(text) { index in
            if !out.contains(index) { out.append(index) }
            return true
        }
        return out
    }

    /// Whether any word occurs in the UTF-8 bytes `text`.
    func matchesAny(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var any = false
        scan(text) { _ in any = true; return false }
        return any
    }

    /// Whether any word occurs in `text`.
    func matchesAny(_ text: String) -> Bool {
        var any = false
        scan(text) { _ in any = true; return false }
        return any
    }
}
