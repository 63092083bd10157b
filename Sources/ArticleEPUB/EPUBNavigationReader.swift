import ArticleSupport

/// Chapter titles and parts from a book's table of contents: the EPUB 3 `nav` document, else
/// the EPUB 2 NCX. Maps each content document's path to the label of the first entry that
/// points at the document itself, else at a place inside it (`ch1.xhtml#sec2`), and to the part
/// of the book it is in.
///
/// A part is a top-level entry whose entries point at other documents than its own (a part
/// page with its chapters under it, or a `<span>` heading over them). Every document under it
/// is in that part, the part's own page too; deeper levels of documents (a part's chapters'
/// sections in files of their own) are in the same part, since the model has one level of
/// parts (``/ArticleCore/Metadata/section``). A top-level entry whose children only point
/// inside its own document (a chapter's sections) is not a part: the writer nests those
/// headings under the chapter.
enum EPUBNavigationReader {
    struct Label {
        var text: String
        /// Whether the entry points at the whole document (no `#fragment`).
        var whole: Bool
        /// The label of the part the document is in, or `nil`.
        var section: String?
    }

    /// One entry of the table of contents as the book nests it.
    struct Entry {
        var label: String
        /// The path it points at, fragment left out; `nil` for a heading with no link.
        var path: String?
        var whole: Bool
        var children: [Entry] = []
    }

    static func titles(package: EPUBPackage, archive: EPUBArchive, book: String) -> [String: Label] {
        var titles: [String: Label] = [:]
        func note(_ e: Entry, section: String?) {
            guard let path = e.path, !e.label.isEmpty else { return }
            if var known = titles[path] {
                // The first entry that names the whole document gives the title; the first
                // entry that names the document at all gives the part.
                if known.whole || !e.whole { return }
                known.text = e.label
                known.whole = true
                titles[path] = known
                return
            }
            titles[path] = Label(text: e.label, whole: e.whole, section: section)
        }
        func walk(_ e: Entry, section: String?) {
            note(e, section: section)
            for c in e.children { walk(c, section: section) }
        }
        for top in entries(package: package, archive: archive, book: book) {
            var paths = Set<String>()
            collect(top.children, into: &paths)
            if let own = top.path { paths.remove(own) }
            walk(top, section: paths.isEmpty ? nil : EPUBBookBuilder.nonEmpty(top.label))
        }
        return titles
    }

    private static func collect(_ entries: [Entry], into paths: inout Set<String>) {
        for e in entries {
            if let p = e.path { paths.insert(p) }
            collect(e.children, into: &paths)
        }
    }

    /// The table of contents as a tree: the nav document's `toc` list, else the NCX's navMap.
    static func entries(package: EPUBPackage, archive: EPUBArchive, book: String) -> [Entry] {
        func entry(_ href: String?, _ raw: String, base: String) -> Entry {
            let label = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard let href, let trimmed = EPUBBookBuilder.nonEmpty(href) else { return Entry(label: label, path: nil, whole: true) }
            let resolved = EPUBPath.resolve(trimmed, against: base)
            return Entry(label: label, path: archive.entryName(resolved) ?? resolved, whole: !trimmed.contains("#") || trimmed.hasSuffix("#"))
        }
        if let nav = package.navPath, let doc = try? EPUBXML.parse(archive.data(nav), path: nav, book: book), let root = doc.root {
            let base = EPUBPath.folder(of: nav)
            let tocNav = root.descendants(named: "nav").first { ($0.attribute("epub:type") ?? $0.attribute("type") ?? "").contains("toc") }
                ?? root.descendants(named: "nav").first
            if let tocNav {
                var out: [Entry] = []
                for list in tocNav.elementChildren where list.name == "ol" || list.name == "ul" {
                    out += items(of: list, depth: 0) { entry($0, $1, base: base) }
                }
                if out.isEmpty {
                    // A list that is not nested as the specification says: its links, flat.
                    out = tocNav.descendants(named: "a").map { entry($0.attribute("href"), $0.text, base: base) }
                }
                var paths = Set<String>()
                collect(out, into: &paths)
                if !paths.isEmpty { return out }
            }
        }
        if let ncx = package.ncxPath, let doc = try? EPUBXML.parse(archive.data(ncx), path: ncx, book: book), let root = doc.root,
           let map = root.descendants(named: "navMap").first {
            let base = EPUBPath.folder(of: ncx)
            return points(of: map, depth: 0) { entry($0, $1, base: base) }
        }
        return []
    }

    /// Deeper than this, entries are read flat (no book nests its contents so deep; a crafted
    /// one must not recurse without end).
    static let maximumDepth = 32

    /// The `li` entries of a nav list, each with its label (`a` or `span`) and its own list.
    private static func items(of list: XMLNode, depth: Int, make: (String?, String) -> Entry) -> [Entry] {
        var out: [Entry] = []
        for li in list.elementChildren where li.name == "li" {
            let sublists = li.elementChildren.filter { $0.name == "ol" || $0.name == "ul" }
            let head = li.elementChildren.first { $0.name == "a" || $0.name == "span" }
                ?? li.elementChildren.lazy.filter { $0.name != "ol" && $0.name != "ul" }.compactMap { $0.descendants(named: "a").first }.first
            var e = head.map { make($0.name == "a" ? $0.attribute("href") : nil, $0.text) } ?? Entry(label: "", path: nil, whole: true)
            for sub in sublists {
                if depth < maximumDepth {
                    e.children += items(of: sub, depth: depth + 1, make: make)
                } else {
                    e.children += sub.descendants(named: "a").map { make($0.attribute("href"), $0.text) }
                }
            }
            out.append(e)
        }
        return out
    }

    /// The `navPoint` entries of an NCX navMap (or navPoint), nested as the NCX nests them.
    private static func points(of parent: XMLNode, depth: Int, make: (String?, String) -> Entry) -> [Entry] {
        var out: [Entry] = []
        for point in parent.elementChildren where point.name == "navPoint" {
            let src = point.elementChildren.first { $0.name == "content" }?.attribute("src")
            let label = point.elementChildren.first { $0.name == "navLabel" }?.text ?? ""
            var e = make(src, label)
            if depth < maximumDepth {
                e.children = points(of: point, depth: depth + 1, make: make)
            } else {
                e.children = point.descendants(named: "navPoint").compactMap { p in
                    p.elementChildren.first { $0.name == "content" }?.attribute("src").map { make($0, p.elementChildren.first { $0.name == "navLabel" }?.text ?? "") }
                }
            }
            out.append(e)
        }
        return out
    }
}
