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
    }

    var title: String?
    var creators: [String] = []
    var language: String?
    var date: String?
    var publisher: String?
    var source: String?
    var identifiers: [String] = []
    var subjects: [String] = []
    var summary: String?
    var generator: String?
    var items: [String: Item] = [:]
    /// Paths of the spine documents, in reading order (non-linear ones left out).
    var spine: [String] = []
    /// The NCX file, for EPUB 2 books.
    var ncxPath: String?
    /// The EPUB 3 navigation document.
    var navPath: String?

    /// Reads `META-INF/container.xml`, then the package document it names.
    init(archive: EPUBArchive, name: String) throws(ArticleError) {
        let container = try EPUBXML.parse(archive.data("META-INF/container.xml"), path: "META-INF/container.xml", book: name)
        guard let rootfile = container.root?.descendants(named: "rootfile").first?.attribute("full-path"), !rootfile.isEmpty else {
            throw ArticleError(.malformed, "META-INF/container.xml names no package document", file: name)
        }
        let opfPath = EPUBPath.normalize(rootfile)
        let opf = try EPUBXML.parse(archive.data(opfPath), path: opfPath, book: name)
        guard let package = opf.root else { throw ArticleError(.malformed, "the package document is empty", file: name) }
        let base = EPUBPath.folder(of: opfPath)

        if let metadata = package.elementChildren.first(where: { $0.name == "metadata" }) {
            for node in metadata.elementChildren {
                let value = node.text.trimmingCharacters(in: .whitespacesAndNewlines)
                switch node.name {
                case "title" where title == nil && !value.isEmpty: title = value
                case "creator" where !value.isEmpty: creators.append(value)
                case "language" where language == nil && !value.isEmpty: language = value
                case "date" where date == nil: date = value
                case "publisher" where publisher == nil && !value.isEmpty: publisher = value
                case "source" where source == nil && !value.isEmpty: source = value
                case "identifier": identifiers.append(value)
                case "subject" where !value.isEmpty: subjects.append(value)
                case "description" where !value.isEmpty: summary = EPUBXML.stripTags(value)
                case "meta":
                    if node.attribute("name") == "generator" { generator = node.attribute("content") }
                default: break
                }
            }
        }
        if let manifest = package.elementChildren.first(where: { $0.name == "manifest" }) {
            for node in manifest.elementChildren where node.name == "item" {
                guard let id = node.attribute("id"), let href = node.attribute("href") else { continue }
                let properties = (node.attribute("properties") ?? "").split(separator: " ").map(String.init)
                let item = Item(id: id, path: EPUBPath.resolve(href, against: base),
                                mediaType: node.attribute("media-type") ?? "", properties: properties)
                items[id] = item
                if properties.contains("nav") { navPath = item.path }
            }
        }
        if let spineNode = package.elementChildren.first(where: { $0.name == "spine" }) {
            if let toc = spineNode.attribute("toc") { ncxPath = items[toc]?.path }
            for ref in spineNode.elementChildren where ref.name == "itemref" && ref.attribute("linear") != "no" {
                if let id = ref.attribute("idref"), let item = items[id] { spine.append(item.path) }
            }
        }
        if ncxPath == nil { ncxPath = items.values.first { $0.mediaType == "application/x-dtbncx+xml" }?.path }
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
        var h = href
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
        // Entities can only be declared in the DOCTYPE, before the root element.
        let head = data.prefix(64 * 1024)
        guard let doctype = head.firstRange(of: Data("<!DOCTYPE".utf8)) else { return false }
        return head[doctype.lowerBound...].firstRange(of: Data("<!ENTITY".utf8)) != nil
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
