/// Where a document came from, which decides whether it may refer to files on this machine.
///
/// A document from a local file or standard input may embed local files that
/// ``LocalFilePolicy`` allows. A document from anywhere else was written by someone who does
/// not own this machine's files, so its `file:` URLs and paths are never followed, whatever
/// they name: a source that reads documents from the network sets ``remote`` on its
/// ``ReaderInput``, and a reader that unpacks documents from a container (the EPUB reader)
/// marks them ``book`` in the ``ConversionContext``. The converter copies the input's origin
/// into the context before reading, and a reader may only make it stricter.
public enum DocumentOrigin: String, Hashable, Sendable {
    /// A file on this machine, or standard input.
    case local
    /// A document unpacked from a book (an EPUB chapter, or the article an ArticleKit book stores).
    case book
    /// A document fetched from the network.
    case remote

    /// Whether the document may embed local files at all (still only those the policy allows).
    public var mayReferToLocalFiles: Bool { self == .local }

    /// This origin, or `other` when `other` is stricter: a book fetched from the network stays
    /// remote, a local book becomes a book.
    public func restricted(to other: DocumentOrigin) -> DocumentOrigin {
        self == .local ? other : self
    }

    /// Why a document of this origin may not refer to local files, for a warning.
    var refusal: String {
        switch self {
        case .local: return ""
        case .book: return "the document came from a book, and a book's references to local files are never followed"
        case .remote: return "the document came from the network, and its references to local files are never followed"
        }
    }
}
