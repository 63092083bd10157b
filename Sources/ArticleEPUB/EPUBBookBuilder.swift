import ArticleCore
import ArticleHTML
import Foundation

/// Lays out a book from articles: one chapter per article, the images they use, the cover,
/// and the package metadata, all derived deterministically from the input.
struct EPUBBookBuilder {
    var options: ConversionOptions
    /// The input the articles came from, for the title fallback.
    var inputName: String?
    /// `SOURCE_DATE_EPOCH`, when set.
    var sourceDateEpoch: String?
    /// Draws the raster (JPEG) cover every book gets as its cover-image; `nil` for none.
    var coverRasterizer: (any CoverRasterizer)?

    func build(_ articles: [Article], warn: (String) -> Void) -> EPUBBook {
        var book = EPUBBook()
        let catalog = EPUBImageCatalog()
        book.title = bookTitle(articles, warn: warn)
        book.navInSpine = articles.count > 1
        let sharedCover = Self.sharedLeadImage(articles)

        // Links to an article that is in the book point to its chapter.
        var chapterByURL: [String: String] = [:]
        let fileNames = articles.indices.map { String(format: "chapter-%03d.xhtml", $0 + 1) }
        for (i, a) in articles.enumerated() {
            if let u = a.metadata.url, !u.isEmpty, chapterByURL[Self.linkKey(u)] == nil {
                chapterByURL[Self.linkKey(u)] = fileNames[i]
            }
        }

        // The package's metadata first, from the articles alone: the identifier's digest starts
        // with it, and each chapter is then hashed and packed as it is made, so a big book's
        // text is never held whole (2,000 chapters: 9 MB of strings until the zip was written).
        let languages = articles.map { article in
            Self.languageTag(article.metadata.language) { warn("the language \"\($0)\" is not a BCP 47 tag; it is left as undetermined (und)") }
        }
        fillMetadata(&book, articles, languages: languages)
        var digest = Self.nonEmpty(options.identifier) == nil ? identifierDigest(book) : nil

        for (i, article) in articles.enumerated() {
            var renderer = XHTMLRenderer()
            renderer.rawHTML = .text
            renderer.articleAttributes = "epub:type=\"chapter\""
            renderer.idPrefix = articles.count > 1 ? "c\(i + 1)-" : ""
            let label = Self.nonEmpty(article.metadata.title)
                ?? (articles.count == 1 ? book.title : "Article \(i + 1)")
            renderer.fallbackTitle = label
            if articles.count > 1 { catalog.warningPrefix = "article \(i + 1) (\(label)): " }
            renderer.imageSource = { ref in
                let src = catalog.chapterSource(for: ref, in: article)
                return src
            }
            renderer.linkTarget = { url in
                if let chapter = chapterByURL[Self.linkKey(url)] { return chapter }
                // A relative link points at a file that is not in the book.
                guard XHTMLEscaping.scheme(of: url) != nil else { return nil }
                return XHTMLEscaping.safeLinkURL(url)
            }
            // The chapter shows the article with its raw HTML sanitized (then reduced to XHTML
            // phrasing by `.text`); the stored JSON below keeps the article as it was read.
            let rendered = renderer.render(options.rawHTML ? article : HTMLSanitizer.sanitize(article))
            if Self.hasEmptyAlt(rendered.markup) { book.allImagesHaveAlt = false }
            let language = languages[i]
            let xhtml = EPUBDocument.xhtml(
                title: label, language: language, stylesheet: "../" + EPUBStylesheet.href,
                body: rendered.markup)
            digest?.update(field: xhtml)
            var chapter = EPUBBook.Chapter(
                fileName: fileNames[i], title: label, language: language,
                titleID: rendered.titleID, headings: rendered.headings, xhtml: ZipWriter.Packed(Data(xhtml.utf8), compress: true))
            let source = Self.sourceJSON(article, catalog: catalog, keepsLeadImage: articles.count == 1 || sharedCover != nil)
            if !source.isEmpty { chapter.source = ZipWriter.Packed(source, compress: true) }
            if articles.count > 1 { chapter.section = Self.nonEmpty(article.metadata.section) }
            book.chapters.append(chapter)
        }

        catalog.warningPrefix = ""
        addCover(to: &book, articles: articles, catalog: catalog, warn: warn)
        for w in catalog.warnings { warn(w) }
        book.images = catalog.items
        if var digest {
            for i in book.images where !i.isGenerated { digest.update(field: i.href + (i.isCover ? " cover" : "")); digest.update(i.data) }
            digest.update(field: book.coverSVG ?? "")
            book.identifier = SHA256Digest.uuidURN(digest.finalize())
        } else {
            book.identifier = Self.nonEmpty(options.identifier) ?? ""
        }
        return book
    }

