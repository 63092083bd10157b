import Foundation

/// One input of a conversion: a file (or standard input) read by its extension or `--from`, or
/// a document fetched from the network, read by its `Content-Type` (see
/// ``Converter/readPage(_:from:context:)``).
public enum ArticleSource: Sendable {
    /// A file or standard input.
    case file(ReaderInput)
    /// A document fetched over HTTP(S).
    case page(FetchedDocument)
    /// Articles made already (a feed's items, see ``FeedPaper``), from the source `name`; the
    /// converter's transforms still run on them, as on read ones, as documents of origin
    /// ``/ArticleCore/DocumentOrigin/remote``.
    case articles([Article], name: String)

    /// The name messages use: the path, or the final URL.
    public var name: String {
        switch self {
        case .file(let input): return input.name
        case .page(let document): return document.url.absoluteString
        case .articles(_, let name): return name
        }
    }
}
