import ArticleCore
import ArticleSupport
import Foundation

/// Small text helpers shared by the extractors.
enum TextTools {
    /// Lower-cased, white space collapsed, for comparing titles and names.
    static func normalized(_ s: String) -> String {
        let collapsed = collapsedASCII(s, lowercasing: true) ?? collapse(s.lowercased())
        return trimming(collapsed, normalizedTrim)
    }

    private static let normalizedTrim = CharacterSet(charactersIn: " \"'“”„«»")

    /// `s.trimmingCharacters(in: set)`, without Foundation (``StringTrimming``): a string
    /// with nothing to trim is not copied (Foundation's copy of a whole paragraph for the answer
    /// was 0.9% of the page benchmark), and one with something to trim is not bridged to
    /// `NSString` and back (3.2% of the WARC stream).
    static func trimming(_ s: String, _ set: CharacterSet) -> String {
        StringTrimming.trimmed(s, in: set)
    }

    /// White space collapsed to single spaces and trimmed.
    static func collapse(_ s: String) -> String {
        collapsedASCII(s, lowercasing: false) ?? collapsedSingleScalar(s)
            ?? s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// For an all-ASCII string, what splitting at white space characters and joining with single
    /// spaces gives, done on the bytes (optionally lower-cased too); `nil` for other strings.
    /// In ASCII the white space characters are single bytes (tab to carriage return, space;
    /// "\r\n" is two of them), so no grapheme breaking or property look-up is needed: those
    /// were 2% of the page benchmark across titles, captions and credits.
    static func collapsedASCII(_ s: String, lowercasing: Bool) -> String? {
        var s = s
        return s.withUTF8 { utf8 -> String? in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: utf8.count) { out in
                var n = 0
                var pendingSpace = false
                for b in utf8 {
                    if b == 32 || (b >= 9 && b <= 13) {
                        pendingSpace = n > 0
                        continue
                    }
                    if pendingSpace {
                        out[n] = 32
                        n += 1
                        pendingSpace = false
                    }
                    out[n] = lowercasing && b >= 65 && b <= 90 ? b + 32 : b
                    n += 1
                }
                return n
            }
        }
    }

    /// The number of letters and digits in a text: a size that works for languages written
    /// without spaces.
    static func letterCount(_ s: String) -> Int {
        var n = 0
        for u in s.unicodeScalars where isWordScalar(u) { n += 1 }
        return n
    }

    /// Whether a scalar is part of a word: ASCII letters and digits answered without a table
    /// look-up, the rest by Unicode properties.
    @inline(__always)
    static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 128 { return (v >= 97 && v <= 122) || (v >= 65 && v <= 90) || (v >= 48 && v <= 57) }
        return u.properties.isAlphabetic || u.properties.numericType != nil
    }

    /// The words of a text (runs of letters and digits), lower-cased (ASCII letters only; others
    /// compare as written).
    static func words(_ text: String) -> [String] {
        // Each word is copied out of the UTF-8 bytes (ASCII capitals lowered on the way) rather
        // than appended scalar by scalar: choosing the body container splits the text of every
        // candidate into words.
        var out: [String] = []
        var s = text
        s.withUTF8 { utf8 in
            var start = -1
            var offset = 0
            func emit(_ end: Int) {
                out.append(String(unsafeUninitializedCapacity: end - start) { word in
                    for k in start..<end {
                        let b = utf8[k]
                        word[k - start] = b >= 65 && b <= 90 ? b + 32 : b
                    }
                    return end - start
                })
                start = -1
            }
            for u in text.unicodeScalars {
                if isWordScalar(u) {
                    if start < 0 { start = offset }
                } else if start >= 0 {
                    emit(offset)
                }
                offset += UTF8.width(u)
            }
            if start >= 0 { emit(offset) }
        }
        return out
    }
}
