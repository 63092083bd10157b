import ArticleCore

/// The sizes a WARC reader holds at most, so a hostile or broken file cannot make it use more
/// memory than these, whatever its headers say.
public struct WARCLimits: Sendable, Hashable {
    /// The most a record's WARC header block, or a page's HTTP header block, may hold.
    public var headerBytes = 64 * 1024
    /// The most a response record's block (HTTP headers and payload, as stored) may hold; a
    /// larger response is an error line and is skipped without being held.
    public var recordBytes = 32 * 1024 * 1024
    /// The most a payload may grow to once its transfer and content encodings are undone.
    public var pageBytes = 32 * 1024 * 1024

    /// The default limits: 64 KiB of headers, 32 MiB a record and a page.
    public init() {}
}
