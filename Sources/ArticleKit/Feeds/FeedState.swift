import Foundation

/// The items a daily run has taken already (`--state FILE`), so that a rerun takes only new
/// ones: each item's keys (its id within its feed, its canonical URL) with when it was first
/// taken. Kept to the newest ``maxEntries`` keys, so the file stays small on a years-long cron job.
///
/// The file is JSON (`{"version": 1, "seen": {"KEY": SECONDS, …}}`) and is written atomically
/// (a temporary file renamed over it), so an interrupted run leaves the previous state whole.
public struct FeedState: Sendable, Hashable {
    /// When each key was first taken, in seconds since 1970.
    public private(set) var seen: [String: Int64] = [:]
    /// The most keys kept.
    public static let maxEntries = 20_000

    /// An empty state.
    public init() {}

    /// The state in `url`; an empty one when there is no such file yet.
    /// - Throws: ``/ArticleCore/ArticleError`` when the file cannot be read or is not a state file.
    public init(contentsOf url: URL) throws(ArticleError) {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let input = try ReaderInput(path: url.path, maximumSize: 64 << 20)
        guard let top = try? JSONSerialization.jsonObject(with: input.data) as? [String: Any],
              let entries = top["seen"] as? [String: Any] else {
            throw ArticleError(.malformed, "not a feed state file (give a new file, or delete this one to start over)", file: url.path)
        }
        for (key, value) in entries { if let n = value as? NSNumber { seen[key] = n.int64Value } }
    }

    /// Whether any of `keys` was taken before.
    public func contains(any keys: [String]) -> Bool { keys.contains { seen[$0] != nil } }

    /// Records `keys` as taken at `date` (a key seen before keeps its first date).
    public mutating func insert(_ keys: [String], at date: Date = Date()) {
        let t = Int64(date.timeIntervalSince1970.rounded(.down))
        for k in keys where seen[k] == nil { seen[k] = t }
    }

    /// The state as its file holds it: the newest ``maxEntries`` keys, sorted.
    public func encoded() -> Data {
        var entries = seen
        if entries.count > Self.maxEntries {
            let kept = entries.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(Self.maxEntries)
            entries = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
        }
        let object: [String: Any] = ["version": 1, "seen": entries]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
        return data + Data("\n".utf8)
    }

    /// Writes the state to `url` atomically.
    public func write(to url: URL) throws(ArticleError) {
        try OutputFile.write(encoded(), to: url, inputs: [])
    }
}
