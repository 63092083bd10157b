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

    /// The files of the book, in the order they go into the zip.
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
        for c in book.chapters { files.append(("\(folder)/text/\(c.fileName)", Data(c.xhtml.utf8))) }
        for c in book.chapters where !c.source.isEmpty { files.append(("\(folder)/\(c.sourceHref)", c.source)) }
        for i in book.images { files.append(("\(folder)/\(i.href)", i.data)) }
        return files
    }

    /// The zipped book.
    static func zip(_ book: EPUBBook) throws(ArticleError) -> Data {
        // ZIP (MS-DOS) times start in 1980; ZipTimestamp clamps and packs them without a calendar.
        let timestamp = ArticleDate(iso8601: book.modified).map(ZipTimestamp.init) ?? .earliest
        var zip = ZipWriter(timestamp: timestamp)
        try zip.add(.init(path: "mimetype", data: Data("application/epub+zip".utf8), compress: false))
        for (path, data) in files(book) {
            // Images are compressed already; deflating them again only costs time.
            let compress = !(path.hasSuffix(".jpg") || path.hasSuffix(".png") || path.hasSuffix(".gif") || path.hasSuffix(".webp"))
            try zip.add(.init(path: path, data: data, compress: compress))
        }
        return try zip.finished()
    }
}
