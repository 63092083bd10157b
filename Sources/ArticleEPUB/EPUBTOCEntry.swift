import ArticleHTML

/// The table of contents, as a tree shared by `nav.xhtml` and `toc.ncx`: one entry per article,
/// with its headings nested under it, and a paper's articles under their section's entry.
struct EPUBTOCEntry {
    var label: String
    /// Relative to the EPUB folder (`text/chapter-001.xhtml#sec-2`).
    var href: String
    var children: [EPUBTOCEntry] = []

    /// The entries of the book: one per chapter, with consecutive chapters of one section
    /// (a paper's feed, a book's part) under one entry that opens at its first chapter, or
    /// that is its first chapter when that chapter is titled as the section (a part's page).
    static func tree(_ book: EPUBBook) -> [EPUBTOCEntry] {
        var out: [EPUBTOCEntry] = []
        var openSection: String?
        for chapter in book.chapters {
            let entry = chapterEntry(chapter)
            guard let section = chapter.section else {
                openSection = nil
                out.append(entry)
                continue
            }
            if section == openSection, !out.isEmpty {
                out[out.count - 1].children.append(entry)
            } else {
                // A part that opens with its own page (a book's part title page, titled as the
                // part) is that page's entry, with the part's chapters under it.
                out.append(chapter.title == section ? entry : EPUBTOCEntry(label: section, href: entry.href, children: [entry]))
                openSection = section
            }
        }
        return out
    }

    /// One chapter's entry, with its headings nested under it.
    private static func chapterEntry(_ chapter: EPUBBook.Chapter) -> EPUBTOCEntry {
        let file = "text/" + chapter.fileName
        var entry = EPUBTOCEntry(label: chapter.title, href: file)
        var index = 0
        // A first heading that repeats the chapter's title (a book's chapter heading, kept in
        // its body) is the chapter's own entry, not one under it.
        var headings = chapter.headings
        if let first = headings.first, first.text == chapter.title { headings.removeFirst() }
        entry.children = nest(headings, file: file, above: 1, index: &index)
        return entry
    }

    /// Entries for headings from `index` on that are deeper than `above`.
    private static func nest(_ headings: [XHTMLRenderer.Heading], file: String, above: Int, index: inout Int) -> [EPUBTOCEntry] {
        var out: [EPUBTOCEntry] = []
        while index < headings.count, headings[index].level > above {
            let h = headings[index]
            index += 1
            let label = h.text.isEmpty ? "Section \(index)" : h.text
            var e = EPUBTOCEntry(label: label, href: file + "#" + h.id)
            e.children = nest(headings, file: file, above: h.level, index: &index)
            out.append(e)
        }
        return out
    }
}
