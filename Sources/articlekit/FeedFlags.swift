import ArgumentParser
import ArticleKit
import Foundation

extension FeedOptions.Content: ExpressibleByArgument {}

/// The options for feed inputs (RSS, Atom, JSON Feed, OPML): which items become articles, and
/// from what.
struct FeedFlags: ParsableArguments {
    @Option(name: .customLong("feed-content"), help: ArgumentHelp("Where a feed item's article comes from: page (its page, fetched and extracted), feed (the feed's own content, nothing fetched), auto (the default: the feed's content when it holds the whole article, else the page).", valueName: "page|feed|auto"))
    var feedContent: FeedOptions.Content?

    @Option(name: .long, help: ArgumentHelp("Only feed items published since then: 24h, 7d, 90m, 2w, or a date (2024-05-01); items without a date are kept.", valueName: "time"))
    var since: String?

    @Option(name: .customLong("max-articles"), help: ArgumentHelp("The most articles taken from each feed, in its order.", valueName: "n"))
    var maxArticles: Int?

    @Option(name: .long, help: ArgumentHelp("A file that remembers the feed items taken, so a rerun takes only new ones (for a daily cron job); written once the output is.", valueName: "file"))
    var state: String?

    func validate() throws {
        if let since, FeedOptions.since(since) == nil { throw ValidationError("--since takes 24h, 7d, 90m, 2w or a date such as 2024-05-01") }
        if let maxArticles, maxArticles < 1 { throw ValidationError("--max-articles must be 1 or more") }
    }

    /// Whether any feed option is given: with `--output DIR/`, URL inputs are then fetched first
    /// to tell feeds from pages (without one they are pages, and a rerun fetches nothing).
    var anyGiven: Bool { feedContent != nil || since != nil || maxArticles != nil || state != nil }

    /// The feed options these flags describe, `now` being the start of the run.
    func options(now: Date = Date()) -> FeedOptions {
        var o = FeedOptions()
        o.content = feedContent ?? .auto
        o.since = since.flatMap { FeedOptions.since($0, now: now) }
        o.maxArticlesPerFeed = maxArticles
        return o
    }
}
