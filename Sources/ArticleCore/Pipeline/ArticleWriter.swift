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
}

extension ArticleWriter {
    public var combinesArticles: Bool { false }
}
