import ArticleSupport
import Foundation

/// Which `<h1>` can be the article's title: not the site's own name (`og:site_name`, the host,
/// the site part of `<title>`), not a navigation word, not the logo link; and, on a page whose
/// metadata gives no title, not a heading that shares no word with the page's `<title>`.
extension MetadataExtractor {
    /// Headings that are the page's navigation, not a headline.
    static let navigationHeadings: Set<String> = [
        "menu", "main menu", "navigation", "search", "home", "skip to content", "contents", "sign in", "log in",
        "menü", "startseite", "suche", "accueil", "recherche", "inicio", "buscar", "cerca", "início", "zoeken", "trang chủ",
    ]

    /// The first `<h1>` that can be the title, with its text.
    var titleHeadline: String? {
        guard let node = headlineNode else { return nil }
        let text = TextTools.collapse(node.text)
        guard !text.isEmpty else { return nil }
        let n = TextTools.normalized(text)
        if Self.navigationHeadings.contains(n) || isSiteName(n) || isLogo(node) { return nil }
        return text
    }

    /// Whether a normalised text is the site's name: `og:site_name`, the JSON-LD publisher,
    /// the host (with or without its suffix), or the part `<title>` puts after a separator.
    func isSiteName(_ n: String) -> Bool {
        if let site = siteName.map(TextTools.normalized), site == n { return true }
        if let host = siteAddress.flatMap(HTMLSiteProfiles.host) {
            let compact = n.replacingOccurrences(of: " ", with: "")
            if compact == host || host.hasPrefix(compact + ".") { return true }
        }
        if let raw = scan.titleText.map(TextTools.collapse) {
            for sep in Self.separators where TextTools.has(raw, sep) {
                let parts = raw.components(separatedBy: sep)
                // The site part is the short one at the end ("Headline | Site"), not a headline
                // after a kicker ("Topic | Headline").
                if parts.count > 1, let last = parts.last, TextTools.normalized(last) == n, last.split(separator: " ").count <= 4,
                   parts.dropLast().joined(separator: sep).count > last.count { return true }
            }
        }
        return false
    }

    /// Whether the heading is (or holds) the link to the site's front page, as logos are built.
    func isLogo(_ node: XMLNode) -> Bool {
        func front(_ a: XMLNode) -> Bool {
            guard let href = a.attribute("href")?.trimmingWhitespace else { return false }
            if href == "/" || href == "./" || href == "#" { return true }
            guard let u = URLComponents(string: href), let scheme = u.scheme, scheme.hasPrefix("http") else { return false }
            return u.path.isEmpty || u.path == "/"
        }
        var p = node.parent
        for _ in 0..<2 {
            guard let a = p else { break }
            if a.name == "a", front(a) { return true }
            p = a.parent
        }
        var logo = false
        node.forEachDescendant { d in
            if d.isElement, d.name == "a", front(d) { logo = true }
            return !logo
        }
        return logo
    }

    /// Whether two texts share a word (of two letters or more).
    static func shareAWord(_ a: String, _ b: String) -> Bool {
        let wa = Set(TextTools.words(a).filter { $0.count > 1 })
        return TextTools.words(b).contains { $0.count > 1 && wa.contains($0) }
    }

    /// Whether the page declares itself an article: a JSON-LD article, `og:type` `article`, or
    /// a publication date in its metadata.
    var declaresArticle: Bool {
        if ld.article != nil { return true }
        if scan.first("og:type")?.lowercased() == "article" { return true }
        return Self.publishedMetaKeys.prefix(6).contains { scan.meta[$0] != nil }
    }
}
