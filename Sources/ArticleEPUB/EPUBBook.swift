import ArticleCore
import ArticleHTML
import Foundation

/// Everything that goes into one EPUB file, laid out and ready to serialise: the metadata of
/// the package document, the chapters, the images and the cover.
struct EPUBBook {
    /// One content document: one article.
    struct Chapter {
        /// The file name inside `text/` (`chapter-001.xhtml`).
        var fileName: String
        /// The label in the table of contents.
        var title: String
        /// The article's language (BCP 47), `und` when unknown.
        var language: String
        /// The id of the title heading, for the table of contents.
        var titleID: String?
        /// The body headings, for nested table-of-contents entries.
        var headings: [XHTMLRenderer.Heading]
        /// The whole XHTML document, packed for the zip.
        var xhtml: ZipWriter.Packed
        /// The article as ArticleKit JSON (``EPUBSourceArticle``), so the book reads back
        /// exactly, packed for the zip; `nil` when there is none.
        var source: ZipWriter.Packed?
        /// The part of the book the chapter belongs to (``/ArticleCore/Metadata/section``; a
        /// paper's feed), or `nil`: consecutive chapters of one section share a contents entry.
        var section: String?

        /// Where ``source`` is stored, relative to the EPUB folder.
        var sourceHref: String { EPUBSourceArticle.folder + fileName.replacingOccurrences(of: "chapter-", with: "article-").replacingOccurrences(of: ".xhtml", with: ".json") }
    }

    var identifier = ""
    var title = ""
    /// Distinct languages, most used first; never empty (`und` when none is known).
    var languages: [String] = ["und"]
    var creators: [String] = []
    /// `dc:date`: the newest article date in W3CDTF, or `nil`.
    var date: String?
    var publishers: [String] = []
    var sources: [String] = []
    var subjects: [String] = []
    var summary: String?
    /// `dcterms:modified`: `CCYY-MM-DDThh:mm:ssZ`.
    var modified = "1980-01-01T00:00:00Z"
    var chapters: [Chapter] = []
    var images: [EPUBImageCatalog.Item] = []
    /// A generated cover (SVG), when no image was given or found.
    var coverSVG: String?
    /// Whether every image has alternative text.
    var allImagesHaveAlt = true
    /// Whether the table of contents is a page of the book (books of several articles).
    var navInSpine = false

    /// The language of the package as a whole.
    var language: String { languages.first ?? "und" }

    /// The lead photo the cover page shows with the title under it (a single article's lead
    /// image), when the book's cover is that photo.
    var coverPhotoHref: String?

    /// The href of the image the cover page shows, if there is a cover: the lead photo, else the
    /// SVG cover, else the cover-image item (`--cover FILE`).
    var coverImageHref: String? {
        if let coverPhotoHref { return coverPhotoHref }
        if coverSVG != nil { return EPUBCover.svgHref }
        return images.first(where: \.isCover)?.href
    }

    /// The manifest item that is the `cover-image`: a raster image of the book when it has one
    /// (the raster cover, the `--cover` file or the lead photo), else the SVG cover.
    var coverImageID: String? {
        if let item = images.first(where: \.isCover) { return item.id }
        return coverSVG != nil ? "cover-image" : nil
    }
}

/// The XHTML5 document around a body, as EPUB content documents need it: XML declaration, the
/// XHTML and EPUB namespaces, `lang` and `xml:lang`, a title and the stylesheet.
enum EPUBDocument {
    static func xhtml(title: String, language: String, stylesheet: String, bodyClass: String? = nil, body: String) -> String {
        let lang = XHTMLEscaping.attribute(language)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
        let dir = isRightToLeft(language) ? " dir=\"rtl\"" : ""
        out += "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"\(lang)\" xml:lang=\"\(lang)\"\(dir)>\n"
        out += "<head>\n<meta charset=\"utf-8\"/>\n<title>\(XHTMLEscaping.text(title))</title>\n"
        out += "<link rel=\"stylesheet\" type=\"text/css\" href=\"\(XHTMLEscaping.attribute(stylesheet))\"/>\n</head>\n"
        out += bodyClass.map { "<body class=\"\(XHTMLEscaping.attribute($0))\">\n" } ?? "<body>\n"
        out += body
        out += "</body>\n</html>\n"
        return out
    }

    /// Whether a language is written right to left (its primary subtag, or an Arabic or Hebrew
    /// script subtag).
    static func isRightToLeft(_ language: String) -> Bool {
        let parts = language.lowercased().split(separator: "-")
        guard let primary = parts.first else { return false }
        if parts.dropFirst().contains(where: { ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm"].contains($0) }) { return true }
        if parts.dropFirst().contains(where: { ["latn", "cyrl"].contains($0) }) { return false }
        return ["ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb", "syr", "arc", "nqo"].contains(String(primary))
    }
}