    /// The article as stored in the book: its JSON without the image bytes, which are the
    /// book's image files (listed by path). A resource that only the lead image names
    /// (``/ArticleCore/Metadata/image``, fetched for a cover) goes in only when `keepsLeadImage`
    /// (a book of one article, whose cover shows it): a book of several has no use for it.
    static func sourceJSON(_ article: Article, catalog: EPUBImageCatalog, keepsLeadImage: Bool = true) -> Data {
        var stripped = article
        stripped.resources = []
        var refs: [EPUBSourceArticle.ResourceReference] = []
        var shown = ImageSources()
        if !keepsLeadImage { _ = shown.walk(blocks: article.blocks) }
        let lead = article.metadata.image?.trimmingCharacters(in: .whitespaces)
        for r in article.resources {
            if !keepsLeadImage, r.path == lead, !shown.sources.contains(r.path) { continue }
            guard let i = catalog.itemIndex(for: ImageReference(source: r.path), in: article) else { continue }
            refs.append(.init(path: r.path, mediaType: r.mediaType, href: "../" + catalog.items[i].href))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(EPUBSourceArticle(article: stripped, resources: refs))) ?? Data()
    }

    private func bookTitle(_ articles: [Article], warn: (String) -> Void) -> String {
        if articles.count > 1 {
            if let t = Self.nonEmpty(options.title) { return t }
            if let t = articles.lazy.compactMap({ Self.nonEmpty($0.metadata.title) }).first {
                warn("a book of \(articles.count) articles with no --title; it is titled after its first article")
                return t
            }
        } else {
            if let t = articles.first.flatMap({ Self.nonEmpty($0.metadata.title) }) ?? Self.nonEmpty(options.title) {
                return t
            }
        }
        if let name = inputName, name != "-" {
            let base = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
            if let t = Self.nonEmpty(base) {
                warn("the article has no title; the book is titled after the file name (give one with --title)")
                return t
            }
        }
        warn("the article has no title; the book is titled \"Untitled\" (give one with --title)")
        return "Untitled"
    }

    private func addCover(to book: inout EPUBBook, articles: [Article], catalog: EPUBImageCatalog, warn: (String) -> Void) {
        if let path = Self.nonEmpty(options.coverPath) {
            // The user's own cover wins, as it is (it is a raster image already).
            if let i = EPUBCover.userCover(atPath: path, catalog: catalog, warn: warn) {
                catalog.markCover(i)
                return
            }
        } else if let lead = Self.sharedLeadImage(articles),
                  let i = articles.lazy.compactMap({ catalog.leadImageIndex(for: lead, in: $0) }).first {
            // Articles that all name one lead image, whose bytes the book holds: the chapters
            // of another book, each with that book's metadata. Its cover is this one's, as it is.
            catalog.markCover(i)
            return
        } else if articles.count == 1, let article = articles.first, let i = leadPhoto(of: article, catalog: catalog) {
            // One article with its lead image in the book: the cover page shows the photo with
            // the title; the cover-image is the raster cover drawn from both, else the photo.
            book.coverPhotoHref = catalog.items[i].href
            var design = EPUBCover.design(for: book.title, articles: articles)
            design.photo = catalog.items[i].data
            if let jpeg = rasterCover(design, warn: warn), catalog.addGeneratedCover(jpeg) != nil { return }
            catalog.markCover(i)
            return
        }
        book.coverSVG = EPUBCover.svg(for: book.title, articles: articles)
        if let jpeg = rasterCover(EPUBCover.design(for: book.title, articles: articles), warn: warn) {
            _ = catalog.addGeneratedCover(jpeg)
        }
    }

    /// The one lead image every article of a book of several names (trimmed), when they are the
    /// chapters of one other book (the same source identifier, which the EPUB reader keeps), or
    /// `nil`. Articles of the web that share a lead image (a site's logo as `og:image`) keep the
    /// generated cover.
    static func sharedLeadImage(_ articles: [Article]) -> String? {
        guard articles.count > 1, let first = nonEmpty(articles.first?.metadata.image),
              let book = articles.first?.metadata.extra["identifier"] else { return nil }
        return articles.allSatisfy({ nonEmpty($0.metadata.image) == first && $0.metadata.extra["identifier"] == book }) ? first : nil
    }

    /// The catalog index of the article's lead photo: its ``/ArticleCore/Metadata/image`` when
    /// the book holds its bytes, else a figure among its first blocks.
    private func leadPhoto(of article: Article, catalog: EPUBImageCatalog) -> Int? {
        if let lead = Self.nonEmpty(article.metadata.image), let i = catalog.leadImageIndex(for: lead, in: article) { return i }
        for block in article.blocks.prefix(4) {
            if case .figure(let f) = block, let ref = f.image, let i = catalog.itemIndex(for: ref, in: article) { return i }
        }
        return nil
    }

