import ArticleCore
import ArticleSupport
import Foundation

/// The publication date, from the places pages put it in a fixed order of trust (htmldate's):
/// the JSON-LD article's `datePublished`, the `article:` / OpenGraph / Dublin Core `<meta>`
/// tags, the JSON-LD `dateCreated`, microdata (`itemprop="datePublished"` on any element),
/// a `<time>` marked as the publication or standing in the article's header, and last the
/// dateline printed near the headline. A modified date is never taken for the published one,
/// and a date in the future or before 1990 is no date.
extension MetadataExtractor {
    /// The `<meta>` keys (lower-cased) that state the publication date, most specific first.
    static let publishedMetaKeys = [
        "article:published_time", "og:article:published_time", "article:published", "og:published_time", "published_time",
        "article:published:time", "datepublished", "article.published", "dc.date.issued", "dcterms.issued", "dc:date.issued",
        "dc.date", "dc:date", "dcterms.date", "dcterms.created", "dc.date.created", "pubdate", "publishdate", "publish-date",
        "publish_date", "publication_date", "publication-date", "date", "sailthru.date", "parsely-pub-date",
        "originalpublicationdate", "article_date_original", "cxenseparse:recs:publishtime", "datecreated",
    ]

    func published() -> ArticleDate? {
        let articles = ld.articleCandidates
        for a in articles { if let d = JSONLDExtractor.string(a["datePublished"]).flatMap(Self.plausible) { return d } }
        for k in Self.publishedMetaKeys {
            for v in scan.meta[k] ?? [] { if let d = Self.plausible(v) { return d } }
        }
        for a in articles { if let d = JSONLDExtractor.string(a["dateCreated"]).flatMap(Self.plausible) { return d } }
        for node in scan.publishedNodes {
            if let d = Self.value(of: node) { return d }
        }
        if let d = headerTime() { return d }
        return datelineDate()
    }

    /// A metadata value read as a date, if it is one and could be a publication date.
    static func plausible(_ raw: String) -> ArticleDate? {
        HTMLDateParser.parse(raw).flatMap(plausible)
    }

    /// The date, unless it is before 1990 or more than a day in the future.
    static func plausible(_ d: ArticleDate) -> ArticleDate? {
        guard d.year >= 1990, Double(d.secondsSince1970) <= Date().timeIntervalSince1970 + 86_400 else { return nil }
        return d
    }

    /// An element's date: its `datetime` or `content` attribute, else its text.
    static func value(of node: XMLNode) -> ArticleDate? {
        for attr in ["datetime", "content"] {
            if let v = node.attribute(attr), let d = plausible(v) { return d }
        }
        return HTMLDateText.find(in: TextTools.collapse(node.text), monthFirst: true).flatMap(plausible)
    }

    /// Whether an element is marked as a modification date (class, id or microdata), or the
    /// text just before it says so ("Updated").
    static func marksUpdate(_ node: XMLNode) -> Bool {
        let ci = BoilerplateRules.classAndID(node) + " " + (node.attribute("itemprop") ?? "").lowercased()
        if ["modif", "updat", "edited", "aktualisiert"].contains(where: { ci.contains($0) }) { return true }
        var before = ""
        var p = node.previousSibling
        while let s = p, before.count < 40 {
            before = s.text + before
            p = s.previousSibling
        }
        if before.isEmpty, let parent = node.parent, parent.elementChildren.first == node { before = parent.previousSibling?.text ?? "" }
        let words = TextTools.collapse(before).lowercased().suffix(40)
        return HTMLDateText.updateLabels.contains { words.contains($0) }
    }

    /// A `<time>` marked as the publication (`pubdate`, microdata, a class naming it), else the
    /// first one in the article's header: after the headline, within the next elements.
    func headerTime() -> ArticleDate? {
        let times = scan.times.enumerated().filter { !Self.marksUpdate($0.element) }
        let marked = times.first { _, t in
            t.attribute("pubdate") != nil || t.attribute("itemprop") == "datePublished"
                || BoilerplateRules.classAndID(t).contains("publish")
        }
        if let (_, t) = marked, let d = Self.value(of: t) { return d }
        if let h = scan.h1Position {
            for (i, t) in times where scan.timePositions[i] > h && scan.timePositions[i] - h < 300 {
                if let d = Self.value(of: t) { return d }
            }
        }
        for (_, t) in times {
            if let d = Self.value(of: t) { return d }
        }
        return nil
    }

    /// The dateline printed near the headline: the text after the `<h1>` in its article (or
    /// its nearest sections), then the bylines, then the text just before the headline.
    func datelineDate() -> ArticleDate? {
        let monthFirst = declaredLanguage.map { $0.lowercased().hasPrefix("en") } ?? true
        var texts: [String] = []
        if let h = headlineNode {
            var container = h
            if let article = h.enclosingArticle {
                container = article
            } else {
                for _ in 0..<3 { if let p = container.parent, p.name != "body", p.name != "html" { container = p } }
            }
            var after = "", before = ""
            var passed = false
            container.forEachDescendant { d in
                if after.count > 600 { return false }
                if d == h { passed = true; return false }
                if d.isElement { return !BoilerplateRules.isHardBoilerplate(d) }
                if d.kind == .text {
                    if passed { after += d.content + " " } else { before += d.content + " " }
                }
                return false
            }
            texts.append(after)
            texts += scan.bylines.prefix(5).map(\.text)
            texts.append(String(before.suffix(300)))
        } else {
            texts += scan.bylines.prefix(5).map(\.text)
        }
        for t in texts {
            if let d = HTMLDateText.find(in: TextTools.collapse(t), monthFirst: monthFirst).flatMap(Self.plausible) { return d }
        }
        return nil
    }
}
