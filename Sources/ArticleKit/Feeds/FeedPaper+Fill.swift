import ArticleSupport
import Foundation

extension FeedPaper {
    /// The feed fills what the article lacks; for the feed's own content, the item's title,
    /// link, authors and date win. Every article gets its section, a source, and a lead photo
    /// when the feed names one and the article shows none.
    func fill(_ article: inout Article, from job: ItemJob, feedContent: Bool) {
        let item = job.item
        var m = article.metadata
        if feedContent {
            m.title = item.title ?? m.title
            m.url = item.link ?? m.url
            if !item.authors.isEmpty { m.authors = item.authors }
            m.published = item.published ?? m.published
        } else {
            if Self.isBlank(m.title) { m.title = item.title }
            if Self.isBlank(m.url) { m.url = item.link }
            if m.authors.isEmpty { m.authors = item.authors }
            if m.published == nil { m.published = item.published }
        }
        if Self.isBlank(m.summary), let s = item.summaryHTML.map(Self.plainText), !s.isEmpty, item.contentHTML != nil || !feedContent {
            m.summary = s
        }
        if m.tags.isEmpty { m.tags = item.tags }
        if Self.isBlank(m.image) { m.image = item.image }
        if Self.isBlank(m.language) { m.language = job.feedLanguage }
        if Self.isBlank(m.source) { m.source = job.feedName }
        m.section = job.feedName
        article.metadata = m
        if let lead = item.image, !Self.showsImage(article) {
            let figure = Figure(image: ImageReference(source: lead, alt: item.title ?? ""))
            article.blocks.insert(.figure(figure), at: 0)
        }
    }

    static func isBlank(_ s: String?) -> Bool { s?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true }

    /// HTML to one line of text (a summary).
    static func plainText(_ html: String) -> String {
        var out = "", inTag = false
        for c in html {
            if c == "<" { inTag = true; out.append(" ") } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        return HTMLEntities.decode(out).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether the article has an image anywhere in its body.
    static func showsImage(_ article: Article) -> Bool {
        var finder = ImageFinder()
        _ = finder.walk(blocks: article.blocks)
        return finder.found
    }
}

/// Finds whether a body has an image.
private struct ImageFinder: ArticleVisitor {
    var found = false
    mutating func visit(image: ImageReference) -> Bool {
        found = true
        return false
    }
}
