import ArticleCore
import Foundation

/// Writes ``Metadata`` as YAML front matter: only the fields that are set, known keys first in a
/// fixed order, then ``Metadata/extra`` sorted by key.
///
/// Strings are written plain when YAML reads them back as the same string, and otherwise in
/// double quotes with JSON-style escapes (which YAML's double-quoted style accepts).
enum FrontMatterWriter {
    /// The YAML lines (no fences), or `nil` when there is nothing to write. `includeTitle` is
    /// `false` when the title is written as the document's leading heading instead; the language
    /// is left out when it is `detectedLanguage`, the one ArticleKit finds in the text anyway.
    static func yaml(_ m: Metadata, includeTitle: Bool, detectedLanguage: String?) -> String? {
        var lines: [String] = []
        func add(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append(key + ": " + scalar(value)) }
        }
        if includeTitle { add("title", m.title) }
        add("subtitle", m.subtitle)
        if m.authors.count == 1 {
            add("author", m.authors[0])
        } else if !m.authors.isEmpty {
            lines.append("authors:")
            for a in m.authors { lines.append("  - " + scalar(a)) }
        }
        if let date = m.published { lines.append("date: " + date.iso8601) }
        add("dateline", m.dateline)
        add("source", m.source)
        add("url", m.url)
        if m.language != detectedLanguage { add("lang", m.language) }
        if !m.tags.isEmpty {
            lines.append("tags:")
            for t in m.tags { lines.append("  - " + scalar(t)) }
        }
        add("summary", m.summary)
        add("image", m.image.flatMap { URLSafety.isSafeImageSource($0) ? $0 : nil })
        for key in m.extra.keys.sorted() {
            guard let value = m.extra[key] else { continue }
            append(value, key: scalar(key), indent: "", to: &lines)
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    private static func append(_ value: MetadataValue, key: String, indent: String, to lines: inout [String]) {
        switch value {
        case .array(let items) where !items.isEmpty:
            lines.append(indent + key + ":")
            for item in items { appendItem(item, indent: indent + "  ", to: &lines) }
        case .object(let o) where !o.isEmpty:
            lines.append(indent + key + ":")
            for k in o.keys.sorted() {
                if let v = o[k] { append(v, key: scalar(k), indent: indent + "  ", to: &lines) }
            }
        default:
            lines.append(indent + key + ": " + inlineValue(value))
        }
    }

    private static func appendItem(_ value: MetadataValue, indent: String, to lines: inout [String]) {
        switch value {
        case .array(let items) where !items.isEmpty:
            lines.append(indent + "-")
            for item in items { appendItem(item, indent: indent + "  ", to: &lines) }
        case .object(let o) where !o.isEmpty:
            lines.append(indent + "-")
            for k in o.keys.sorted() {
                if let v = o[k] { append(v, key: scalar(k), indent: indent + "  ", to: &lines) }
            }
        default:
            lines.append(indent + "- " + inlineValue(value))
        }
    }

    private static func inlineValue(_ value: MetadataValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n):
            if !n.isFinite { return n.isNaN ? ".nan" : (n < 0 ? "-.inf" : ".inf") }
            if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
            return String(n)
        case .string(let s): return scalar(s)
        case .array: return "[]"
        case .object: return "{}"
        }
    }

    /// `s` as a YAML scalar that reads back as the string `s`.
    static func scalar(_ s: String) -> String {
        isPlainSafe(s) ? s : quoted(s)
    }

    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]

    private static func isPlainSafe(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        guard first.properties.isAlphabetic, last != " ", !reserved.contains(s.lowercased()) else { return false }
        var previous: Unicode.Scalar = " "
        for c in s.unicodeScalars {
            switch c {
            case "a"..."z", "A"..."Z", "0"..."9", " ", ".", ",", "-", "_", "(", ")", "/", "?", "!", ";", "+", "=":
                break
            case ":":
                break  // checked below: `: ` or a final colon ends a key
            case "#":
                if previous == " " { return false }
            default:
                if c.value < 0x80 || c.properties.generalCategory == .control || c.properties.isWhitespace { return false }
            }
            if previous == ":" && c == " " { return false }
            previous = c
        }
        return previous != ":"
    }

    private static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if c.value < 0x20 || c.value == 0x7F || (0x80...0x9F).contains(c.value) || c == "\u{2028}" || c == "\u{2029}" || c == "\u{FEFF}" {
                    out += String(format: "\\u%04X", c.value)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}
