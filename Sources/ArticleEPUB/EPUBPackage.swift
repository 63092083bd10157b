import ArticleCore
import ArticleSupport
import Foundation

/// What a book's package document says: its metadata, its files, and its reading order.
struct EPUBPackage {
    struct Item {
        var id: String
        /// The path inside the archive.
        var path: String
        var mediaType: String
        var properties: [String]
        /// The id of the item a reading system shows instead when it cannot show this one.
        var fallback: String?
    }

    var title: String?
    var creators: [String] = []
    var language: String?
    var date: String?
    var publisher: String?
    var source: String?
    var identifiers: [String] = []
    /// The identifier the package's `unique-identifier` names, else the first one.
    var identifier: String?
    var subjects: [String] = []
    var summary: String?
    var generator: String?
    var items: [String: Item] = [:]
    /// The spine's items in reading order (non-linear ones left out).
    var spine: [Item] = []
    /// The spine's non-linear items (`linear="no"`: notes, answers), in spine order.
    var nonLinear: [Item] = []
    /// The NCX file, for EPUB 2 books.
    var ncxPath: String?
    /// The EPUB 3 navigation document.
    var navPath: String?
    /// The cover image: the manifest's `cover-image` item (EPUB 3), else the image the EPUB 2
    /// `<meta name="cover">` names (by id, or by href as some tools write it).
    var coverImage: Item?
    /// The cover page the EPUB 2 guide names (`<reference type="cover">`).
    var coverPagePath: String?

    /// Reads `META-INF/container.xml`, then the package document it names.
    init(archive: EPUBArchive, name: String) throws(ArticleError) {
        let container = try EPUBXML.parse(archive.data("META-INF/container.xml"), path: "META-INF/container.xml", book: name)
        let rootfiles = container.root?.descendants(named: "rootfile") ?? []
        let chosen = rootfiles.first { $0.attribute("media-type")?.contains("oebps-package") == true } ?? rootfiles.first
        guard let rootfile = Self.trimmed(chosen?.attribute("full-path")) else {
            throw ArticleError(.malformed, "META-INF/container.xml names no package document", file: name)
        }
        let opfPath = EPUBPath.normalize(rootfile)
        let opf = try EPUBXML.parse(archive.data(opfPath), path: opfPath, book: name)
        guard let package = opf.root else { throw ArticleError(.malformed, "the package document is empty", file: name) }
        let base = EPUBPath.folder(of: opfPath)

        var coverName: String?
        if let metadata = package.elementChildren.first(where: { $0.name == "metadata" }) {
            for node in metadata.elementChildren {
                let value = node.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                switch node.name {
                case "title" where title == nil && !value.isEmpty: title = value
                case "creator" where !value.isEmpty: creators.append(value)
                case "language" where language == nil && !value.isEmpty: language = value
                case "date" where date == nil: date = value
                case "publisher" where publisher == nil && !value.isEmpty: publisher = value
                case "source" where source == nil && !value.isEmpty: source = value
                case "identifier" where !value.isEmpty:
                    identifiers.append(value)
                    if node.attribute("id") != nil, Self.trimmed(node.attribute("id")) == Self.trimmed(package.attribute("unique-identifier")) { identifier = value }
                case "subject" where !value.isEmpty: subjects.append(value)
                case "description" where !value.isEmpty: summary = EPUBXML.stripTags(value)
                case "meta":
                    if node.attribute("name") == "generator" { generator = node.attribute("content") }
                    if node.attribute("name") == "cover", coverName == nil { coverName = Self.trimmed(node.attribute("content")) }
                default: break
                }
            }
        }
        if let manifest = package.elementChildren.first(where: { $0.name == "manifest" }) {
            // Ids, hrefs and types as reading systems take them: surrounding white space is not
            // part of them (an id with spaces round it is valid XML, and EPUBCheck passes it).
            for node in manifest.elementChildren where node.name == "item" {
                guard let id = Self.trimmed(node.attribute("id")), let href = Self.trimmed(node.attribute("href")) else { continue }
                let properties = (node.attribute("properties") ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
                let item = Item(id: id, path: EPUBPath.resolve(href, against: base),
                                mediaType: (Self.trimmed(node.attribute("media-type")) ?? "").lowercased(),
                                properties: properties, fallback: Self.trimmed(node.attribute("fallback")))
                if items[id] == nil { items[id] = item }
                if properties.contains("nav"), navPath == nil { navPath = item.path }
                if properties.contains("cover-image"), coverImage == nil, item.mediaType.hasPrefix("image/") { coverImage = item }
            }
        }
        if coverImage == nil, let coverName {
            let path = EPUBPath.resolve(coverName, against: base)
            coverImage = (items[coverName] ?? items.values.first { $0.path == path }).flatMap { $0.mediaType.hasPrefix("image/") ? $0 : nil }
        }
        if let guide = package.elementChildren.first(where: { $0.name == "guide" }) {
            let cover = guide.elementChildren.first { $0.name == "reference" && $0.attribute("type")?.lowercased() == "cover" }
            coverPagePath = Self.trimmed(cover?.attribute("href")).map { EPUBPath.resolve($0, against: base) }
        }
        if let spineNode = package.elementChildren.first(where: { $0.name == "spine" }) {
            if let toc = Self.trimmed(spineNode.attribute("toc")) { ncxPath = items[toc]?.path }
            for ref in spineNode.elementChildren where ref.name == "itemref" {
                guard let id = Self.trimmed(ref.attribute("idref")), let item = items[id] else { continue }
                if ref.attribute("linear")?.trimmingCharacters(in: .whitespaces) == "no" { nonLinear.append(item) } else { spine.append(item) }
            }
        }
        if identifier == nil { identifier = identifiers.first }
        if ncxPath == nil { ncxPath = items.values.first { $0.mediaType == "application/x-dtbncx+xml" }?.path }
    }

    static func trimmed(_ s: String?) -> String? {
        guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }

    /// The item a reading system shows for `item`: itself when it is a document ArticleKit reads
    /// (XHTML, HTML, SVG), else the first such item along its `fallback` chain (a loop in the
    /// chain ends it); `nil` when there is none.
    func readable(_ item: Item) -> Item? {
        var current = item
        var seen: Set<String> = [item.id]
        while true {
            if Self.isDocument(current.mediaType) { return current }
            guard let next = current.fallback.flatMap({ items[$0] }), seen.insert(next.id).inserted else { return nil }
            current = next
        }
    }

    /// The first image along `item`'s fallback chain (itself included), for a spine item no
    /// document stands in for: a page of a comic or a scanned book.
    func image(for item: Item) -> Item? {
        var current = item
        var seen: Set<String> = [item.id]
        while true {
            if current.mediaType.hasPrefix("image/") { return current }
            guard let next = current.fallback.flatMap({ items[$0] }), seen.insert(next.id).inserted else { return nil }
            current = next
        }
    }

    static func isDocument(_ mediaType: String) -> Bool {
        mediaType.contains("html") || mediaType == "image/svg+xml"
    }
}

/// Paths inside the archive: resolving `../images/a.png` against a document's folder.
enum EPUBPath {
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// `href` (percent-encoded, maybe with a fragment) resolved against `base` (a folder ending
    /// in `/`, or empty); `..` never climbs above the archive's root.
    static func resolve(_ href: String, against base: String) -> String {
        var h = href.trimmingCharacters(in: .whitespacesAndNewlines)
        if let hash = h.firstIndex(of: "#") { h = String(h[..<hash]) }
        h = h.removingPercentEncoding ?? h
        return normalize(h.hasPrefix("/") ? String(h.dropFirst()) : base + h)
    }

    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for p in path.split(separator: "/") {
            if p == "." { continue }
            if p == ".." { _ = parts.popLast(); continue }
            parts.append(p)
        }
        return parts.joined(separator: "/")
    }
}

