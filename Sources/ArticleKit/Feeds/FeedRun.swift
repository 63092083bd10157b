/// What ``FeedPaper/make(_:state:context:)`` made: the articles in paper order (feed by feed,
/// each in its feed's order), and what went wrong on the way.
public struct FeedRun: Sendable {
    /// The articles, each with its feed's name as ``/ArticleCore/Metadata/section``.
    public var articles: [Article] = []
    /// The keys of the items made, for ``FeedState/insert(_:at:)`` once the paper is written.
    public var keys: [String] = []
    /// The feeds read, by name, in order (an OPML file's feeds in its place).
    public var feedNames: [String] = []
    /// One line per feed or item that failed: what it was and why. The rest of the paper is made.
    public var failures: [String] = []
    /// Warnings: items left out by the limits, images that could not be had, pages that gave way
    /// to the feed's content.
    public var warnings: [String] = []
    /// Items left out because the state had them already.
    public var seenBefore = 0

    /// An empty run.
    public init() {}
}
