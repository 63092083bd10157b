import ArticleCore
import ArticleSupport
import Foundation

/// Finds an article's metadata in a page: JSON-LD first, then OpenGraph and `<meta>` tags,
/// then the page's own elements (`<h1>`, `<title>`, `<time>`, bylines), choosing the title by
/// agreement between these sources.
struct MetadataExtractor {
    let scan: PageScan
    let ld: JSONLDExtractor
    /// The site profiles to look the page's site up in.
    var siteProfiles: HTMLSiteProfiles = .builtIn

    /// The site's name: `og:site_name`, else the JSON-LD publisher.
    var siteName: String? {
        if let s = scan.first("og:site_name", "application-name") { return TextTools.collapse(s) }
        if let p = ld.article?["publisher"], let n = JSONLDExtractor.names(p).first?.name { return TextTools.collapse(n) }
        return nil
    }

    /// The page's own address: `<link rel=canonical>`, else `og:url`, else the JSON-LD `url`.
    var url: String? {
        if let c = scan.canonical?.trimmingWhitespace, c.hasPrefix("http") { return c }
        if let o = scan.first("og:url"), o.hasPrefix("http") { return o }
        if let a = ld.article, let u = JSONLDExtractor.string(a["url"]) ?? JSONLDExtractor.string(a["mainEntityOfPage"]), u.hasPrefix("http") { return u }
        return nil
    }

    /// The JSON-LD `articleBody`, when the page carries one.
    var articleBody: String? { ld.article.flatMap { JSONLDExtractor.string($0["articleBody"]) } }

    /// The lead image candidates as the page writes them, best first: OpenGraph (the `https`
    /// form first), Twitter's card, then the JSON-LD article's `image` and `thumbnailUrl`.
    var leadImageCandidates: [String] {
        var out: [String] = []
        // `<meta>` keys (PageScan keeps every `<meta>`), not attribute names.
        for metaKey in ["og:image:secure_url", "og:image", "og:image:url", "twitter:image", "twitter:image:src"] {
            out += (scan.meta[metaKey] ?? []).prefix(1)
        }
        if let a = ld.article {
            out += ld.imageURLs(a["image"]) + ld.imageURLs(a["thumbnailUrl"])
        }
        return out
    }

    /// The lead image: the first candidate that resolves to an image source URLSafety lets
    /// through, against `resolver` (the page's address). A page from the network (`remote`)
    /// gets only an absolute `http(s)` URL or a raster `data:` URI, never a reference left
    /// relative; no page gets `file:`, `javascript:` or an SVG `data:` URI.
    func leadImage(resolver: URLResolver, remote: Bool) -> String? {
        for raw in leadImageCandidates {
            guard let url = resolver.image(raw.trimmingWhitespace), !url.isEmpty else { continue }
            let scheme = URLSafety.scheme(of: url)
            if remote, scheme != "http", scheme != "https", scheme != "data" { continue }
            return url
        }
        return nil
    }

    /// The visible headline element, if any: the first `<h1>` with text.
    var headlineNode: XMLNode? {
        scan.h1s.first { !$0.text.trimmingWhitespace.isEmpty }
    }

    func metadata() -> Metadata {
        metadata(profileTitle: profileTitle)
    }

    /// ``metadata()`` for a caller that has looked up ``profileTitle`` already (the look-up
    /// parses the page's address: twice a page was 1% of the page benchmark).
    func metadata(profileTitle: String?) -> Metadata {
        var m = Metadata()
        m.title = profileTitle ?? genericTitle()
        m.authors = authors()
        m.published = published()
        m.source = siteName
        m.url = url
        m.language = declaredLanguage
        m.tags = tags()
        if let d = scan.first("og:description", "description", "twitter:description") ?? ld.article.flatMap({ JSONLDExtractor.string($0["description"]) }) {
            m.summary = TextTools.collapse(d)
        }
        return m
    }

    // MARK: - Title

    static let separators = [" | ", "｜", "|", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " / ", " : "]

    /// A title without a site-name part at either end (`Headline | Site` → `Headline`).
    func stripSiteName(_ raw: String) -> String {
        let t = TextTools.collapse(raw)
        let site = siteName.map(TextTools.normalized)
        for sep in Self.separators {
            // Foundation's split only where the separator's bytes occur (it was 1% of the page
            // benchmark over 13 separators): none of them has another canonically equivalent
            // spelling except the middle dot (U+0387 is one), which is always split.
            guard sep == " · " || TextTools.has(t, sep) else { continue }
            let parts = t.components(separatedBy: sep)
            guard parts.count > 1 else { continue }
            if let site {
                if let last = parts.last, TextTools.normalized(last).contains(site) || site.contains(TextTools.normalized(last)) {
                    return parts.dropLast().joined(separator: sep)
                }
                if let first = parts.first, TextTools.normalized(first) == site {
                    return parts.dropFirst().joined(separator: sep)
                }
            }
            if sep != " : ", sep != " - ", let last = parts.last, last.split(separator: " ").count <= 4,
               parts.dropLast().joined(separator: sep).count > last.count * 2 {
                return parts.dropLast().joined(separator: sep)
            }
        }
        return t
    }

