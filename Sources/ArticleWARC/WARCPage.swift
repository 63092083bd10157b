import ArticleCore
import Foundation

/// A web page a WARC `response` record holds: the HTTP payload with its transfer and content
/// encodings undone, and what the record says about it.
public struct WARCPage: Sendable, Hashable {
    /// `WARC-Target-URI`: the address the page was fetched from.
    public var targetURI: String
    /// `WARC-Date`: when it was fetched (ISO 8601, as the record has it).
    public var date: String?
    /// `WARC-Record-ID` (`<urn:uuid:…>`).
    public var recordID: String?
    /// The HTTP status code.
    public var status: Int
    /// The media type of the HTTP `Content-Type` (`text/html`), lowercased.
    public var mediaType: String?
    /// The charset of the HTTP `Content-Type`, if it names one.
    public var charset: String?
    /// The page's bytes.
    public var body: Data

    /// Creates a page.
    public init(targetURI: String, date: String?, recordID: String?, status: Int, mediaType: String?, charset: String?, body: Data) {
        self.targetURI = targetURI
        self.date = date
        self.recordID = recordID
        self.status = status
        self.mediaType = mediaType
        self.charset = charset
        self.body = body
    }
}

/// What a WARC reader found at one record.
public enum WARCEvent: Sendable {
    /// A `response` record with an HTML page.
    case page(WARCPage)
    /// A record that holds no page (`request`, `metadata`, `warcinfo`, a response that is not
    /// HTML or not a success); its `WARC-Type`, or why it was passed over.
    case skipped(String)
    /// A record that could not be read; the reader goes on with the next one.
    case broken(ArticleError, targetURI: String?)
}
