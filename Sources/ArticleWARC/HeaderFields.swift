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
            if let last, let value = values[last] { values[last] = value + " " + StringTrimming.trimmed(text[...], in: .whitespaces) }
            return
        }
        guard let colon = text.firstIndex(of: ":") else { last = nil; return }
        let name = StringTrimming.trimmed(text[..<colon], in: .whitespaces).lowercased()
        guard !name.isEmpty else { last = nil; return }
        let value = StringTrimming.trimmed(text[text.index(after: colon)...], in: .whitespaces)
        if values[name] == nil { values[name] = value }
        last = name
    }

    /// The value of a field, by its lowercased name.
    subscript(name: String) -> String? { values[name] }
}
