import ArticleHTML

/// The EPUB 2 NCX (`EPUB/toc.ncx`), for reading systems that predate EPUB 3.
enum EPUBNCX {
    static let href = "toc.ncx"

    static func xml(_ book: EPUBBook) -> String {
        let tree = EPUBTOCEntry.tree(book)
        var order = 0
        var point = 0
        var depth = 1
        var points = ""
        // Points that open the same place (a section and its first article) share a playOrder.
        var orderOf: [String: Int] = [:]
        func add(_ entries: [EPUBTOCEntry], level: Int) {
            depth = max(depth, level)
            for e in entries {
                point += 1
                let play: Int
                if let known = orderOf[e.href] {
                    play = known
                } else {
                    order += 1
                    play = order
                    orderOf[e.href] = order
                }
                points += "<navPoint id=\"np-\(point)\" playOrder=\"\(play)\">\n"
                points += "<navLabel><text>\(XHTMLEscaping.text(e.label))</text></navLabel>\n"
                points += "<content src=\"\(XHTMLEscaping.attribute(e.href))\"/>\n"
                add(e.children, level: level + 1)
                points += "</navPoint>\n"
            }
        }
        add(tree, level: 1)
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="\(XHTMLEscaping.attribute(book.language))">
        <head>
        <meta name="dtb:uid" content="\(XHTMLEscaping.attribute(book.identifier))"/>
        <meta name="dtb:depth" content="\(depth)"/>
        <meta name="dtb:totalPageCount" content="0"/>
        <meta name="dtb:maxPageNumber" content="0"/>
        </head>
        <docTitle><text>\(XHTMLEscaping.text(book.title))</text></docTitle>
        <navMap>
        \(points)</navMap>
        </ncx>

        """
    }
}
