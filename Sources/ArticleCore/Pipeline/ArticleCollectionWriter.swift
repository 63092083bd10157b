import Foundation

/// A writer whose one document can hold several articles, each with its own metadata
/// (Markdown, HTML, plain text and JSON do).
///
/// When several articles go into one output of a writer that does not combine them
/// (``ArticleWriter/combinesArticles`` is `false`), the converter hands a writer of this kind an
/// ``ArticleCollection`` titled by the `--title`; any other writer gets the articles flattened
/// into one by ``Article/joined(_:title:)``. A batch still writes one file per article.
public protocol ArticleCollectionWriter: ArticleWriter {
    /// Renders the collection as the bytes of one output file, every article with its own title,
    /// byline, date, dateline and source beside its text, and the collection's own metadata as
    /// the document's.
    func write(_ collection: ArticleCollection, context: inout ConversionContext) throws(ArticleError) -> Data
}
