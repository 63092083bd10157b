import Foundation

/// A profile's boilerplate markers and credit labels, lower-cased once per profile instead of
/// once per article (or per line): `String.lowercased()` costs a few thousand instructions on
/// Vietnamese text, and a scraped article lower-cased its profile's labels on every read and
/// every line it tested against them. Together with the prefix-only lower-casing in
/// `SiteProfile.matchesMarker` and `ScrapedTextReader.tags(in:)`, callgrind counted
/// 230,000 instructions an article fewer (1,008 million to 778 million for 1,000 articles).
struct LoweredProfile: Sendable {
    /// The boilerplate markers.
    let markers: MarkerSet
    /// Credit labels, longest first, so `Ảnh minh họa` wins over `Ảnh`.
    let creditLabels: [String]
    /// The credit labels as a set to test a line's start against before looking closer.
    let creditStarts: MarkerSet

    init(_ profile: SiteProfile) {
        markers = MarkerSet(profile.boilerplateMarkers)
        creditLabels = profile.creditLabels.map { $0.lowercased() }.sorted { $0.count > $1.count }
        creditStarts = MarkerSet(profile.creditLabels)
    }

    /// The lowered labels of `profile`, made once per profile a process meets (the built-in ones
    /// and a few of the user's; past ``cacheLimit`` they are made each time).
    static func of(_ profile: SiteProfile) -> LoweredProfile {
        if let hit = cache.withLock({ $0[profile.id] }), hit.profile == profile { return hit.lowered }
        let lowered = LoweredProfile(profile)
        cache.withLock { entries in
            if entries.count < cacheLimit { entries[profile.id] = (profile, lowered) }
        }
        return lowered
    }

    static let cacheLimit = 64
    private static let cache = LockedEntries()
}

/// Lower-cased markers and the length, in characters, of the longest: a line needs lower-casing
/// only that far to be compared with them.
struct MarkerSet: Sendable {
    let lowered: [String]
    let longest: Int
    /// The first byte of each marker, lower-cased: a line starting with another ASCII letter
    /// matches none.
    let firstBytes: Set<UInt8>

    init(_ markers: [String]) {
        lowered = markers.map { $0.lowercased() }
        longest = lowered.map(\.count).max() ?? 0
        firstBytes = Set(lowered.compactMap(\.utf8.first))
    }

    /// False when `line` cannot start with any marker, told from its first two bytes: most lines
    /// begin with an ASCII letter no marker begins with (two, so that a combining mark after the
    /// first letter still goes through the full comparison).
    func mayStart(_ line: String) -> Bool {
        let head = line.utf8.prefix(2)
        guard let first = head.first, head.allSatisfy({ $0 < 0x80 }) else { return true }
        return firstBytes.contains(first &- 0x41 < 26 ? first | 0x20 : first)
    }
}

/// The process's lowered profiles, by profile id, behind a lock (batch threads share them).
private final class LockedEntries: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (profile: SiteProfile, lowered: LoweredProfile)] = [:]

    func withLock<T>(_ body: (inout [String: (profile: SiteProfile, lowered: LoweredProfile)]) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&entries)
    }
}
