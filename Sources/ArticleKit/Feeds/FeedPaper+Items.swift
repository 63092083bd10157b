import ArticleSupport
import Foundation

extension FeedPaper {
    /// One item to make into an article.
    struct ItemJob: Sendable {
        var item: FeedItem
        /// The feed's name (its title, else its address): the article's section.
        var feedName: String
        var feedURL: URL?
        var feedLanguage: String?
        var keys: [String]
        /// How messages name the item: its title, else its link, else its place.
        var label: String
    }

    /// What one job gave.
    struct ItemOutcome: Sendable {
        var result: Result<Article, ArticleError>
        var warnings: [String] = []
    }

    /// The items to make, in paper order.
    func choose(_ feeds: [ReadFeed], state: FeedState?, run: inout FeedRun) -> [ItemJob] {
        var known = Set<String>()
        var jobs: [ItemJob] = []
        for f in feeds {
            var taken = 0
            let scope = f.url?.absoluteString ?? f.name
            for (n, item) in f.feed.items.enumerated() {
                if let max = options.maxArticlesPerFeed, taken >= max { break }
                if let since = options.since, let d = item.published, d.date < since { continue }
                let label = item.title ?? item.link ?? "item \(n + 1)"
                let keys = FeedItemKey.keys(id: item.id, link: item.link, feed: scope)
                if keys.contains(where: known.contains) {
                    run.warnings.append("\(f.name): \(label): left out, a duplicate of an item before it")
                    continue
                }
                if let state, state.contains(any: keys) { run.seenBefore += 1; continue }
                known.formUnion(keys)
                if item.link == nil && item.contentHTML == nil && item.summaryHTML == nil {
                    run.failures.append("\(f.name): \(label): the item has no link and no content")
                    continue
                }
                jobs.append(ItemJob(item: item, feedName: f.name, feedURL: f.url, feedLanguage: f.feed.language, keys: keys, label: label))
                taken += 1
            }
        }
        return jobs
    }

    /// The article of one item: its page or the feed's content, filled in from the feed, with
    /// its photos.
    func article(for job: ItemJob, context: ConversionContext) -> ItemOutcome {
        var ctx = context
        let earlier = ctx.warnings.count
        var outcome = ItemOutcome(result: .failure(ArticleError(.noContent, "no article")))
        let item = job.item
        let wantsFeed: Bool
        switch options.content {
        case .feed: wantsFeed = true
        case .page: wantsFeed = item.link == nil
        case .auto: wantsFeed = item.link == nil || carriesWholeArticle(item)
        }
        var article: Article
        do throws(ArticleError) {
            if wantsFeed || fetcher == nil {
                article = try feedArticle(job, context: &ctx)
            } else {
                do throws(ArticleError) {
                    article = try pageArticle(job, context: &ctx)
                } catch {
                    guard item.contentHTML != nil || item.summaryHTML != nil else { throw error }
                    outcome.warnings.append("\(job.feedName): \(job.label): the page could not be read (\(error.message)); the feed's content is used")
                    article = try feedArticle(job, context: &ctx)
                }
            }
        } catch {
            outcome.result = .failure(error)
            return outcome
        }
        fill(&article, from: job, feedContent: wantsFeed)
        if let images {
            // The photos, in this job: all the items' photos come in at once.
            if let withPhotos = try? images.apply(to: article, context: &ctx) { article = withPhotos }
        }
        outcome.warnings += ctx.warnings.dropFirst(earlier).map { "\(job.feedName): \(job.label): \($0.message)" }
        outcome.result = .success(article)
        return outcome
    }

    /// Whether the item's content looks like the whole article: at least
    /// ``FeedOptions/fullContentWords`` words of text.
    func carriesWholeArticle(_ item: FeedItem) -> Bool {
        guard let html = item.contentHTML else { return false }
        var words = 0, inTag = false, inWord = false
        for c in html.unicodeScalars {
            if c == "<" { inTag = true; inWord = false; continue }
            if c == ">" { inTag = false; continue }
            if inTag { continue }
            if c.properties.isWhitespace { inWord = false } else if !inWord { inWord = true; words += 1 }
            if words >= options.fullContentWords { return true }
        }
        return false
    }

    func pageArticle(_ job: ItemJob, context: inout ConversionContext) throws(ArticleError) -> Article {
        guard let fetcher, let link = job.item.link, let url = URL(string: link) else {
            throw ArticleError(.usage, "the item has no link")
        }
        // The feed named the page: public addresses only, unless the network policy allows more.
        let page = try fetcher.fetchBlocking(FetchRequest(url: url, origin: .pageResource, kind: .page))
        guard let first = try converter.readPage(page, context: &context).first else {
            throw ArticleError(.noContent, "the page holds no article", file: link)
        }
        return first
    }

    /// The article the feed itself carries: its content, else its summary, all of it taken as
    /// the article (no boilerplate to remove), its links resolved against the item's link.
    func feedArticle(_ job: ItemJob, context: inout ConversionContext) throws(ArticleError) -> Article {
        let item = job.item
        guard let body = item.contentHTML ?? item.summaryHTML else {
            throw ArticleError(.noContent, "the feed carries no content for the item")
        }
        let html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\(body)</body></html>"
        let base = item.link ?? job.feedURL?.absoluteString
        let document = try HTMLParser.parse(Data(html.utf8), name: item.link ?? job.feedName)
        guard let root = document.root else { throw ArticleError(.noContent, "the feed's content holds no text") }
        let node = root.descendants(named: "body").first ?? root
        let blocks = HTMLFragment.blocks(of: node, baseURL: base, title: item.title)
        guard !blocks.isEmpty else { throw ArticleError(.noContent, "the feed's content holds no text") }
        return Article(metadata: Metadata(title: item.title, url: item.link), blocks: blocks)
    }
}
