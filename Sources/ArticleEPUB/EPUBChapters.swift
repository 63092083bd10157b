import ArticleCore
import ArticleHTML
import ArticleSupport
import Foundation

/// The chapters of a book not made by ArticleKit: one article per spine document, in reading
/// order, as a reading system shows them.
///
/// A document that is missing, damaged or not XML (nor HTML) is left out with a warning naming
/// it; an unsafe one (XML entities, a bomb) refuses the whole book.
struct EPUBChapters {
    let package: EPUBPackage
    let archive: EPUBArchive
    let book: String

    /// The chapters in reading order; `cover` is the book's cover image, when it has one. The
    /// page that only shows the cover is not a chapter: the cover is the book's, not a figure.
    func read(nonLinear: Bool, cover: inout Resource?, context: inout ConversionContext) throws(ArticleError) -> [Article] {
        let titles = EPUBNavigationReader.titles(package: package, archive: archive, book: book)
        func title(_ path: String) -> EPUBNavigationReader.Label? { titles[archive.entryName(path) ?? path] ?? titles[path] }
        var chapters: [Article] = []
        var skipped: [String] = []
        var seen = Set<String>()
        // A document the contents do not list (a chapter's second file) is in the part of the
        // one before it.
        var part: String?
        // Kept for a book that has nothing else to show (one picture).
        var coverPage: Article?
        for (index, item) in (package.spine + (nonLinear ? package.nonLinear : [])).enumerated() {
            // Non-linear documents (notes) come after the book, in no part of it.
            if index == package.spine.count { part = nil }
            guard !item.properties.contains("nav") || package.spine.count == 1 else { continue }
            // The same document twice in the spine is one chapter.
            guard seen.insert(item.path).inserted else { continue }
            let chapter: Article?
            do {
                chapter = try read(item, title: title, context: &context)
            } catch where error.code == .unsafeInput || error.code == .limitExceeded || error.code == .encrypted {
                throw error
            } catch {
                skipped.append(error.message)
                context.warn("\(error.message); the chapter is left out")
                continue
            }
            if let label = title(item.path) ?? package.readable(item).flatMap({ title($0.path) }) { part = label.section }
            if let chapter, let image = coverImage(shownBy: chapter, page: item) {
                if cover == nil { cover = image }
                if coverPage == nil { coverPage = chapter }
                continue
            }
            if var chapter {
                chapter.metadata.section = part
                chapters.append(chapter)
            }
        }
        // A title page (only the book's title, authors, publisher and a date) is not a chapter
        // of its own.
        let known = [package.title, package.publisher, package.date, package.date.map { String($0.prefix(4)) }] + package.creators.map(Optional.some)
        let titlePageLines = Set(known.compactMap { $0?.lowercased() })
        if chapters.count > 1 {
            chapters.removeAll { chapter in
                chapter.resources.isEmpty && !chapter.blocks.isEmpty && chapter.blocks.allSatisfy { b in
                    b.plainText.split(separator: "\n").allSatisfy { line in
                        let l = line.trimmingCharacters(in: .whitespaces)
                        return titlePageLines.contains(l.lowercased()) || ArticleDate(iso8601: l) != nil
                    }
                }
            }
        }
        if cover == nil, let item = package.coverImage, archive.contains(item.path), let data = try? archive.data(item.path),
           let type = ImageType.sniff(data) {
            cover = Resource(path: item.path, mediaType: type.mediaType, data: data)
        }
        if chapters.isEmpty, let coverPage { chapters = [coverPage] }
        guard !chapters.isEmpty else {
            let why = skipped.first.map { " (\($0))" } ?? ""
            throw ArticleError(.noContent, "the book has no readable chapters\(why)", file: book)
        }
        return chapters
    }

    /// The cover image when `chapter` is the book's cover page: a page that shows one image,
    /// the package's cover image or on the page the guide calls the cover, and no text beside
    /// it (a caption or alternative text aside).
    private func coverImage(shownBy chapter: Article, page item: EPUBPackage.Item) -> Resource? {
        guard chapter.resources.count == 1, let image = chapter.resources.first,
              image.path == package.coverImage?.path || item.path == package.coverPagePath else { return nil }
        let text = chapter.blocks.contains { block in
            if case .figure = block { return false }
            return !block.plainText.unicodeScalars.allSatisfy(\.properties.isWhitespace)
        }
        return text ? nil : image
    }

