import ArticleKit

/// Entry and feed ids: an article's absolute URL, or a `urn:uuid:` derived from a hash.
///
/// The hash is FNV-1a, twice with different seeds, laid out as a version-8 (custom) UUID: not a
/// cryptographic hash, but stable across runs and machines, which is what an Atom id must be.
public enum AtomID {
    /// Hands out an id per article and makes ids unique within one feed: a second article with
    /// the same title (the same article read from two files) gets the hash of the title and
    /// its position.
    public struct Allocator {
        /// The ids handed out so far, in order.
        public private(set) var allocated: [String] = []
        private var seen: Set<String> = []

        /// Creates an allocator with no ids handed out.
        public init() {}

        /// The id for an article with this metadata.
        public mutating func id(for metadata: Metadata) -> String {
            let title = metadata.title ?? ""
            var candidate = absoluteURL(metadata.url) ?? urn(for: title)
            var n = 1
            while seen.contains(candidate) {
                n += 1
                candidate = urn(for: title + "\n\(n)")
            }
            seen.insert(candidate)
            allocated.append(candidate)
            return candidate
        }
    }

    /// `urn:uuid:…` from a hash of `text`.
    public static func urn(for text: String) -> String {
        let a = fnv1a(text, seed: 0xcbf2_9ce4_8422_2325)
        let b = fnv1a(text, seed: a ^ 0x9e37_79b9_7f4a_7c15)
        // Version 8 (custom) in the time_hi field, RFC 4122 variant in clock_seq.
        let hi = (a & 0xffff_ffff_ffff_0fff) | 0x0000_0000_0000_8000
        let lo = (b & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000
        let h = hex(hi, 16), l = hex(lo, 16)
        let parts = [h.prefix(8), h.dropFirst(8).prefix(4), h.dropFirst(12), l.prefix(4), l.dropFirst(4)]
        return "urn:uuid:" + parts.joined(separator: "-")
    }

    /// `url` when it is an absolute IRI (has a scheme such as `https:`), else `nil`.
    public static func absoluteURL(_ url: String?) -> String? {
        guard let u = url?.trimmingCharacters(in: .whitespacesAndNewlines), !u.isEmpty,
              let colon = u.firstIndex(of: ":"), colon != u.startIndex,
              u[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }),
              u.first?.isLetter == true, !u.contains(where: \.isWhitespace)
        else { return nil }
        return u
    }

    static func fnv1a(_ s: String, seed: UInt64) -> UInt64 {
        var h = seed
        for byte in s.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        return h
    }

    static func hex(_ v: UInt64, _ digits: Int) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}
