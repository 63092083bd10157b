import Foundation

/// Turns feeds into the articles of a paper: what `articlekit convert FEED… --to epub` does
/// between fetching the feeds and writing the book.
///
/// - Each feed (or each feed an OPML file lists, fetched all at once) is parsed by
///   ``/ArticleFeed/FeedParser``; one that cannot be had or read is a ``FeedRun/failures`` line
///   and the others go on.
/// - Items are chosen in feed order: not before ``FeedOptions/since``, not in the ``FeedState``,
///   not a duplicate (same id in one feed, same canonical URL anywhere, and, once pages are
///   read, the same canonical page), at most ``FeedOptions/maxArticlesPerFeed`` per feed.
/// - Each item's page is fetched and extracted, all at once within the `Fetcher`'s limits
///   (per host and in total), with its photos fetched by ``images`` in the same job; the feed
///   fills what the page lacks (title, link, authors, date, summary, image). See
///   ``FeedOptions/Content`` for when the feed's own content is used instead.
/// - Every article gets its feed's name as ``/ArticleCore/Metadata/section`` (a book groups it
///   under that entry of its table of contents) and as its source when it has none.
public struct FeedPaper: Sendable {
    /// Reads the item pages and the feeds' content (its readers; its transforms are not run
    /// here, but by the conversion the articles go on to).
    public var converter: Converter
    /// Fetches the pages and OPML files' feeds; `nil` for no network (only the feeds' own
    /// content is then used).
    public var fetcher: Fetcher?
    /// Fetches each article's photos in its job; `nil` to leave them to the writer.
    public var images: FetchRemoteImages?
    /// What is chosen and how.
    public var options: FeedOptions

    /// Creates the step.
    public init(converter: Converter, fetcher: Fetcher?, images: FetchRemoteImages? = nil, options: FeedOptions = FeedOptions()) {
        self.converter = Converter(registry: converter.registry, transforms: [])
        self.fetcher = fetcher
        self.images = images
        self.options = options
    }

    /// A feed read, with where it came from.
    struct ReadFeed: Sendable {
        var feed: Feed
        var name: String
        var url: URL?
    }

    /// Makes the articles of `documents` (feeds and OPML files, in order), leaving out the
    /// items `state` holds. Blocks until every page is fetched: call it from a plain thread.
    public func make(_ documents: [FeedDocument], state: FeedState? = nil, context: ConversionContext) -> FeedRun {
        var run = FeedRun()
        let feeds = readFeeds(documents, run: &run)
        let jobs = choose(feeds, state: state, run: &run)
        let width = fetcher.map { max(1, $0.configuration.maxConnections) } ?? ProcessInfo.processInfo.activeProcessorCount
        let paper = self
        let outcomes = ConcurrentWork.map(jobs, width: width) { job in paper.article(for: job, context: context) }
        var pages = Set<String>()
        for (job, outcome) in zip(jobs, outcomes) {
            run.warnings += outcome.warnings
            switch outcome.result {
            case .failure(let error):
                run.failures.append("\(job.feedName): \(job.label): \(error.message)")
            case .success(let article):
                // Two items whose pages say they are the same page are one article.
                if let u = article.metadata.url.flatMap(FeedItemKey.canonical), !pages.insert(u).inserted {
                    run.warnings.append("\(job.feedName): \(job.label): left out, the same page as an item before it")
                    continue
                }
                run.articles.append(article)
                run.keys += job.keys
            }
        }
        return run
    }

    /// Parses every document; OPML files give way to the feeds they list, fetched together.
    func readFeeds(_ documents: [FeedDocument], run: inout FeedRun) -> [ReadFeed] {
        var out: [ReadFeed] = []
        for document in documents {
            let feed: Feed
            do {
                feed = try FeedParser.parse(document.data, url: document.url, name: document.name, limits: options.limits)
            } catch {
                run.failures.append("\(document.name): \(error.message)")
                continue
            }
            guard feed.kind == .opml else {
                out.append(ReadFeed(feed: feed, name: feed.title ?? document.name, url: document.url))
                note(feed, name: document.name, run: &run)
                continue
            }
            guard let fetcher else {
                run.failures.append("\(document.name): the feeds of an OPML file need the network (--no-fetch is given)")
                continue
            }
            // The user's own list names any address; a list from the web names public ones only.
            let origin: FetchRequest.Origin = document.url == nil ? .userRequested : .pageResource
            let subscriptions = feed.subscriptions
            let fetched = ConcurrentWork.map(subscriptions, width: max(1, fetcher.configuration.maxConnections)) { s -> Result<FetchedDocument, ArticleError> in
                guard let url = URL(string: s.url) else { return .failure(ArticleError(.usage, "not a URL")) }
                do throws(ArticleError) {
                    return .success(try fetcher.fetchBlocking(FetchRequest(url: url, origin: origin, kind: .page)))
                } catch {
                    return .failure(error)
                }
            }
            for (s, result) in zip(subscriptions, fetched) {
                do throws(ArticleError) {
                    let page = try result.get()
                    let sub = try FeedParser.parse(page.data, url: page.url, name: s.url, limits: options.limits)
                    guard sub.kind != .opml else { throw ArticleError(.unknownFormat, "an OPML file, not a feed (lists in lists are not followed)") }
                    out.append(ReadFeed(feed: sub, name: sub.title ?? s.title ?? s.url, url: page.url))
                    note(sub, name: s.url, run: &run)
                } catch {
                    run.failures.append("\(s.url) (in \(document.name)): \(error.message)")
                }
            }
        }
        return out
    }

    private func note(_ feed: Feed, name: String, run: inout FeedRun) {
        run.feedNames.append(feed.title ?? name)
        if feed.omittedItems > 0 {
            run.warnings.append("\(name): the feed has \(feed.items.count + feed.omittedItems) items; only the first \(feed.items.count) are read")
        }
    }
}
