import Foundation

/// Resolving a feed's links: against `xml:base` or the feed's address, http(s) only.
struct FeedLinks {
    var base: URL?

    /// `text` as an absolute http(s) URL, or `nil` when it is empty, another scheme, or
    /// relative with no base to resolve it against.
    func resolve(_ text: String?) -> String? {
        guard let t = text?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty, t.utf8.count <= 8192 else { return nil }
        // A link with spaces or other characters a URL may not hold is tried percent-encoded.
        let escaped = t.addingPercentEncoding(withAllowedCharacters: Self.allowed) ?? t
        guard let url = URL(string: t, relativeTo: base)?.absoluteURL ?? URL(string: escaped, relativeTo: base)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host?.isEmpty == false
        else { return nil }
        return url.absoluteString
    }

    static let allowed = CharacterSet.urlQueryAllowed.union(CharacterSet(charactersIn: "#%"))

    /// A copy whose base is `xmlBase` resolved against this one (when it is a URL).
    func rebased(_ xmlBase: String?) -> FeedLinks {
        guard let b = xmlBase?.trimmingCharacters(in: .whitespacesAndNewlines), !b.isEmpty,
              let url = URL(string: b, relativeTo: base)?.absoluteURL, url.scheme != nil else { return self }
        return FeedLinks(base: url)
    }
}

extension String {
    /// Text trimmed of white space, with runs of it made one space, or `nil` when empty; at most
    /// `limit` bytes kept.
    func feedText(limit: Int) -> String? {
        let words = split(whereSeparator: { $0.isWhitespace })
        guard !words.isEmpty else { return nil }
        var s = words.joined(separator: " ")
        if s.utf8.count > limit {
            var bytes = 0
            s = String(s.prefix { c in bytes += c.utf8.count; return bytes <= limit })
        }
        return s
    }
}
