/// A small table keyed by name hashes (``HTMLDepthLimiter/hash(_:)``), sorted and searched
/// by halves. A `Set<UInt64>` or `Dictionary` hashes its key again (SipHash) on every look-up;
/// the depth limiter asks several of these for every tag of the page, which made it 2.8% of the
/// fundus WARC stream (callgrind, 60 M instructions over 40 pages).
struct NameHashes<Value: Sendable>: Sendable {
    private let keys: [UInt64]
    private let values: [Value]

    /// The table of `pairs`; a key given twice keeps its first value.
    init(_ pairs: [(UInt64, Value)]) {
        var sorted: [(UInt64, Value)] = []
        for pair in pairs where !sorted.contains(where: { $0.0 == pair.0 }) { sorted.append(pair) }
        sorted.sort { $0.0 < $1.0 }
        keys = sorted.map(\.0)
        values = sorted.map(\.1)
    }

    /// The value for `key`, or `nil`.
    subscript(key: UInt64) -> Value? {
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low < keys.count && keys[low] == key ? values[low] : nil
    }
}