    /// The spine item as an article, through its fallback chain; `nil` for a page with nothing
    /// to read (a blank page, a cover image page, an item of a type no reader shows).
    private func read(_ item: EPUBPackage.Item, title: (String) -> EPUBNavigationReader.Label?, context: inout ConversionContext) throws(ArticleError) -> Article? {
        if let document = package.readable(item) {
            return try chapter(document, title: title(item.path) ?? title(document.path), context: &context)
        }
        if let image = package.image(for: item) {
            return try imagePage(image, title: (title(item.path) ?? title(image.path))?.text)
        }
        return nil
    }

    /// A page that is one image (a comic's page, a scanned book's): a figure.
    private func imagePage(_ image: EPUBPackage.Item, title: String?) throws(ArticleError) -> Article? {
        let data = try archive.data(image.path)
        guard let type = ImageType.sniff(data) else { return nil }
        var meta = Metadata()
        meta.title = title
        let ref = ImageReference(source: image.path, alt: "")
        return Article(metadata: meta, blocks: [.figure(Figure(image: ref))],
                       resources: [Resource(path: image.path, mediaType: type.mediaType, data: data)])
    }

    /// One content document (XHTML, HTML or SVG) as an article.
    private func chapter(_ item: EPUBPackage.Item, title: EPUBNavigationReader.Label?, context: inout ConversionContext) throws(ArticleError) -> Article? {
        let path = item.path
        guard archive.contains(path) else { throw ArticleError(.malformed, "\(path) is missing from the book", file: book) }
        // Damaged: the archive says so (and a bomb's limit refuses the book).
        let data = try archive.data(path)
        if EPUBXML.declaresEntities(data) {
            throw ArticleError(.unsafeInput, "\(path) declares XML entities (<!ENTITY>), which ArticleKit never expands; refusing the book", file: book)
        }
        let document: XMLDocument
        do {
            document = try XMLParser.parse([UInt8](data), name: book)
        } catch {
            guard item.mediaType != "image/svg+xml" else {
                throw ArticleError(.malformed, "\(path) is not well-formed SVG", file: book)
            }
            // Many EPUB 2 books have markup that is not quite XML: read it as HTML instead.
            context.warn("\(path) is not well-formed XHTML; read as HTML")
            do {
                document = try HTMLParser.parse(data, name: book)
            } catch {
                throw ArticleError(.malformed, "\(path) is neither XHTML nor HTML", file: book)
            }
            for omission in document.omissions { context.warn("\(path): \(omission)") }
        }
        guard let root = document.root else { return nil }
        // An SVG page is its own body; an (X)HTML document's is its <body>.
        let body = root.name == "svg" ? root : (root.descendants(named: "body").first ?? root)
        let firstHeading = (root.descendants(named: "h1").first ?? root.descendants(named: "h2").first)
            .map { $0.text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        // The table of contents names the document; an entry that only points inside it (a
        // footnote's "1" in calibre's NCX) gives way to the document's own heading.
        let whole = title.flatMap { $0.whole ? EPUBBookBuilder.nonEmpty($0.text) : nil }
        let heading = whole ?? EPUBBookBuilder.nonEmpty(firstHeading) ?? EPUBBookBuilder.nonEmpty(title?.text)
        var blocks = HTMLFragment.blocks(of: body, baseURL: EPUBImages.scheme + path, title: heading, keepSVG: true)
        var resources: [Resource] = []
        blocks = EPUBImages.localize(blocks, archive: archive, resources: &resources)
        // Stops at the first block with any text (the whole text trimmed was a tenth of the time).
        let noText = !blocks.contains { !$0.plainText.unicodeScalars.allSatisfy(\.properties.isWhitespace) }
        if blocks.isEmpty || (noText && resources.isEmpty) {
            // A page that only has a heading (a part's title page, a divider) keeps it: the
            // book's structure. A blank page is nothing.
            guard let heading, !heading.isEmpty, Self.hasText(body) else { return nil }
            blocks = [.heading(level: 1, content: [.text(heading)])]
        }
        var meta = Metadata()
        meta.title = heading
        meta.language = root.attribute("lang")
        return Article(metadata: meta, blocks: blocks, resources: resources)
    }

    /// Whether the body shows any text at all (a part page does; a blank one does not).
    private static func hasText(_ body: XMLNode) -> Bool {
        !body.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
