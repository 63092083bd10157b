import ArticleCore
import Foundation

/// Header fields (`Name: value` lines, as WARC and HTTP write them), looked up by name in any
/// case. A line that starts with a space or tab continues the field before it. A name given
/// twice keeps its first value.
struct HeaderFields {
    private var values: [String: String] = [:]
    private var last: String?

    /// Adds one header line (without its line end).
    mutating func add(_ line: Data) {
        let text = String(decoding: line, as: UTF8.self)
        if let first = text.first, first == " " || first == "\t" {
            if let last, let value = values[last] { values[last] = value + " " + Self.trimmed(text[...], .whitespaces) }
            return
        }
        guard let colon = text.firstIndex(of: ":") else { last = nil; return }
        let name = Self.trimmed(text[..<colon], .whitespaces).lowercased()
        guard !name.isEmpty else { last = nil; return }
        let value = Self.trimmed(text[text.index(after: colon)...], .whitespaces)
        if values[name] == nil { values[name] = value }
        last = name
    }

    /// The value of a field, by its lowercased name.
    subscript(name: String) -> String? { values[name] }

    /// `text.trimmingCharacters(in: set)` on the Unicode scalars: the same answer without
    /// Foundation's round trip through `NSString` and UTF-16, which cost about 18,000
    /// instructions a header line (1.1% of the fundus WARC stream). ArticleSupport's
    /// `StringTrimming` does the same for the HTML reader; this target does not link it.
    static func trimmed(_ text: Substring, _ set: CharacterSet) -> String {
        var scalars = text.unicodeScalars
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
