import ArticleCore
import Foundation

/// Makes the URLs of links and images absolute against the page's own address, and keeps out
/// the ones ``/ArticleCore/URLSafety`` refuses.
struct URLResolver {
    let base: URL?

    /// Creates a resolver for a page whose address (or `<base href>`) is `base`. Only an `http`
    /// or `https` address is a base (and the EPUB reader's own `epub:/` paths): a local file's
    /// address is none, so relative references stay relative (the local-file policy resolves
    /// them against the input's folder) and outputs neither get `file:` URLs nor show the
    /// user's folders; an address the page claims with another scheme (a canonical link to
    /// `javascript:`) is none either.
    init(base: String?) {
        let url = base.flatMap { URL(string: TextTools.trimming($0, .whitespacesAndNewlines)) }
        let scheme = url?.scheme?.lowercased()
        self.base = scheme == "http" || scheme == "https" || scheme == Self.bookScheme ? url : nil
    }

    /// The scheme of the paths the EPUB reader resolves chapter references against.
    static let bookScheme = "epub"

    /// The base a page's `<base href>` sets, resolved against the page's address: only an
    /// `http` or `https` address, so `<base href="javascript:…">` cannot turn relative links
    /// into script; otherwise the page's own address.
    static func base(href: String?, pageURL: String?) -> String? {
        guard let href, let resolved = URLResolver(base: pageURL).resolve(href),
              let scheme = URLSafety.scheme(of: resolved), scheme == "http" || scheme == "https"
        else { return pageURL }
        return resolved
    }

    /// The absolute form of `reference`, or `nil` for an empty one or a bare fragment.
    func resolve(_ reference: String) -> String? {
        let r = TextTools.trimming(reference, .whitespacesAndNewlines)
        if r.isEmpty || r.hasPrefix("#") { return nil }
        if r.hasPrefix("http://") || r.hasPrefix("https://") || r.hasPrefix("mailto:") || r.hasPrefix("data:") || r.hasPrefix("tel:") {
            return r
        }
        if r.hasPrefix("//") { return (base?.scheme ?? "https") + ":" + r }
        guard let base else { return r }
        let escaped = r.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed.union(CharacterSet(charactersIn: "%#"))) ?? r
        return URL(string: escaped, relativeTo: base)?.absoluteString ?? r
    }

    /// The target of a link to `reference`, or `nil` when there is none or it is unsafe: both
    /// the reference as written and its resolved form must pass ``/ArticleCore/URLSafety/isSafeLink(_:)``.
    func link(_ reference: String) -> String? {
        guard URLSafety.isSafeLink(reference), let url = resolve(reference) else { return nil }
        return isInBook(reference) || URLSafety.isSafeLink(url) ? url : nil
    }

    /// The source of an image at `reference`, or `nil` when there is none or it is unsafe
    /// (``/ArticleCore/URLSafety/isSafeImageSource(_:)``, as written and resolved).
    func image(_ reference: String) -> String? {
        guard URLSafety.isSafeImageSource(reference), let url = resolve(reference) else { return nil }
        return isInBook(reference) || URLSafety.isSafeImageSource(url) ? url : nil
    }

    /// Whether `reference` is relative inside an EPUB chapter: it resolves to a path in the
    /// book (`epub:/OEBPS/image.jpg`), which the EPUB reader maps to the book's own files.
    private func isInBook(_ reference: String) -> Bool {
        base?.scheme?.lowercased() == Self.bookScheme && URLSafety.scheme(of: reference) == nil
    }
}
