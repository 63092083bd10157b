/// The limits a zip archive must stay within before ArticleKit reads it. The defaults are far
/// above any real book (the largest EPUBs are a few hundred megabytes of images) and far below
/// what a zip bomb unpacks to.
public struct EPUBArchiveLimits: Hashable, Sendable {
    /// The most bytes all entries may unpack to together.
    public var maximumTotalSize: Int = 1 << 30
    /// The most an archive may unpack to, as a multiple of its own size.
    public var maximumCompressionRatio: Int = 100
    /// The most entries an archive may hold.
    public var maximumEntries: Int = 10_000

    /// The defaults: 1 GiB, 100:1, 10,000 entries.
    public init() {}
}
