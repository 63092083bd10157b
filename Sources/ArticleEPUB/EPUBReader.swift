import ArticleCore
import ArticleHTML
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
/// Every zip and XML safety limit applies (``EPUBArchiveLimits``); a book with encrypted
/// content (DRM) is refused with a clear error.
public struct EPUBReader: ArticleReader {
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
        context.origin = context.origin.restricted(to: .book)
        let name = input.name
        guard !input.data.isEmpty else { throw ArticleError(.emptyInput, "the file is empty", file: name) }
        let archive = try EPUBArchive(data: input.data, name: name, fileURL: input.fileURL, limits: limits)
        guard archive.contains("mimetype") else {
            throw ArticleError(.malformed, "not an EPUB: the archive has no mimetype file", file: name)
        }
        let mimetype = String(decoding: try archive.data("mimetype").prefix(64), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard mimetype == "application/epub+zip" else {
            throw ArticleError(.malformed, "not an EPUB: its mimetype is \"\(mimetype.prefix(40))\", not application/epub+zip", file: name)
        }
        try EPUBEncryption.refuseDRM(archive, name: name)
        let package = try EPUBPackage(archive: archive, name: name)

        if let own = try EPUBSourceArticles.read(package: package, archive: archive, name: name) {
            return own
        }
        let titles = EPUBNavigationReader.titles(package: package, archive: archive, book: name)
        var chapters: [Article] = []
        for path in package.spine {
            guard let item = package.items.values.first(where: { $0.path == path }),
                  item.mediaType.contains("html"), !item.properties.contains("nav") else { continue }
            guard let chapter = try readChapter(path, title: titles[path], archive: archive, book: name, context: &context) else { continue }
            chapters.append(chapter)
        }
        // A title page (only the book's title and authors) is not a chapter of its own.
        let titlePageLines = Set(([package.title] + package.creators.map(Optional.some)).compactMap { $0?.lowercased() })
        chapters.removeAll { chapter in
            chapter.resources.isEmpty && !chapter.blocks.isEmpty && chapter.blocks.allSatisfy { b in
                b.plainText.split(separator: "\n").allSatisfy { titlePageLines.contains($0.trimmingCharacters(in: .whitespaces).lowercased()) }
            }
        }
        guard !chapters.isEmpty else {
            throw ArticleError(.noContent, "the book has no readable chapters", file: name)
        }
        var meta = Metadata()
        meta.title = package.title
        meta.authors = package.creators
        meta.language = package.language
        meta.published = package.date.flatMap { ArticleDate(iso8601: $0) }
        meta.source = package.publisher
        meta.url = ([package.source] + package.identifiers).compactMap { $0 }.first { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
        meta.tags = package.subjects
        meta.summary = package.summary
        if context.options.extra["epub-chapters"] == "join" {
            var book = Article.joined(chapters, title: package.title)
            book.metadata = meta
            return [book]
        }
        return chapters.map { chapter in
            var a = chapter
            let title = chapter.metadata.title
            a.metadata = meta
            a.metadata.title = title ?? meta.title
            return a
        }
    }

    /// One content document as an article; `nil` for a page with no text (a cover image page).
    private func readChapter(_ path: String, title: String?, archive: EPUBArchive, book: String,
                             context: inout ConversionContext) throws(ArticleError) -> Article? {
        let data = try archive.data(path)
        let document: XMLDocument
        if EPUBXML.declaresEntities(data) {
            throw ArticleError(.unsafeInput, "\(path) declares XML entities (<!ENTITY>), which ArticleKit never expands; refusing the book", file: book)
        }
        do {
            document = try XMLParser.parse([UInt8](data), name: book)
        } catch {
            // Many EPUB 2 books have markup that is not quite XML: read it as HTML instead.
            context.warn("\(path) is not well-formed XHTML; read as HTML")
            document = try HTMLParser.parse(data, name: book)
            for omission in document.omissions { context.warn("\(path): \(omission)") }
        }
        guard let body = document.root?.descendants(named: "body").first else { return nil }
        let heading = title ?? document.root?.descendants(named: "h1").first?.text.trimmingCharacters(in: .whitespacesAndNewlines)
        var blocks = HTMLFragment.blocks(of: body, baseURL: "epub:/" + path, title: heading)
        var resources: [Resource] = []
        blocks = EPUBImages.localize(blocks, archive: archive, resources: &resources)
        if blocks.isEmpty && resources.isEmpty { return nil }
        let text = blocks.map(\.plainText).joined()
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && resources.count <= 1 && path.lowercased().contains("cover") { return nil }
        var meta = Metadata()
        meta.title = heading.flatMap { $0.isEmpty ? nil : $0 }
        meta.language = document.root?.attribute("lang")
        return Article(metadata: meta, blocks: blocks, resources: resources)
    }
}