/// XML from inside a book, parsed by libxml2 with no network and no entity expansion. A
/// document that declares entities is refused outright: no book needs them, and they are how
/// billion-laughs and external-entity attacks start.
enum EPUBXML {
    static func parse(_ data: Data, path: String, book: String) throws(ArticleError) -> XMLDocument {
        if Self.declaresEntities(data) {
            throw ArticleError(.unsafeInput, "\(path) declares XML entities (<!ENTITY>), which ArticleKit never expands; refusing the book", file: book)
        }
        do {
            return try XMLParser.parse([UInt8](data), name: book)
        } catch {
            throw ArticleError(error.code, "\(path): \(error.message)", file: book)
        }
    }

    static func declaresEntities(_ data: Data) -> Bool {
        // Entities can only be declared in the DOCTYPE, before the root element. A byte search
        // (Data's generic firstRange was a fifth of the time a 2,000-chapter book took to read).
        data.prefix(64 * 1024).withUnsafeBytes { raw -> Bool in
            guard let doctype = find(Array("<!DOCTYPE".utf8), in: raw, from: 0) else { return false }
            return find(Array("<!ENTITY".utf8), in: raw, from: doctype) != nil
        }
    }

    /// The offset of `needle` in `haystack` at or after `start`.
    private static func find(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    static func stripTags(_ s: String) -> String {
        guard s.contains("<") else { return s }
        var out = ""
        var inTag = false
        for ch in s {
            if ch == "<" { inTag = true } else if ch == ">" { inTag = false } else if !inTag { out.append(ch) }
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
