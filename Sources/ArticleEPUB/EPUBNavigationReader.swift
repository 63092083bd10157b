import ArticleSupport

/// Chapter titles from a book's table of contents: the EPUB 3 `nav` document, else the EPUB 2
/// NCX. Maps each content document's path to the label of the first entry that points at the
/// document itself, else at a place inside it (`ch1.xhtml#sec2`).
enum EPUBNavigationReader {
    struct Label {
        var text: String
        /// Whether the entry points at the whole document (no `#fragment`).
        var whole: Bool
    }

    static func titles(package: EPUBPackage, archive: EPUBArchive, book: String) -> [String: Label] {
        var titles: [String: Label] = [:]
        func note(_ href: String, _ raw: String, base: String) {
            let resolved = EPUBPath.resolve(href, against: base)
            let path = archive.entryName(resolved) ?? resolved
            let label = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let whole = !href.contains("#") || href.hasSuffix("#")
            guard !label.isEmpty else { return }
            if let known = titles[path], known.whole || !whole { return }
            titles[path] = Label(text: label, whole: whole)
        }
        if let nav = package.navPath, let doc = try? EPUBXML.parse(archive.data(nav), path: nav, book: book), let root = doc.root {
            let base = EPUBPath.folder(of: nav)
            let tocNav = root.descendants(named: "nav").first { ($0.attribute("epub:type") ?? $0.attribute("type") ?? "").contains("toc") }
                ?? root.descendants(named: "nav").first
            for a in tocNav?.descendants(named: "a") ?? [] {
                if let href = a.attribute("href") { note(href, a.text, base: base) }
            }
        }
        if titles.isEmpty, let ncx = package.ncxPath, let doc = try? EPUBXML.parse(archive.data(ncx), path: ncx, book: book), let root = doc.root {
            let base = EPUBPath.folder(of: ncx)
            for point in root.descendants(named: "navPoint") {
                guard let src = point.elementChildren.first(where: { $0.name == "content" })?.attribute("src"),
                      let label = point.elementChildren.first(where: { $0.name == "navLabel" })?.text else { continue }
                note(src, label, base: base)
            }
        }
        return titles
    }
}
