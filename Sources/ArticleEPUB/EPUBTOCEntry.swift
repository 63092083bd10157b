import ArticleHTML

/// The table of contents, as a tree shared by `nav.xhtml` and `toc.ncx`: one entry per article,
/// with its headings nested under it.
struct EPUBTOCEntry {
    var label: String
    /// Relative to the EPUB folder (`text/chapter-001.xhtml#sec-2`).
    var href: String
    var children: [EPUBTOCEntry] = []

    static func tree(_ book: EPUBBook) -> [EPUBTOCEntry] {
        book.chapters.enumerated().map { n, chapter in
            let file = "text/" + chapter.fileName
            var entry = EPUBTOCEntry(label: chapter.title, href: file)
            var index = 0
            entry.children = nest(chapter.headings, file: file, above: 1, index: &index)
            _ = n
            return entry
        }
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
