import ArticleKit

/// A step between reading and writing: puts a "N min read" line at the top of the body.
///
/// A transform takes an article and returns a new one; the converter runs its transforms on
/// every article right after it is read, in order, whatever the input and output formats.
public struct ReadingTimeTransform: ArticleTransform {
    /// `reading-time`, the name errors are prefixed with.
    public let name = "reading-time"
    /// How many words a reader reads in a minute.
    public var wordsPerMinute: Int

    /// Creates the step; 230 words a minute is a common figure for adults reading prose.
    public init(wordsPerMinute: Int = 230) {
        self.wordsPerMinute = wordsPerMinute
    }

    /// The article with an emphasised `N min read` paragraph before its first block.
    public func apply(to article: Article, context: inout ConversionContext) throws(ArticleError) -> Article {
        guard wordsPerMinute > 0 else {
            throw ArticleError(.usage, "words per minute must be 1 or more, not \(wordsPerMinute)")
        }
        let minutes = max(1, (article.wordCount + wordsPerMinute - 1) / wordsPerMinute)
        var copy = article
        copy.blocks.insert(.paragraph([.emphasis([.text("\(minutes) min read")])]), at: 0)
        return copy
    }
}

extension ArticleTransform where Self == AnyTransform {
    /// Drops the figures of the body (image, caption and credit), for readers where images do
    /// not load.
    /// A transform made from a closure, for a step that needs no type of its own.
    public static var stripFigures: AnyTransform {
        AnyTransform("strip-figures") { article, _ in
            var copy = article
            copy.blocks.removeAll { if case .figure = $0 { return true } else { return false } }
            return copy
        }
    }
}
