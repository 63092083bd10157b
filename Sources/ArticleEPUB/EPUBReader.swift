import ArticleCore
import ArticleSupport
import Foundation

/// Reads EPUB 3 and EPUB 2 books.
///
/// A book ArticleKit wrote reads back as the articles it was made from, exactly (each chapter's
/// article is stored in the book as ArticleKit JSON). Any other book reads as one article per
/// content document in reading order, each with the book's metadata and its table-of-contents
/// title; set the option `epub-chapters` to `join` (`--join-chapters`) for one article with a
/// heading per chapter instead. Images the chapters show come with the articles as resources.
///
/// It reads what reading systems read: SVG pages and SVG text, spine items shown through their
/// `fallback` chain, image-only pages (comics), ids and hrefs with white space round them or
/// differing in case from the file, zip names in UTF-8 without the UTF-8 flag, and a book
/// without its `mimetype` file (with a warning). Pages that hold only a heading (a part's title
/// page) are kept; non-linear documents (notes, answers) come after the linear ones, or not at
/// all with the option `epub-nonlinear` set to `omit` (`--no-nonlinear`). A chapter that is
/// missing, damaged or not XML is left out with a warning naming it.
///
/// Every zip and XML safety limit applies (``EPUBArchiveLimits``), and an unsafe book (zip
/// slip, a bomb, XML entities) is refused whole; a book with encrypted content (DRM) is refused
/// with a clear error.
public struct EPUBReader: ArticleCollectionReader {
    /// The format: `epub` (`epub3`, `epub2`), `.epub`, `application/epub+zip`.
    public let format = FormatInfo(
        name: "epub", aliases: ["epub3", "epub2"], extensions: ["epub"], mediaType: "application/epub+zip",
        summary: "EPUB 2 and 3 books: one article per chapter (ArticleKit's own books exactly as written)")

    /// The archive limits.
    public var limits: EPUBArchiveLimits

    /// Creates a reader with the default limits.
    public init(limits: EPUBArchiveLimits = EPUBArchiveLimits()) {
        self.limits = limits
    }

    /// Reads the input into its articles; throws ``/ArticleCore/ArticleError`` for input it cannot
    /// or must not read.
    ///
    /// The articles are marked as coming from a book (``/ArticleCore/ConversionContext/origin``):
    /// whatever a chapter's images or the stored article name, no local file is ever embedded
    /// for them, not even one beside the book.
    public func read(_ input: ReaderInput, context: inout ConversionContext) throws(ArticleError) -> [Article] {
        try collection(input, context: &context).articles
    }

    /// Reads the book as a collection: the book's own metadata from its package document (title,
    /// authors, language, publisher, date, identifier in ``/ArticleCore/Metadata/extra`` as
    /// `identifier`) and the articles ``read(_:context:)`` gives. Any output of the whole book
    /// is titled by the book, never by its first chapter.
    public func collection(_ input: ReaderInput, context: inout ConversionContext) throws(ArticleError) -> ArticleCollection {
        context.origin = context.origin.restricted(to: .book)
        let (archive, package) = try open(input, context: &context)
        var meta = Self.metadata(package)
        if let own = try EPUBSourceArticles.read(package: package, archive: archive, name: input.name) {
            return ArticleCollection(metadata: meta, articles: own)
        }
        var cover: Resource?
        let chapters = try EPUBChapters(package: package, archive: archive, book: input.name)
            .read(nonLinear: context.options.extra["epub-nonlinear"] != "omit", cover: &cover, context: &context)
        // The cover is the book's lead image, with its bytes in the first article: an EPUB made
        // of these articles has it as its cover.
        if let cover { meta.image = cover.path }
        func withCover(_ a: inout Article) {
            if let cover, a.resource(at: cover.path) == nil { a.resources.append(cover) }
        }
        if context.options.extra["epub-chapters"] == "join" || chapters.count == 1 {
            var book = Article.joined(chapters, title: meta.title ?? chapters.first?.metadata.title)
            book.metadata = meta
            if book.metadata.title == nil { book.metadata.title = chapters.first?.metadata.title }
            withCover(&book)
            return ArticleCollection(metadata: meta, articles: [book])
        }
        var articles = chapters.map { chapter in
            var a = chapter
            a.metadata = meta
            // The source book's identifier stays: it tells the writer these are one book's
            // chapters, whose shared lead image is that book's cover.
            a.metadata.extra = meta.extra["identifier"].map { ["identifier": $0] } ?? [:]
            a.metadata.title = chapter.metadata.title ?? meta.title
            a.metadata.section = chapter.metadata.section
            if let l = chapter.metadata.language, !l.isEmpty, meta.language == nil { a.metadata.language = l }
            return a
        }
        if !articles.isEmpty { withCover(&articles[0]) }
        return ArticleCollection(metadata: meta, articles: articles)
    }

    /// The book's own metadata, from the package document only: no chapter is read for it.
    public func collectionMetadata(_ input: ReaderInput, context: inout ConversionContext) throws(ArticleError) -> Metadata? {
        let (archive, package) = try open(input, context: &context)
        var meta = Self.metadata(package)
        // The cover the package names, as ``collection(_:context:)`` gives it (a cover found
        // only by its page needs the chapters read).
        if let cover = package.coverImage, archive.contains(cover.path) { meta.image = cover.path }
        return meta
    }

    /// The archive and its package document, with the checks every book gets first.
    private func open(_ input: ReaderInput, context: inout ConversionContext) throws(ArticleError) -> (EPUBArchive, EPUBPackage) {
        let name = input.name
        guard !input.data.isEmpty else { throw ArticleError(.emptyInput, "the file is empty", file: name) }
        let archive = try EPUBArchive(data: input.data, name: name, fileURL: input.fileURL, limits: limits)
        if archive.contains("mimetype") {
            let mimetype = String(decoding: try archive.data("mimetype").prefix(64), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard mimetype == "application/epub+zip" else {
                throw ArticleError(.malformed, "not an EPUB: its mimetype is \"\(mimetype.prefix(40))\", not application/epub+zip", file: name)
            }
        } else if archive.contains("META-INF/container.xml") {
            // Most reading systems open such a book; its container says where the package is.
            context.warn("the book has no mimetype file (it is not a valid EPUB); read all the same")
        } else {
            throw ArticleError(.malformed, "not an EPUB: the archive has no mimetype file and no META-INF/container.xml", file: name)
        }
        try EPUBEncryption.refuseDRM(archive, name: name)
        return (archive, try EPUBPackage(archive: archive, name: name))
    }

    /// The package document's metadata as the model's.
    static func metadata(_ package: EPUBPackage) -> Metadata {
        var meta = Metadata()
        meta.title = package.title
        meta.authors = package.creators
        meta.language = package.language
        meta.published = package.date.flatMap { ArticleDate(iso8601: $0) }
        meta.source = package.publisher
        meta.url = ([package.source] + package.identifiers).compactMap { $0 }.first { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
        meta.tags = package.subjects
        meta.summary = package.summary
        if let id = package.identifier { meta.extra["identifier"] = .string(id) }
        return meta
    }
}