    /// The title source's text, without a site-name part where the source usually has one;
    /// `nil` when the page lacks it or it is empty.
    func titleText(_ source: TitleSource) -> String? {
        let text: String?
        switch source {
        case .jsonld: text = ld.article.flatMap { JSONLDExtractor.string($0["headline"]) ?? JSONLDExtractor.string($0["name"]) }.map(TextTools.collapse)
        case .og: text = scan.first("og:title").map { stripSiteName($0) }
        case .twitter: text = scan.first("twitter:title").map { stripSiteName($0) }
        case .h1: text = headlineNode.map { TextTools.collapse($0.text) }
        case .title: text = scan.titleText.map { stripSiteName($0) }
        }
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    /// The address the page's site profile is looked up by: the page's own address, else another
    /// absolute URL the page gives (`twitter:url`, `al:web:url`, `<base href>`, the JSON-LD
    /// publisher's `url`).
    var siteAddress: String? {
        if let u = url { return u }
        var hints = [scan.first("twitter:url", "al:web:url"), scan.baseHref]
        if let p = ld.article?["publisher"] as? [String: Any] { hints.append(JSONLDExtractor.string(p["url"])) }
        return hints.lazy.compactMap { $0?.trimmingWhitespace }.first { $0.hasPrefix("http") }
    }

    /// The title: from the first source the site's profile prefers that the page has, else the
    /// generic choice.
    func title() -> String? {
        profileTitle ?? genericTitle()
    }

    /// The title from the first source the site's profile prefers that the page has; `nil`
    /// when the site has no profile or the page none of its sources.
    var profileTitle: String? {
        siteProfiles.match(url: siteAddress)?.title.lazy.compactMap { titleText($0) }.first
    }

    /// The title chosen by agreement between the page's sources, for sites without a profile.
    func genericTitle() -> String? {
        var candidates: [String] = []
        let headline = titleText(.jsonld)
        let og = scan.first("og:title", "twitter:title").map { stripSiteName($0) }.flatMap { $0.isEmpty ? nil : $0 }
        // Dublin Core and Parse.ly titles are declared as deliberately as OpenGraph's.
        let declared = scan.first("dc:title", "dc.title", "dcterms.title", "parsely-title").map(TextTools.collapse).flatMap { $0.isEmpty ? nil : $0 }
        let title = titleText(.title)
        var h1 = titleHeadline
        // With no title in the metadata, a heading that shares no word with <title> is not the
        // page's headline (a section name, a logo text, a lone word).
        if headline == nil, og == nil, declared == nil, let h = h1, let t = title, !Self.shareAWord(h, t), !isSiteName(TextTools.normalized(t)) {
            h1 = nil
        }
        for c in [h1, headline, og, declared, title] { if let c { candidates.append(c) } }
        guard !candidates.isEmpty else { return nil }
        let normalized = candidates.map(TextTools.normalized)
        // The visible headline, when another source agrees with it or the page <title> holds
        // it with a topic prefix or a site suffix.
        if let h1 {
            let n = TextTools.normalized(h1)
            if normalized.dropFirst().contains(n) { return h1 }
            if let title, TextTools.normalized(title).contains(n), n.count * 10 >= TextTools.normalized(title).count * 4 { return h1 }
        }
        // Else the first candidate, in order of trust, that another source agrees with; else
        // the declared title, OpenGraph's (the one the publisher chose for sharing), the
        // heading, the page's <title>.
        for (i, n) in normalized.enumerated() where normalized.filter({ $0 == n }).count >= 2 {
            return candidates[i]
        }
        return headline ?? declared ?? og ?? h1 ?? title
    }

    // MARK: - Tags

    func tags() -> [String] {
        var out: [String] = []
        if let a = ld.article {
            if let k = a["keywords"] as? String { out = k.split(separator: ",").map { TextTools.collapse(String($0)) } }
            else if let k = a["keywords"] as? [Any] { out = k.compactMap { JSONLDExtractor.string($0) }.map(TextTools.collapse) }
        }
        if out.isEmpty { out = scan.meta["article:tag"] ?? [] }
        if out.isEmpty, let k = scan.first("news_keywords", "keywords") {
            out = k.split(separator: ",").map { TextTools.collapse(String($0)) }
        }
        var seen: Set<String> = []
        return out.filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }.prefix(30).map { $0 }
    }
}
