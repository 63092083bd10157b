import ArticleCore
import Foundation

/// Finds the character encoding of an HTML page the way browsers do: a byte-order mark first,
/// then an encoding the user or the transport named, then a `<meta charset>` or
/// `<meta http-equiv="Content-Type">` anywhere in the head, then UTF-8 when the bytes are valid
/// UTF-8, else windows-1252.
public enum CharsetSniffer {
    /// Where the chosen encoding came from.
    public enum Source: String, Sendable {
        /// A UTF-8 or UTF-16 byte-order mark at the start.
        case byteOrderMark
        /// The encoding the caller named (`--encoding`).
        case explicit
        /// A `<meta charset>` or `http-equiv` declaration in the head.
        case metaDeclaration
        /// Nothing declared, and the bytes are valid UTF-8.
        case validUTF8
        /// Nothing usable: windows-1252, which decodes any bytes.
        case fallback
    }

    /// The outcome of sniffing: an encoding label and how it was found.
    public struct Result: Sendable, Equatable {
        /// The encoding label, lower-cased (`utf-8`, `windows-1251`, `shift_jis`).
        public var label: String
        /// How the label was chosen.
        public var source: Source
        /// The number of leading bytes that are a byte-order mark.
        public var bomLength: Int
        /// Whether sniffing has already checked that all the bytes are valid UTF-8, so the
        /// parser need not check again (a second pass over the page, 0.6% of the page benchmark).
        var validatedUTF8 = false

        public static func == (a: Result, b: Result) -> Bool {
            a.label == b.label && a.source == b.source && a.bomLength == b.bomLength
        }
    }

    /// How far into the page to look for a `<meta>` declaration when no `</head>` ends it sooner.
    public static let metaScanLimit = 256 * 1024

    /// Chooses the encoding of `bytes`.
    /// - Parameters:
    ///   - bytes: the raw page.
    ///   - explicit: an encoding the user named (`--encoding`), which wins over the page's own.
    public static func sniff(_ bytes: UnsafeBufferPointer<UInt8>, explicit: String? = nil) -> Result {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Result(label: "utf-8", source: .byteOrderMark, bomLength: 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return Result(label: "utf-16le", source: .byteOrderMark, bomLength: 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return Result(label: "utf-16be", source: .byteOrderMark, bomLength: 2) }
        if let explicit, !explicit.isEmpty {
            return Result(label: normalize(explicit), source: .explicit, bomLength: 0)
        }
        if let declared = metaCharset(bytes) {
            let label = normalize(declared)
            // A page that declares a legacy charset but whose bytes are valid UTF-8 with non-ASCII
            // text is lying: such bytes almost never occur in legacy-encoded text.
            if label != "utf-8", !label.hasPrefix("utf-16"), isValidUTF8(bytes), hasNonASCII(bytes) {
                return Result(label: "utf-8", source: .validUTF8, bomLength: 0, validatedUTF8: true)
            }
            // UTF-16 declared inside an ASCII-compatible page is impossible; HTML says read UTF-8.
            if label.hasPrefix("utf-16") { return Result(label: "utf-8", source: .metaDeclaration, bomLength: 0) }
            if label == "utf-8" {
                if !isValidUTF8(bytes) { return Result(label: "windows-1252", source: .fallback, bomLength: 0) }
                return Result(label: label, source: .metaDeclaration, bomLength: 0, validatedUTF8: true)
            }
            return Result(label: label, source: .metaDeclaration, bomLength: 0)
        }
        if isValidUTF8(bytes) { return Result(label: "utf-8", source: .validUTF8, bomLength: 0, validatedUTF8: true) }
        return Result(label: "windows-1252", source: .fallback, bomLength: 0)
    }

    /// What is trimmed from a label (white space and quotes).
    private static let labelEdges = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'"))

    /// Maps common aliases to one label (`latin1` and `iso-8859-1` read as `windows-1252`, as
    /// browsers do).
    public static func normalize(_ label: String) -> String {
        let l = StringTrimming.trimmed(label, in: labelEdges)
            .lowercased().replacingOccurrences(of: "_", with: "-")
        switch l {
        case "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "utf-8"
        case "latin1", "iso-8859-1", "iso8859-1", "l1", "ascii", "us-ascii", "cp1252": return "windows-1252"
        case "shift-jis", "sjis", "x-sjis", "ms-kanji", "windows-31j", "csshiftjis": return "shift_jis"
        case "cp1251", "x-cp1251": return "windows-1251"
        case "gb2312", "gbk", "x-gbk": return "gbk"
        default: return l
        }
    }

    /// Whether every byte sequence is well-formed UTF-8.
    public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        while i < n {
            // Thirty-two, then eight ASCII bytes at a time: most of a page is markup.
            if i + 32 <= n {
                let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self) | base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                    | base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self) | base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
                if w & 0x8080_8080_8080_8080 == 0 {
                    i += 32
                    continue
                }
            }
            if i + 8 <= n, base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let len: Int
            if b & 0xE0 == 0xC0, b >= 0xC2 { len = 2 }
            else if b & 0xF0 == 0xE0 { len = 3 }
            else if b & 0xF8 == 0xF0, b <= 0xF4 { len = 4 }
            else { return false }
            guard i + len <= n else { return false }
            for k in 1..<len where bytes[i + k] & 0xC0 != 0x80 { return false }
            if len == 3 {
                let c1 = bytes[i + 1]
                if (b == 0xE0 && c1 < 0xA0) || (b == 0xED && c1 >= 0xA0) { return false }
            } else if len == 4 {
                let c1 = bytes[i + 1]
                if (b == 0xF0 && c1 < 0x90) || (b == 0xF4 && c1 >= 0x90) { return false }
            }
            i += len
        }
        return true
    }

    static func hasNonASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 >= 0x80 }
    }

    /// The charset named by the first `<meta charset>` or `<meta http-equiv content="…charset=…">`
    /// before `</head>` (or `<body`), skipping comments and script contents.
    public static func metaCharset(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var scanner = TagScanner(bytes: bytes, limit: min(bytes.count, metaScanLimit), interesting: ["meta", "/head", "body"])
        while let tag = scanner.nextTag() {
            switch tag.name {
            case "meta":
                if let cs = tag.attributes["charset"], !cs.isEmpty { return cs }
                if tag.attributes["http-equiv"]?.lowercased() == "content-type",
                   let content = tag.attributes["content"], let cs = charset(inContentType: content) {
                    return cs
                }
            case "/head", "body": return nil
            default: continue
            }
        }
        return nil
    }

    /// The `charset=` parameter of a Content-Type value.
    public static func charset(inContentType value: String) -> String? {
        guard let r = value.range(of: "charset", options: .caseInsensitive) else { return nil }
        var rest = value[r.upperBound...].drop { $0 == " " }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
        let cs = rest.prefix { !";\"' ".contains($0) }
        return cs.isEmpty ? nil : String(cs)
    }
}
