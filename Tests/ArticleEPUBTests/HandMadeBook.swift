import Foundation

/// A book made by hand in a test: an OPF with the manifest and spine given, documents, and the
/// zip written entry by entry (stored), with the name bytes and UTF-8 flag as the test says, so
/// books no writer would make can be tried.
struct HandMadeBook {
    struct Item {
        var id: String
        var href: String
        var mediaType: String = "application/xhtml+xml"
        var attributes: String = ""
    }

    var title = "A Hand-Made Book"
    var creator = "Ada Writer"
    var language = "en"
    var version = "3.0"
    var metadata = ""
    var items: [Item] = []
    /// Spine entries: `idref` values as written (spaces and all), with extra attributes.
    var spine: [(idref: String, attributes: String)] = []
    /// Files besides the OPF and container, by name as stored (before any encoding).
    var files: [(name: [UInt8], data: Data)] = []
    var withMimetype = true
    /// Whether the zip marks its names as UTF-8 (flag bit 11).
    var utf8Flag = true
    var opfPath = "OEBPS/content.opf"

    /// An XHTML document with `body` as its body.
    static func xhtml(_ body: String, title: String = "x") -> Data {
        Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>\(title)</title></head>
        <body>\(body)</body></html>
        """.utf8)
    }

    mutating func add(_ name: String, _ data: Data) { files.append((Array(name.utf8), data)) }

    mutating func addDocument(id: String, href: String, body: String, spineAttributes: String = "") {
        items.append(Item(id: id, href: href))
        spine.append((id, spineAttributes))
        add("OEBPS/" + (href.removingPercentEncoding ?? href), Self.xhtml(body))
    }

    var opf: String {
        let manifest = items.map { "<item id=\"\($0.id)\" href=\"\($0.href)\" media-type=\"\($0.mediaType)\" \($0.attributes)/>" }.joined(separator: "\n")
        let itemrefs = spine.map { "<itemref idref=\"\($0.idref)\" \($0.attributes)/>" }.joined(separator: "\n")
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="\(version)" unique-identifier="uid">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
        <dc:identifier id="uid">urn:uuid:12345678-1234-4234-8234-123456789abc</dc:identifier>
        <dc:title>\(title)</dc:title><dc:creator>\(creator)</dc:creator><dc:language>\(language)</dc:language>
        <meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>
        \(metadata)
        </metadata>
        <manifest>
        \(manifest)
        </manifest>
        <spine>
        \(itemrefs)
        </spine>
        </package>
        """
    }

    var data: Data {
        var zip = StoredZipWriter(utf8Flag: utf8Flag)
        if withMimetype { zip.add(Array("mimetype".utf8), Data("application/epub+zip".utf8)) }
        let container = """
        <?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles><rootfile full-path="\(opfPath)" media-type="application/oebps-package+xml"/></rootfiles></container>
        """
        zip.add(Array("META-INF/container.xml".utf8), Data(container.utf8))
        zip.add(Array(opfPath.utf8), Data(opf.utf8))
        for f in files { zip.add(f.name, f.data) }
        return zip.data
    }
}

/// A zip of stored entries with raw name bytes.
struct StoredZipWriter {
    var utf8Flag: Bool
    private var body = Data()
    private var directory = Data()
    private var count: UInt16 = 0

    init(utf8Flag: Bool) { self.utf8Flag = utf8Flag }

    mutating func add(_ name: [UInt8], _ data: Data) {
        let crc = Self.crc32(data)
        let flags: UInt16 = utf8Flag ? 0x0800 : 0
        func header(_ signature: UInt32, central: Bool) -> Data {
            var h = Data()
            h.le(signature)
            if central { h.le(UInt16(20)) }
            h.le(UInt16(20)); h.le(flags); h.le(UInt16(0)); h.le(UInt16(0)); h.le(UInt16(0x21))
            h.le(crc); h.le(UInt32(data.count)); h.le(UInt32(data.count))
            h.le(UInt16(name.count)); h.le(UInt16(0))
            if central {
                h.le(UInt16(0)); h.le(UInt16(0)); h.le(UInt16(0)); h.le(UInt32(0)); h.le(UInt32(body.count))
            }
            return h + Data(name)
        }
        directory += header(0x0201_4B50, central: true)
        body += header(0x0403_4B50, central: false) + data
        count += 1
    }

    var data: Data {
        var end = Data()
        end.le(UInt32(0x0605_4B50)); end.le(UInt16(0)); end.le(UInt16(0)); end.le(count); end.le(count)
        end.le(UInt32(directory.count)); end.le(UInt32(body.count)); end.le(UInt16(0))
        return body + directory + end
    }

    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
        }
        return ~crc
    }
}

private extension Data {
    mutating func le<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
