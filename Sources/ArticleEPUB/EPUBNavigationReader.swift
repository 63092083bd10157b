import ArticleSupport

/// Chapter titles from a book's table of contents: the EPUB 3 `nav` document, else the EPUB 2
/// NCX. Maps each content document's path to the first label that points at it.
enum EPUBNavigationReader {
    static func titles(package: EPUBPackage, archive: EPUBArchive, book: String) -> [String: String] {
        var titles: [String: String] = [:]
        if let nav = package.navPath, let doc = try? EPUBXML.parse(archive.data(nav), path: nav, book: book), let root = doc.root {
            let base = EPUBPath.folder(of: nav)
            let tocNav = root.descendants(named: "nav").first { ($0.attribute("epub:type") ?? $0.attribute("type") ?? "").contains("toc") }
                ?? root.descendants(named: "nav").first
            for a in tocNav?.descendants(named: "a") ?? [] {
                guard let href = a.attribute("href") else { continue }
                let path = EPUBPath.resolve(href, against: base)
                let label = a.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if titles[path] == nil, !label.isEmpty { titles[path] = label }
            }
        }
        if titles.isEmpty, let ncx = package.ncxPath, let doc = try? EPUBXML.parse(archive.data(ncx), path: ncx, book: book), let root = doc.root {
            let base = EPUBPath.folder(of: ncx)
            for point in root.descendants(named: "navPoint") {
                guard let src = point.elementChildren.first(where: { $0.name == "content" })?.attribute("src"),
                      let label = point.elementChildren.first(where: { $0.name == "navLabel" })?.text else { continue }
                let path = EPUBPath.resolve(src, against: base)
                let clean = label.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if titles[path] == nil, !clean.isEmpty { titles[path] = clean }
            }
        }
        return titles
    }
}
