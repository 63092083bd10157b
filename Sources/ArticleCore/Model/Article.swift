/// One article: its metadata, its body as a tree of blocks, and the resources (images) it embeds.
///
/// A plain value: readers build it, transforms return new ones, writers render it.
public struct Article: Hashable, Sendable {
    /// What the article says about itself: title, authors, date, source and so on.
    public var metadata: Metadata
    /// The body, in reading order.
    public var blocks: [Block]
    /// Files the body refers to (images), keyed by ``Resource/path``.
    public var resources: [Resource]

    /// Creates an article.
    public init(metadata: Metadata = Metadata(), blocks: [Block] = [], resources: [Resource] = []) {
        self.metadata = metadata
        self.blocks = blocks
        self.resources = resources
    }

    /// The resource stored under `path`, if any.
    public func resource(at path: String) -> Resource? {
        resources.first { $0.path == path }
    }
}
