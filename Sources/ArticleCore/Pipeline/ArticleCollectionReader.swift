/// A reader whose format can hold a collection's own metadata beside its articles (a joined
/// Markdown or JSON document; see ``ArticleCollection``).
///
/// Converting one joined document into another joined document keeps the collection's title:
/// the converter takes the collection's metadata from here when no `--title` is given.
public protocol ArticleCollectionReader: ArticleReader {
    /// Reads the input as a collection: its own metadata (none for an ordinary document) and
    /// the articles ``ArticleReader/read(_:context:)`` gives.
    func collection(_ input: ReaderInput, context: inout ConversionContext) throws(ArticleError) -> ArticleCollection
}
