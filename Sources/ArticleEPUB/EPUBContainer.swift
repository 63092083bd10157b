import ArticleCore
import Foundation

/// The OCF container: the zip file with `mimetype` first (stored, no extra field), then
/// `META-INF/container.xml` and the EPUB folder, every entry with the same fixed timestamp and
/// in a fixed order, so the same book always gives the same bytes.
///
/// Zipped by ``ZipWriter`` (zlib directly), not ZIPFoundation: see there for the measurement.
enum EPUBContainer {
    static let folder = "EPUB"

    static let containerXML = """
    <?xml version="1.0" encoding="UTF-8"?>
    <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
    <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
    </rootfiles>
    </container>

    """

    /// The small files of the book (container, package, contents, stylesheet, cover), in the
    /// order they go into the zip, before ``forEachContentFile(_:_:)``.
    static func files(_ book: EPUBBook) -> [(path: String, data: Data)] {
        var files: [(String, Data)] = [
            ("META-INF/container.xml", Data(containerXML.utf8)),
            ("\(folder)/\(EPUBPackageDocument.href)", Data(EPUBPackageDocument.xml(book).utf8)),
            ("\(folder)/\(EPUBNavigation.href)", Data(EPUBNavigation.xhtml(book).utf8)),
            ("\(folder)/\(EPUBNCX.href)", Data(EPUBNCX.xml(book).utf8)),
            ("\(folder)/\(EPUBStylesheet.href)", Data((EPUBStylesheet.css + "\n").utf8)),
        ]
        if let cover = book.coverImageHref {
            files.append(("\(folder)/\(EPUBCover.pageHref)", Data(EPUBCover.page(imageHref: cover, title: book.title, language: book.language,
                                                                                    showsTitle: book.coverPhotoHref != nil).utf8)))
        }
        if let svg = book.coverSVG { files.append(("\(folder)/\(EPUBCover.svgHref)", Data(svg.utf8))) }
        return files
    }

    /// The chapters' files and the images, after ``files(_:)``: the chapters are packed
    /// already (``EPUBBookBuilder`` deflates each as it is made), so that a big book's text is
    /// never held whole, as strings and again as the files' bytes, beside the zip.
    static func forEachContentFile(_ book: EPUBBook, _ body: (String, ZipWriter.Packed) throws(ArticleError) -> Void) throws(ArticleError) {
        for c in book.chapters { try body("\(folder)/text/\(c.fileName)", c.xhtml) }
        for c in book.chapters { if let source = c.source { try body("\(folder)/\(c.sourceHref)", source) } }
        // Images are compressed already; deflating them again only costs time.
        for i in book.images { try body("\(folder)/\(i.href)", ZipWriter.Packed(i.data, compress: false)) }
    }

    /// The zipped book.
    static func zip(_ book: EPUBBook) throws(ArticleError) -> Data {
        // ZIP (MS-DOS) times start in 1980; ZipTimestamp clamps and packs them without a calendar.
        let timestamp = ArticleDate(iso8601: book.modified).map(ZipTimestamp.init) ?? .earliest
        var zip = ZipWriter(timestamp: timestamp)
        try zip.add(.init(path: "mimetype", data: Data("application/epub+zip".utf8), compress: false))
        func add(_ path: String, _ data: Data) throws(ArticleError) {
            // Images are compressed already; deflating them again only costs time.
            let compress = !(path.hasSuffix(".jpg") || path.hasSuffix(".png") || path.hasSuffix(".gif") || path.hasSuffix(".webp"))
            try zip.add(.init(path: path, data: data, compress: compress))
        }
        for (path, data) in files(book) { try add(path, data) }
        try forEachContentFile(book) { (path, packed) throws(ArticleError) in try zip.add(path: path, packed) }
        return try zip.finished()
    }
}