    /// The raster cover `coverRasterizer` draws, or `nil` without one (a warning says when it
    /// fails: the book keeps its other cover).
    private func rasterCover(_ design: CoverDesign, warn: (String) -> Void) -> Data? {
        guard options.rasterCover, let coverRasterizer else { return nil }
        do {
            return try coverRasterizer.jpeg(for: design)
        } catch {
            warn("the raster cover could not be drawn (\(error.message)); the book has its other cover only")
            return nil
        }
    }

    private func fillMetadata(_ book: inout EPUBBook, _ articles: [Article], languages chapterLanguages: [String]) {
        var languageCounts: [String: Int] = [:]
        var languageOrder: [String] = []
        for language in chapterLanguages where language != "und" {
            if languageCounts[language] == nil { languageOrder.append(language) }
            languageCounts[language, default: 0] += 1
        }
        let languages = languageOrder.enumerated().sorted {
            let a = languageCounts[$0.element] ?? 0, b = languageCounts[$1.element] ?? 0
            return a != b ? a > b : $0.offset < $1.offset
        }.map(\.element)
        book.languages = languages.isEmpty ? ["und"] : languages
        book.creators = Self.distinct(articles.flatMap(\.metadata.authors))
        book.publishers = Self.distinct(articles.compactMap(\.metadata.source))
        book.sources = Self.distinct(articles.compactMap(\.metadata.url))
        book.subjects = Self.distinct(articles.flatMap(\.metadata.tags))
        if articles.count == 1 { book.summary = Self.nonEmpty(articles.first?.metadata.summary) }
        let newest = articles.compactMap(\.metadata.published).max()
        if let newest {
            book.date = newest.utcOffsetMinutes == nil
                ? String(newest.iso8601.prefix(10))
                : ArticleDate(secondsSince1970: newest.secondsSince1970).iso8601
        }
        // SOURCE_DATE_EPOCH up to 9999-12-31, the last date W3CDTF can write.
        if let epoch = sourceDateEpoch.flatMap({ Int64($0.trimmingCharacters(in: .whitespaces)) }), (0...253_402_300_799).contains(epoch) {
            book.modified = ArticleDate(secondsSince1970: epoch).iso8601
        } else if let newest {
            book.modified = ArticleDate(secondsSince1970: newest.secondsSince1970).iso8601
        }
    }

    /// The start of the digest behind the identifier (`--identifier` unset): a SHA-256 of
    /// everything in the book, its metadata first, then each chapter, the images and the
    /// generated cover; the identifier is a `urn:uuid` made from it.
    private func identifierDigest(_ book: EPUBBook) -> SHA256Digest {
        var d = SHA256Digest()
        d.update(field: book.title)
        for list in [book.languages, book.creators, book.publishers, book.sources, book.subjects] {
            for s in list { d.update(field: s) }
            d.update(field: "")
        }
        d.update(field: book.date ?? "")
        d.update(field: book.summary ?? "")
        d.update(field: book.modified)
        return d
    }

    /// Whether the markup has an `img` with `alt=""` (a byte search: Foundation's string
    /// search bridges to NSString and showed in profiles).
    static func hasEmptyAlt(_ markup: String) -> Bool {
        let needle = Array(" alt=\"\"".utf8)
        var markup = markup
        return markup.withUTF8 { b in
            guard b.count >= needle.count else { return false }
            var i = 0
            while i <= b.count - needle.count {
                if b[i] == needle[0] && b[i + 1] == needle[1] && b[i + 2] == needle[2] && Array(b[i..<i + needle.count]) == needle { return true }
                i += 1
            }
            return false
        }
    }

    static func linkKey(_ url: String) -> String {
        var s = url.trimmingCharacters(in: .whitespaces).lowercased()
        if let hash = s.firstIndex(of: "#") { s = String(s[..<hash]) }
        for p in ["https://", "http://", "//"] where s.hasPrefix(p) { s = String(s.dropFirst(p.count)); break }
        if s.hasPrefix("www.") { s = String(s.dropFirst(4)) }
        s = String(s[..<(s.lastIndex { $0 != "/" }.map { s.index(after: $0) } ?? s.startIndex)])  // one cut, not one copy per slash
        return s.isEmpty ? "\u{0}" : s
    }

    /// A well-formed BCP 47 tag for `raw` (`en_US` becomes `en-US`), or `und` when there is
    /// none; `invalid` is told about text that is not a tag (EPUBCheck rejects such tags).
    static func languageTag(_ raw: String?, invalid: (String) -> Void) -> String {
        guard let s = nonEmpty(raw) else { return "und" }
        let tag = s.replacingOccurrences(of: "_", with: "-")
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        let ok = !parts.isEmpty && parts.allSatisfy { p in
            (1...8).contains(p.count) && p.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        } && (2...8).contains(parts[0].count) && parts[0].unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
        if ok { return tag }
        invalid(s)
        return "und"
    }

    static func nonEmpty(_ s: String?) -> String? {
        guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }

    static func distinct(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.compactMap(nonEmpty).filter { seen.insert($0).inserted }
    }
}
