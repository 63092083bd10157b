import ArticleHTML

/// The EPUB 3 navigation document (`EPUB/nav.xhtml`): the table of contents and landmarks.
enum EPUBNavigation {
    static let href = "nav.xhtml"

    static func xhtml(_ book: EPUBBook) -> String {
        var body = "<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\">\n<h1>Contents</h1>\n"
        body += list(EPUBTOCEntry.tree(book))
        body += "</nav>\n"
        body += "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2>Landmarks</h2>\n<ol>\n"
        if book.coverImageHref != nil {
            body += "<li><a epub:type=\"cover\" href=\"\(EPUBCover.pageHref)\">Cover</a></li>\n"
        }
        // A landmark may only point at a page of the spine.
        if book.navInSpine { body += "<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">Contents</a></li>\n" }
        if let first = book.chapters.first {
            body += "<li><a epub:type=\"bodymatter\" href=\"text/\(first.fileName)\">\(XHTMLEscaping.text(first.title))</a></li>\n"
        }
        body += "</ol>\n</nav>\n"
        return EPUBDocument.xhtml(title: "Contents", language: book.language, stylesheet: EPUBStylesheet.href,
                                  bodyClass: "nav-page", body: body)
    }

    private static func list(_ entries: [EPUBTOCEntry]) -> String {
        var out = "<ol>\n"
        for e in entries {
            out += "<li><a href=\"\(XHTMLEscaping.attribute(e.href))\">\(XHTMLEscaping.text(e.label))</a>"
            if !e.children.isEmpty { out += "\n" + list(e.children) }
            out += "</li>\n"
        }
        return out + "</ol>\n"
    }
}
