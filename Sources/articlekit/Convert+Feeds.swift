import ArticleKit
import Foundation

/// What the feeds among a run's inputs gave: the sources with the feeds replaced by their
/// articles, and what to do once the output is written.
struct FeedStage {
    var sources: [ArticleSource]
    var run: FeedRun?
    var state: FeedState?
    var stateURL: URL?

    /// Whether the inputs were all feeds and none had a new item (a rerun with `--state`).
    var nothingNew: Bool {
        guard let run else { return false }
        return sources.isEmpty && run.failures.isEmpty && run.seenBefore > 0
    }
}

extension Convert {
    /// Replaces every feed among `sources` (a file, standard input or a fetched page whose
    /// content is RSS, Atom, JSON Feed or OPML) by the articles of its items, in the place of the
    /// first feed; other inputs keep their places. Sets the paper's title when none is given.
    /// The sources of a run that may hold feeds: as ``sources(_:maximumInputSize:fetcher:)``
    /// gives them, except that when feeds are among them an input that cannot be had (a feed
    /// URL that answers 404) is one of the run's failures, not the run's error. Without feeds,
    /// the first input that fails, in input order, is the error, as before.
    func feedSources(_ converter: Converter, maximumInputSize: Int, fetcher shared: Fetcher?) throws(ArticleError) -> (sources: [ArticleSource], failed: [String]) {
        let paths = try expandFolders(inputs, converter)
        var urls: [Int: URL] = [:]
        for (i, p) in paths.enumerated() where Self.isURL(p) { urls[i] = try WebAddress.url(from: p) }
        var pages: [Int: Result<FetchedDocument, ArticleError>] = [:]
        if !urls.isEmpty {
            let fetcher: Fetcher
            if let shared { fetcher = shared } else { fetcher = try fetch.makeFetcher() }
            defer { if shared == nil { fetcher.shutdownBlocking() } }
            pages = Self.fetchAll(urls, with: fetcher)
        }
        var out: [ArticleSource] = []
        var failed: [ArticleError] = []
        var anyFeed = false
        for (i, p) in paths.enumerated() {
            do throws(ArticleError) {
                if let page = pages[i] {
                    let document = try page.get()
                    if !anyFeed { anyFeed = FeedDocument(document).isFeed }
                    out.append(.page(document))
                } else {
                    let input = try ReaderInput(path: p, maximumSize: maximumInputSize)
                    if !anyFeed { anyFeed = FeedDocument(data: input.data, name: input.name).isFeed }
                    out.append(.file(input))
                }
            } catch {
                failed.append(error.file == nil ? error.inFile(p) : error)
            }
        }
        if let first = failed.first, !anyFeed { throw first }
        return (out, failed.map(\.description))
    }

    func feedStage(_ sources: [ArticleSource], failed: [String] = [], pipeline: ImagePipeline, context: inout ConversionContext) throws(ArticleError) -> FeedStage {
        var documents: [FeedDocument] = []
        var firstFeed: Int?
        var rest: [ArticleSource] = []
        for source in sources {
            let document: FeedDocument
            switch source {
            case .file(let input): document = FeedDocument(data: input.data, name: input.name)
            case .page(let page): document = FeedDocument(page)
            case .articles: rest.append(source); continue
            }
            if document.isFeed {
                if firstFeed == nil { firstFeed = rest.count }
                documents.append(document)
            } else {
                rest.append(source)
            }
        }
        guard let firstFeed else { return FeedStage(sources: sources) }

        let stateURL = feeds.state.map { URL(fileURLWithPath: $0) }
        var state: FeedState?
        if let stateURL { state = try FeedState(contentsOf: stateURL) }
        // The run's fetcher when it has one (the book's limits and images); else one for the pages.
        var own: Fetcher?
        if pipeline.fetcher == nil, !fetch.noFetch { own = try fetch.makeFetcher() }
        defer { own?.shutdownBlocking() }
        let fetcher = pipeline.fetcher ?? own
        let paper = FeedPaper(converter: pipeline.converter, fetcher: fetcher,
                              images: pipeline.fetcher.map { Converter.preparingImages(FetchRemoteImages(fetcher: $0)) }, options: feeds.options())
        var run = paper.make(documents, state: state, context: context)
        run.failures = failed + run.failures
        if run.articles.isEmpty && rest.isEmpty && !(run.failures.isEmpty && run.seenBefore > 0) {
            tellFeeds(run)
            throw ArticleError(.noContent, "no article could be made from the feeds")
        }
        if !run.articles.isEmpty { rest.insert(.articles(run.articles, name: documents[0].name), at: firstFeed) }
        if context.options.title == nil, run.articles.count > 1 {
            context.options.title = Self.paperTitle(run)
        }
        return FeedStage(sources: rest, run: run, state: state, stateURL: stateURL)
    }

    /// The paper's title: its one feed's name, or "News", with the newest article's date.
    static func paperTitle(_ run: FeedRun) -> String {
        let names = Array(Set(run.articles.compactMap(\.metadata.section)))
        let name = names.count == 1 ? names[0] : "News"
        guard let newest = run.articles.compactMap(\.metadata.published).max() else { return name }
        return name + ", " + String(newest.iso8601.prefix(10))
    }

    /// After the output is written: the failures and warnings told, the state saved. Returns the
    /// exit status (1 when a feed or item failed; the paper holds the rest).
    func finishFeeds(_ stage: FeedStage) throws(ArticleError) -> Int32 {
        guard let run = stage.run else { return 0 }
        tellFeeds(run)
        if var state = stage.state, let url = stage.stateURL {
            state.insert(run.keys)
            try state.write(to: url)
        }
        return run.failures.isEmpty ? 0 : 1
    }

    /// Failures always, one line each; warnings unless `--quiet`.
    func tellFeeds(_ run: FeedRun) {
        var lines = run.failures.map { "articlekit: \($0.printable)" }
        if !quiet { lines += run.warnings.map { "articlekit: warning: \($0.printable)" } }
        if !lines.isEmpty { FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8)) }
    }
}
