import Foundation

/// The keys an item is known by, for deduplication and ``FeedState``: its id within its feed
/// and its canonical URL anywhere.
enum FeedItemKey {
    /// `id FEED ID` for a guid or id (unique within a feed, as feeds number their items their
    /// own way), `url URL` for its canonical link.
    static func keys(id: String?, link: String?, feed: String) -> [String] {
        var out: [String] = []
        if let id, !id.isEmpty { out.append("id \(feed) \(id)") }
        if let c = link.flatMap(canonical) { out.append("url \(c)") }
        return out
    }

    /// Tracking parameters that make one page look like several.
    static let trackingPrefixes = ["utm_", "mc_", "fbclid", "gclid", "yclid", "_ga", "ref_src", "cmpid"]

    /// The URL without what does not name another page: the scheme and host in lower case, no
    /// default port, no fragment, no tracking parameters, no trailing slash; `nil` for no URL.
    static func canonical(_ text: String) -> String? {
        guard var c = URLComponents(string: text.trimmingCharacters(in: .whitespaces)), let host = c.host, !host.isEmpty else { return nil }
        c.scheme = c.scheme?.lowercased()
        c.host = host.lowercased()
        if (c.scheme == "http" && c.port == 80) || (c.scheme == "https" && c.port == 443) { c.port = nil }
        c.fragment = nil
        if let items = c.queryItems {
            let kept = items.filter { q in !trackingPrefixes.contains { q.name.lowercased().hasPrefix($0) } }
            c.queryItems = kept.isEmpty ? nil : kept
        }
        while c.path.count > 1 && c.path.hasSuffix("/") { c.path.removeLast() }
        // http and https name the same article.
        c.scheme = "https"
        return c.string
    }
}
