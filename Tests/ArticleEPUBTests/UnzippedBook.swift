import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import ZIPFoundation

/// An EPUB opened for checking: its entries in zip order, their bytes, and helpers.
struct UnzippedBook {
    var raw: Data
    var paths: [String] = []
    var files: [String: Data] = [:]
    var compressed: [String: Bool] = [:]

    init(_ data: Data) throws {
        raw = data
        let archive = try Archive(data: data, accessMode: .read)
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            paths.append(entry.path)
            files[entry.path] = bytes
            compressed[entry.path] = entry.isCompressed
        }
    }

    func text(_ path: String) -> String {
        files[path].flatMap { String(data: $0, encoding: .utf8) } ?? ""
    }

    var opf: String { text("EPUB/package.opf") }
    var chapters: [String] { paths.filter { $0.hasPrefix("EPUB/text/chapter-") }.map(text) }
    var xmlPaths: [String] { paths.filter { $0.hasSuffix(".xhtml") || $0.hasSuffix(".opf") || $0.hasSuffix(".ncx") || $0.hasSuffix(".svg") || $0.hasSuffix(".xml") } }

    /// The manifest hrefs of the package document.
    var manifestHrefs: [String] {
        XMLProbe.parse(files["EPUB/package.opf"] ?? Data()).elements.filter { $0.name == "item" }.compactMap { $0.attributes["href"] }
    }
}

/// What an XML parser saw in a document: whether it was well-formed, its elements and text.
struct XMLProbe {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }
    var wellFormed = false
    var error: String?
    var elements: [Element] = []

    static func parse(_ data: Data) -> XMLProbe {
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        var probe = XMLProbe()
        probe.wellFormed = parser.parse()
        probe.error = parser.parserError.map { "\($0)" }
        probe.elements = delegate.elements
        return probe
    }

    /// The text of the first element named `name`.
    func text(of name: String) -> String? { elements.first { $0.name == name }?.text }

    /// Every `id` attribute.
    var ids: [String] { elements.compactMap { $0.attributes["id"] } }

    private final class Delegate: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            let local = name.split(separator: ":").last.map(String.init) ?? name
            elements.append(Element(name: local, attributes: attributes))
            open.append(elements.count - 1)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            _ = open.popLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            for i in open { elements[i].text += string }
        }
    }
}

/// A real 1×1 PNG.
let tinyPNG = Data([
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
])

func occurrences(of needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
}
