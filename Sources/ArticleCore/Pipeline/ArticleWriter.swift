import Foundation

/// Renders articles in one output format.
public protocol ArticleWriter: Sendable {
    /// The format this writer writes.
    var format: FormatInfo { get }
    /// Whether several articles make one output (an EPUB book, JSON Lines). When `false`, the
    /// converter writes one output per article.
    var combinesArticles: Bool { get }
    /// Renders the articles as the bytes of one output file.
    func write(_ articles: [Article], context: inout ConversionContext) throws(ArticleError) -> Data
    /// Steps to run on each article right after reading when this writer is the target (see
    /// the default implementation).
    var inputTransforms: [any ArticleTransform] { get }
}

extension ArticleWriter {
    public var combinesArticles: Bool { false }
}

extension ArticleWriter {
    /// Steps this writer needs run on each article right after it is read, while the input it
    /// came from is still known (the EPUB writer loads images next to the input). The
    /// converter adds them after its own transforms. None by default.
    public var inputTransforms: [any ArticleTransform] { [] }
}
