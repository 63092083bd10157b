import ArticleCore
import Foundation
import ZIPFoundation

/// The OCF container: the zip file with `mimetype` first (stored, no extra field), then
/// `META-INF/container.xml` and the EPUB folder, every entry with the same fixed timestamp and
/// in a fixed order, so the same book always gives the same bytes.
///
/// ZIPFoundation is kept: measured with callgrind on a 200-article book (release build), the
/// zip step is 35% of the whole process's instructions, but 31 of those 35 points are zlib's
/// deflate, which any zip writer pays; ZIPFoundation's own work (headers, central directory)
/// is about 2%, far under the fifth of the conversion that would justify replacing it.
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
        let modified = ArticleDate(iso8601: book.modified)
        // ZIP (MS-DOS) times start in 1980. ZIPFoundation's own conversion of this date is not
        // safe across threads; `ZipTimestamp` writes the fields again below.
        let stamp = max(modified?.date ?? Date(timeIntervalSince1970: 315_532_800), Date(timeIntervalSince1970: 315_532_800))
        let timestamp = modified.map(ZipTimestamp.init) ?? .earliest
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            try add("mimetype", Data("application/epub+zip".utf8), to: archive, date: stamp, compress: false)
            for (path, data) in files(book) {
                // Images are compressed already; deflating them again only costs time.
                let compress = !(path.hasSuffix(".jpg") || path.hasSuffix(".png") || path.hasSuffix(".gif") || path.hasSuffix(".webp"))
                try add(path, data, to: archive, date: stamp, compress: compress)
            }
            guard var data = archive.data else { throw ArticleError(.io, "the EPUB could not be assembled in memory") }
            try timestamp.stamp(&data)
            return data
        } catch let e as ArticleError {
            throw e
        } catch {
            throw ArticleError(.io, "the EPUB could not be zipped (\(error))")
        }
    }

    private static func add(_ path: String, _ data: Data, to archive: Archive, date: Date, compress: Bool) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                             permissions: 0o644, compressionMethod: compress ? .deflate : .none) { position, size in
            // Offsets from startIndex: a Data slice does not start at 0.
            let start = data.startIndex + Int(position)
            return Data(data[start..<min(start + size, data.endIndex)])
        }
    }
}
