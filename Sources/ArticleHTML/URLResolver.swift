import Foundation

/// Makes the URLs of links and images absolute against the page's own address.
struct URLResolver {
    let base: URL?

    /// Creates a resolver for a page whose address (or `<base href>`) is `base`.
    init(base: String?) {
        self.base = base.flatMap { URL(string: $0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The absolute form of `reference`, or `nil` for an empty one or a bare fragment.
    func resolve(_ reference: String) -> String? {
        let r = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        if r.isEmpty || r.hasPrefix("#") { return nil }
        if r.hasPrefix("http://") || r.hasPrefix("https://") || r.hasPrefix("mailto:") || r.hasPrefix("data:") || r.hasPrefix("tel:") {
            return r
        }
        if r.hasPrefix("//") { return (base?.scheme ?? "https") + ":" + r }
        guard let base else { return r }
        let escaped = r.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed.union(CharacterSet(charactersIn: "%#"))) ?? r
        return URL(string: escaped, relativeTo: base)?.absoluteString ?? r
    }
}
