import ArticleHTML

/// The EPUB 3.3 package document (`EPUB/package.opf`): metadata, manifest and spine.
enum EPUBPackageDocument {
    static let href = "package.opf"

    static func xml(_ book: EPUBBook) -> String {
        func e(_ s: String) -> String { XHTMLEscaping.text(s) }
        var m = ""
        m += "<dc:identifier id=\"book-id\">\(e(book.identifier))</dc:identifier>\n"
        m += "<dc:title id=\"title\">\(e(book.title))</dc:title>\n"
        for l in book.languages { m += "<dc:language>\(e(l))</dc:language>\n" }
        for (i, c) in book.creators.enumerated() {
            m += "<dc:creator id=\"creator-\(i + 1)\">\(e(c))</dc:creator>\n"
            m += "<meta refines=\"#creator-\(i + 1)\" property=\"role\" scheme=\"marc:relators\">aut</meta>\n"
        }
        if let d = book.date { m += "<dc:date>\(e(d))</dc:date>\n" }
        for p in book.publishers { m += "<dc:publisher>\(e(p))</dc:publisher>\n" }
        for s in book.sources { m += "<dc:source>\(e(s))</dc:source>\n" }
        for s in book.subjects { m += "<dc:subject>\(e(s))</dc:subject>\n" }
        if let s = book.summary { m += "<dc:description>\(e(s))</dc:description>\n" }
        m += "<meta property=\"dcterms:modified\">\(e(book.modified))</meta>\n"
        m += accessibility(book)
        // EPUB 2 readers (and Kindle's converters) find the cover by this meta; EPUB 3 by the
        // item's cover-image property. Both name the same raster image when there is one.
        if let id = book.coverImageID { m += "<meta name=\"cover\" content=\"\(id)\"/>\n" }

        var manifest = ""
        manifest += "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n"
        manifest += "<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n"
        manifest += "<item id=\"css\" href=\"\(EPUBStylesheet.href)\" media-type=\"text/css\"/>\n"
        if book.coverImageHref != nil {
            manifest += "<item id=\"cover\" href=\"\(EPUBCover.pageHref)\" media-type=\"application/xhtml+xml\"/>\n"
        }
        if book.coverSVG != nil {
            let props = book.coverImageID == "cover-image" ? " properties=\"cover-image\"" : ""
            manifest += "<item id=\"cover-image\" href=\"\(EPUBCover.svgHref)\" media-type=\"image/svg+xml\"\(props)/>\n"
        }
        for (i, c) in book.chapters.enumerated() {
            manifest += "<item id=\"chapter-\(i + 1)\" href=\"text/\(c.fileName)\" media-type=\"application/xhtml+xml\"/>\n"
        }
        // The articles themselves, for reading the book back; no reading system shows them.
        for (i, c) in book.chapters.enumerated() where c.source != nil {
            manifest += "<item id=\"article-\(i + 1)\" href=\"\(c.sourceHref)\" media-type=\"application/json\"/>\n"
        }
        for img in book.images {
            let props = img.isCover ? " properties=\"cover-image\"" : ""
            manifest += "<item id=\"\(img.id)\" href=\"\(img.href)\" media-type=\"\(img.mediaType)\"\(props)/>\n"
        }

        var spine = ""
        if book.coverImageHref != nil { spine += "<itemref idref=\"cover\"/>\n" }
        if book.navInSpine { spine += "<itemref idref=\"nav\"/>\n" }
        for i in book.chapters.indices { spine += "<itemref idref=\"chapter-\(i + 1)\"/>\n" }

        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="\(XHTMLEscaping.attribute(book.language))">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
        \(m)</metadata>
        <manifest>
        \(manifest)</manifest>
        <spine toc="ncx"\(EPUBDocument.isRightToLeft(book.language) ? " page-progression-direction=\"rtl\"" : "")>
        \(spine)</spine>
        </package>

        """
    }

    /// EPUB Accessibility 1.1 discovery metadata (schema.org), stating what the book really has.
    private static func accessibility(_ book: EPUBBook) -> String {
        let hasImages = !book.images.filter { !$0.isCover }.isEmpty
        var m = "<meta property=\"schema:accessMode\">textual</meta>\n"
        if hasImages { m += "<meta property=\"schema:accessMode\">visual</meta>\n" }
        if !hasImages || book.allImagesHaveAlt {
            m += "<meta property=\"schema:accessModeSufficient\">textual</meta>\n"
        }
        if hasImages { m += "<meta property=\"schema:accessModeSufficient\">textual,visual</meta>\n" }
        var features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"]
        if hasImages && book.allImagesHaveAlt { features.append("alternativeText") }
        for f in features { m += "<meta property=\"schema:accessibilityFeature\">\(f)</meta>\n" }
        m += "<meta property=\"schema:accessibilityHazard\">none</meta>\n"
        var summary = book.chapters.count == 1
            ? "One article as reflowable text, with its headings in the table of contents."
            : "\(book.chapters.count) articles as reflowable text, one chapter each, listed in the table of contents."
        summary += hasImages
            ? (book.allImagesHaveAlt ? " Images have text alternatives and captions." : " Some images have no text alternative.")
            : " No images in the text."
        summary += " Text size and colours follow the reading system."
        m += "<meta property=\"schema:accessibilitySummary\">\(XHTMLEscaping.text(summary))</meta>\n"
        return m
    }
}
