import ArticleCore
import Foundation

/// Where a page states its title.
enum TitleSource: String, Hashable, Sendable, Codable {
    /// The JSON-LD article's `headline` (else its `name`).
    case jsonld
    /// `og:title`, without a site-name part.
    case og
    /// `twitter:title`, without a site-name part.
    case twitter
    /// The first `<h1>` with text.
    case h1
    /// The `<title>` element, without a site-name part.
    case title
}

/// What one publisher's pages need that generic rules cannot know: which of the page's title
/// sources holds the headline the publisher shows as the article title (some put a kicker in
/// `<h1>`, some a social-media title in `og:title`).
///
/// Profiles are data (`Resources/html-sites.json`, embedded in the binary). A page matches a
/// profile by the host of its own address (canonical link, `og:url`, JSON-LD `url`), with or
/// without `www.`, subdomains included.
struct HTMLSiteProfile: Hashable, Sendable, Codable {
    /// Registrable hosts, without `www.` (`orf.at` also matches `news.orf.at`).
    var hosts: [String]
    /// Title sources in order of preference; the first one the page has (non-empty) is the title.
    var title: [TitleSource]
    /// Why the site gets this preference, in one line.
    var why: String?
}
