import ArticleCore

/// Escaping for text and attribute values in XHTML (and so in HTML5 too), and clean-up of URLs
/// for `href` and `src`, so that whatever an article holds the output stays well-formed XML.
public enum XHTMLEscaping {
    /// `s` escaped for element content: `&`, `<`, `>` become entities; characters XML 1.0
    /// forbids (C0 controls other than tab, newline and return; U+FFFE, U+FFFF) are dropped.
    public static func text(_ s: String) -> String {
        escape(s, quotes: false)
    }

    /// `s` escaped for a double-quoted attribute value: as ``text(_:)`` plus `"`; newlines and
    /// tabs become character references so they survive attribute-value normalisation.
    public static func attribute(_ s: String) -> String {
        escape(s, quotes: true)
    }

    private static func escape(_ s: String, quotes: Bool) -> String {
        var s = s
        return s.withUTF8 { bytes -> String in
            // Fast path: most text needs nothing.
            guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 < 0x20 || $0 == 0xEF || (quotes && $0 == 0x22) })
            else { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case 0x26: out += "&amp;".utf8
                case 0x3C: out += "&lt;".utf8
                case 0x3E: out += "&gt;".utf8
                case 0x22 where quotes: out += "&quot;".utf8
                case 0x0A where quotes: out += "&#10;".utf8
                case 0x09 where quotes: out += "&#9;".utf8
                case 0x0D: out += "&#13;".utf8
                case 0x09, 0x0A: out.append(b)
                case 0..<0x20: break  // not allowed in XML 1.0
                case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                    i += 2  // U+FFFE, U+FFFF
                default: out.append(b)
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether XML 1.0 allows `c` in a document.
    public static func isAllowedInXML(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x20 { return v == 0x09 || v == 0x0A || v == 0x0D }
        return v != 0xFFFE && v != 0xFFFF
    }

    /// The scheme of a URL (`https`), lowercased, or `nil` for a relative reference; read as a
    /// browser reads it (``/ArticleCore/URLSafety/scheme(of:)``).
    public static func scheme(of url: String) -> String? {
        URLSafety.scheme(of: url)
    }

    /// A link target that is safe to emit, or `nil` when ``/ArticleCore/URLSafety`` refuses it
    /// (`javascript:`, `vbscript:`, `data:`, `file:`, unknown schemes, however they are spelled);
    /// characters that may not appear in a URL (spaces, quotes, non-ASCII) are percent-encoded,
    /// because EPUBCheck rejects invalid URLs.
    public static func safeLinkURL(_ raw: String) -> String? {
        let url = raw.trimmingWhitespace
        if url.isEmpty || !URLSafety.isSafeLink(url) { return nil }
        return percentEncodeInvalid(url)
    }

    /// An image source that is safe to emit (``/ArticleCore/URLSafety/isSafeImageSource(_:)``:
    /// relative, `http`, `https`, or a raster `data:` image), percent-encoded like
    /// ``safeLinkURL(_:)``, or `nil`.
    public static func safeImageURL(_ raw: String) -> String? {
        let url = raw.trimmingWhitespace
        if url.isEmpty || !URLSafety.isSafeImageSource(url) { return nil }
        return percentEncodeInvalid(url)
    }

    /// `url` with bytes outside the URL code points (and `%` not followed by two hex digits)
    /// percent-encoded; `#` after the first is encoded too.
    public static func percentEncodeInvalid(_ url: String) -> String {
        let bytes = Array(url.utf8)
        var out = ""
        var seenHash = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let valid: Bool
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                valid = true
            case UInt8(ascii: "%"):
                valid = i + 2 < bytes.count && isHex(bytes[i + 1]) && isHex(bytes[i + 2])
            case UInt8(ascii: "#"):
                valid = !seenHash
                seenHash = true
            default:
                valid = "-._~:/?[]@!$&'()*+,;=".utf8.contains(b)
            }
            if valid {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out += "%" + hex(b >> 4) + hex(b & 0xF)
            }
            i += 1
        }
        return out
    }

    private static func isHex(_ b: UInt8) -> Bool {
        (48...57).contains(b) || (65...70).contains(b) || (97...102).contains(b)
    }

    private static func hex(_ n: UInt8) -> String {
        String(UnicodeScalar(n < 10 ? 48 + n : 55 + n))
    }

    /// The text of a raw HTML fragment with its tags removed and the common entities decoded,
    /// for formats (EPUB) that cannot take HTML that may not be well-formed.
    public static func textOfHTML(_ html: String) -> String {
        var out = ""
        var inTag = false
        var skipping: String?
        var tag = ""
        for c in html {
            if inTag {
                if c == ">" {
                    inTag = false
                    let name = tag.lowercased().split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "\n" || $0 == "\t" }).first.map(String.init) ?? ""
                    if let s = skipping {
                        if tag.lowercased().hasPrefix("/" + s) { skipping = nil }
                    } else if name == "script" || name == "style" {
                        skipping = name
                    } else if ["p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"].contains(name) || name.hasPrefix("/") && ["/p", "/div", "/li", "/tr"].contains(name) {
                        out += " "
                    }
                    tag = ""
                } else {
                    tag.append(c)
                }
            } else if c == "<" {
                inTag = true
            } else if skipping == nil {
                out.append(c)
            }
        }
        return decodeEntities(out).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Decodes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;` and numeric references.
    public static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(12).firstIndex(of: ";") {
                let name = after[..<semi]
                var decoded: String?
                switch name {
                case "amp": decoded = "&"
                case "lt": decoded = "<"
                case "gt": decoded = ">"
                case "quot": decoded = "\""
                case "apos": decoded = "'"
                case "nbsp": decoded = "\u{A0}"
                default:
                    if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16),
                       let u = Unicode.Scalar(v), isAllowedInXML(u) {
                        decoded = String(Character(u))
                    } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()), let u = Unicode.Scalar(v), isAllowedInXML(u) {
                        decoded = String(Character(u))
                    }
                }
                if let decoded {
                    out += decoded
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }
}

extension String {
    /// The string without white space Characters at either end.
    ///
    /// Where the run of white space at each end is ASCII and stops at an ASCII byte, the bytes
    /// decide it: a grapheme boundary always falls between ASCII white space and another ASCII
    /// character (no ASCII character prepends or extends), so it is the Character loop's answer;
    /// and a string with nothing to trim is returned without a copy. Anything else takes the
    /// Character loop. The loop's `dropLast` counted through the whole text and `String(s)`
    /// copied it: 127 M of the 2,902 M instructions of 62 pages (callgrind), a text node of every
    /// paragraph run and every JSON-LD script passing through here; inlined and not listed now (the 62 pages: 2,902 M to 2,742 M with the two changes beside it).
    var trimmingWhitespace: String {
        if let fast = asciiTrimmed() { return fast }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    /// ``trimmingWhitespace`` from the UTF-8 bytes, or `nil` when an end is not plain ASCII.
    private func asciiTrimmed() -> String? {
        let utf8 = self.utf8
        return utf8.withContiguousStorageIfAvailable { b -> String? in
            @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) }
            var start = 0
            while start < b.count, isSpace(b[start]) { start += 1 }
            if start == b.count { return "" }
            guard b[start] < 0x80 else { return nil }
            var end = b.count
            while isSpace(b[end - 1]) { end -= 1 }
            guard b[end - 1] < 0x80 else { return nil }
            if start == 0, end == b.count { return self }
            return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        } ?? nil
    }
}
