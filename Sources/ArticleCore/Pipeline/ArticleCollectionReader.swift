/// A reader whose format can hold a collection's own metadata beside its articles (a joined
/// Markdown or JSON document; see ``ArticleCollection``).
///
/// Converting one joined document into another joined document keeps the collection's title:
/// the converter takes the collection's metadata from here when no `--title` is given.
public protocol ArticleCollectionReader: ArticleReader {
    /// Reads the input as a collection: its own metadata (none for an ordinary document) and
    /// the articles ``ArticleReader/read(_:context:)`` gives.
    func collection(_ input: ReaderInput, context: inout ConversionContext) throws(ArticleError) -> ArticleCollection

    /// The collection's own metadata without its articles (`nil` or empty for none).
    func collectionMetadata(_ input: ReaderInput, context: inout ConversionContext) throws(ArticleError) -> Metadata?
}

extension ArticleCollectionReader {
    /// The collection's own metadata alone, for a converter that needs only that (the title of
    /// a joined output). By default the input is read as a collection; a reader that can tell
    /// it cheaper (an EPUB's package document, without its chapters) says so instead.
    public func collectionMetadata(_ input: ReaderInput, context: inout ConversionContext) throws(ArticleError) -> Metadata? {
        try collection(input, context: &context).metadata
    }
}
