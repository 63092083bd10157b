import Foundation

/// The bytes of one input and where they came from.
public struct ReaderInput: Sendable {
    /// The raw bytes.
    public var data: Data
    /// The name to use in messages: the path as the user gave it, or `-` for standard input.
    public var name: String
    /// The file's location, when it is a file; relative image paths resolve against its folder.
    public var fileURL: URL?
    /// Where the document came from: a local file or standard input (the default) may embed
    /// local files that ``LocalFilePolicy`` allows; a ``DocumentOrigin/remote`` one never does.
    public var origin: DocumentOrigin
    /// The address a ``DocumentOrigin/remote`` document was fetched from, after redirects: the
    /// base its relative links resolve against (a page's `<base href>` resolves against it too).
    public var sourceURL: URL?

    /// Creates an input; a source that fetched `data` from the network passes `origin: .remote`
    /// and the final address as `sourceURL`.
    public init(data: Data, name: String, fileURL: URL? = nil, origin: DocumentOrigin = .local, sourceURL: URL? = nil) {
        self.data = data
        self.name = name
        self.fileURL = fileURL
        self.origin = origin
        self.sourceURL = sourceURL
    }
}

/// Reads one input format into articles.
///
/// A reader is forgiving about structure (malformed markup still yields an article) and strict
/// about safety and encoding: it throws ``ArticleError`` for input it must not or cannot read.
public protocol ArticleReader: Sendable {
    /// The format this reader reads.
    var format: FormatInfo { get }
    /// Reads the input. Most formats hold one article; a book or a JSON Lines file may hold more.
    func read(_ input: ReaderInput, context: inout ConversionContext) throws(ArticleError) -> [Article]
}
