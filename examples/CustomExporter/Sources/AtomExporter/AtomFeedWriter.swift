import ArticleKit
import Foundation

/// Writes articles as one Atom 1.0 feed (RFC 4287), an `<entry>` per article.
///
/// A writer from outside ArticleKit: it conforms to `ArticleWriter`, and a registry it is added
/// to lets the converter and the batch runner write `atom` like any built-in format.
///
/// - The entry id is the article's URL when it has an absolute one, else a `urn:uuid:` made
///   from a hash of the title (``AtomID``), so the same article always gets the same id.
/// - Atom dates need a UTC offset: a published date without one is taken as UTC. An article
///   with no date is dated by `SOURCE_DATE_EPOCH` when it is set, else by the newest date in
///   the feed, else 1970-01-01T00:00:00Z; the writer never reads the clock.
/// - The body is HTML from ArticleKit's `XHTMLRenderer`, escaped into `<content type="html">`;
///   raw HTML an article kept goes in as text.
///
/// Options (``ConversionOptions``): `title` names the feed, `identifier` is its id, and
/// `extra["atom-author"]` names the feed's author for entries that have none.
public struct AtomFeedWriter: ArticleWriter {
    /// `atom`, `.atom`, `application/atom+xml`.
    public let format = FormatInfo(
        name: "atom", extensions: ["atom"], mediaType: "application/atom+xml",
        summary: "an Atom 1.0 feed, one entry per article")

    /// One feed holds every article given.
    public var combinesArticles: Bool { true }

    /// Creates the writer.
    public init() {}

    /// Renders the articles as the bytes of one feed, UTF-8 XML.
    public func write(_ articles: [Article], context: inout ConversionContext) throws(ArticleError) -> Data {
        guard !articles.isEmpty else { throw ArticleError(.noContent, "an Atom feed needs at least one article") }
        let options = context.options
        let newest = articles.compactMap(\.metadata.published).max()
        let undated = Self.sourceDateEpoch.map { ArticleDate(secondsSince1970: $0) }
            ?? newest.map(Self.withOffset) ?? ArticleDate(secondsSince1970: 0)

        var ids = AtomID.Allocator()
        var entries = ""
        var updated: ArticleDate?
        var everyEntryHasAuthor = true
        for article in articles {
            let m = article.metadata
            let date = m.published.map(Self.withOffset) ?? undated
            if updated.map({ date > $0 }) ?? true { updated = date }
            let authors = Self.authors(of: m)
            if authors.isEmpty { everyEntryHasAuthor = false }
            entries += entry(article, id: ids.id(for: m), date: date, authors: authors)
        }

        let title = options.title ?? (articles.count == 1 ? articles[0].metadata.title : nil) ?? "ArticleKit feed"
        let feedID = options.identifier ?? AtomID.urn(for: ids.allocated.joined(separator: "\n"))
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        xml += "  <id>\(Self.escape(feedID))</id>\n"
        xml += "  <title type=\"text\">\(Self.escape(title))</title>\n"
        xml += "  <updated>\((updated ?? undated).iso8601)</updated>\n"
        if !everyEntryHasAuthor {
            // RFC 4287 §4.1.1: a feed needs an author unless every entry has one.
            let name = options.extra["atom-author"] ?? "Unknown"
            xml += "  <author><name>\(Self.escape(name))</name></author>\n"
        }
        xml += "  <generator>ArticleKit \(Self.escape(ArticleKitVersion.current)) (AtomFeedWriter)</generator>\n"
        xml += entries
        xml += "</feed>\n"
        return Data(xml.utf8)
    }

    private func entry(_ article: Article, id: String, date: ArticleDate, authors: [String]) -> String {
        let m = article.metadata
        var e = m.language.map { "  <entry xml:lang=\"\(Self.escape($0))\">\n" } ?? "  <entry>\n"
        e += "    <id>\(Self.escape(id))</id>\n"
        e += "    <title type=\"text\">\(Self.escape(Self.nonEmpty(m.title) ?? "Untitled"))</title>\n"
        for name in authors { e += "    <author><name>\(Self.escape(name))</name></author>\n" }
        e += "    <updated>\(date.iso8601)</updated>\n"
        if let published = m.published { e += "    <published>\(Self.withOffset(published).iso8601)</published>\n" }
        if let url = AtomID.absoluteURL(m.url) {
            e += "    <link rel=\"alternate\" href=\"\(Self.escapeAttribute(url))\"/>\n"
        }
        for tag in m.tags where !tag.isEmpty { e += "    <category term=\"\(Self.escapeAttribute(tag))\"/>\n" }
        if let summary = Self.nonEmpty(m.summary) ?? Self.nonEmpty(m.subtitle) {
            e += "    <summary type=\"text\">\(Self.escape(summary))</summary>\n"
        }
        // The body as HTML, escaped: `type="html"` content is text that holds markup. Raw HTML
        // the article kept (a Markdown source's <script>) goes in as its text, never as markup.
        var renderer = XHTMLRenderer()
        renderer.rawHTML = .text
        let html = renderer.render(blocks: article.blocks)
        e += "    <content type=\"html\">\(Self.escape(html))</content>\n"
        e += "  </entry>\n"
        return e
    }

    /// The authors, or the source when the article names no person (Atom wants someone).
    static func authors(of m: Metadata) -> [String] {
        let names = m.authors.compactMap(nonEmpty)
        if !names.isEmpty { return names }
        return nonEmpty(m.source).map { [$0] } ?? []
    }

    /// The same wall-clock time with a UTC offset of zero when the source gave none.
    static func withOffset(_ d: ArticleDate) -> ArticleDate {
        guard d.utcOffsetMinutes == nil else { return d }
        var copy = d
        copy.utcOffsetMinutes = 0
        return copy
    }

    /// `SOURCE_DATE_EPOCH`, the reproducible-builds convention for "now".
    static var sourceDateEpoch: Int64? {
        ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int64($0) }
    }

    static func nonEmpty(_ s: String?) -> String? {
        guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }

    static func escape(_ s: String) -> String { XHTMLEscaping.text(s) }
    static func escapeAttribute(_ s: String) -> String { XHTMLEscaping.attribute(s) }
}
