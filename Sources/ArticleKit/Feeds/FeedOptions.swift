import Foundation

/// How a feed's items become articles: what `--feed-content`, `--since` and `--max-articles`
/// choose.
public struct FeedOptions: Sendable {
    /// Where an article's text comes from.
    public enum Content: String, Sendable, CaseIterable {
        /// The item's page, fetched and extracted (the feed's content when the page cannot be had).
        case page
        /// The feed's own content (its summary when it has no content); no page is fetched.
        case feed
        /// The feed's content when it carries the whole article (at least
        /// ``FeedOptions/fullContentWords`` words), else the page.
        case auto
    }

    /// Where an article's text comes from (default: auto).
    public var content: Content = .auto
    /// Items published before this are left out; items without a date are kept.
    public var since: Date?
    /// The most articles taken from one feed, in its order (after `since`, the state and
    /// duplicates); `nil` for all.
    public var maxArticlesPerFeed: Int?
    /// The words a feed's content needs to count as the whole article in ``Content/auto``.
    public var fullContentWords = 150
    /// The bounds every feed is read within.
    public var limits = FeedLimits()

    /// The defaults: auto content, every item.
    public init() {}

    /// The instant `text` names for `--since`: `24h`, `7d`, `90m`, `2w` before `now`, or a date
    /// (`2024-05-01`, `2024-05-01T08:00:00Z`, an RFC 822 date); `nil` when it is none of them.
    public static func since(_ text: String, now: Date = Date()) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let unit = t.last, let n = Double(t.dropLast()), n >= 0, n < 1e6 {
            let seconds: Double? = ["m": 60, "h": 3600, "d": 86_400, "w": 604_800][unit]
            if let seconds { return now.addingTimeInterval(-n * seconds) }
        }
        return FeedDate.parse(text)?.date
    }
}
