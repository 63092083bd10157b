/// The bounds a feed is read within, whoever wrote it.
public struct FeedLimits: Hashable, Sendable {
    /// The most items read from one feed; the rest are counted in ``Feed/omittedItems``.
    public var maxItems = 1000
    /// The most feeds read from one OPML file.
    public var maxSubscriptions = 1000
    /// The most bytes of one text field kept (a title, a link, an id); the content is not cut.
    public var maxFieldBytes = 64 * 1024

    /// The default limits.
    public init() {}
}
