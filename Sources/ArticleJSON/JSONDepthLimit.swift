import ArticleCore
import Foundation

/// Refuses JSON nested deeper than a limit before it is decoded, with an error that says so.
/// (Foundation's decoder stops at 512 levels with only "not valid JSON", and the model's
/// recursive writers should not see arbitrarily deep trees.)
enum JSONDepthLimit {
    /// Arrays and objects nested deeper than this are refused. An article needs a handful.
    static let maximum = 200

    static func check(_ data: Data, name: String, line: Int? = nil) throws(ArticleError) {
        let tooDeep: Bool = data.withUnsafeBytes { raw in
            var depth = 0
            var inString = false
            var escaped = false
            for b in raw {
                if inString {
                    if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                    continue
                }
                switch b {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    if depth > maximum { return true }
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
                default: break
                }
            }
            return false
        }
        if tooDeep {
            throw ArticleError(.limitExceeded, "JSON nested more than \(maximum) levels deep (the limit)", file: name, line: line)
        }
    }
}
