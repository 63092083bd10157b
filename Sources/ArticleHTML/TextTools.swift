import Foundation

/// Small text helpers shared by the extractors.
enum TextTools {
    /// Lower-cased, white space collapsed, for comparing titles and names.
    static func normalized(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            .trimmingCharacters(in: .init(charactersIn: " \"'“”„«»"))
    }

    /// White space collapsed to single spaces and trimmed.
    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The number of letters and digits in a text: a size that works for languages written
    /// without spaces.
    static func letterCount(_ s: String) -> Int {
        var n = 0
        for u in s.unicodeScalars where u.properties.isAlphabetic || u.properties.numericType != nil { n += 1 }
        return n
    }

    /// The words of a text (runs of letters and digits), lower-cased.
    static func words(_ s: String) -> [Substring] {
        s.lowercased().split { !($0.isLetter || $0.isNumber) }
    }
}

extension String {
    /// The string without leading and trailing white space.
    var trimmingWhitespace: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
