import ArticleCore

/// A linear pre-scan of front matter that bounds how deeply its YAML can nest, before Yams
/// builds the tree: Yams composes recursively, and 8,000 nested `[` or indented `- ` lines in a
/// 16 KB file overflow the stack before the reader's own depth check sees a single node.
///
/// The estimate never undercounts: flow collections (`[`, `{` outside quotes and comments), block
/// nesting (each deeper indentation still open), and compact entries (`- - - x`, `? ` keys) on
/// one line are added up. It overcounts a little for block scalars and plain text, so its limit
/// is a few times the reader's exact one: a real file never comes near it.
enum YAMLDepthScan {
    /// Nesting past this estimate is refused before composing.
    static let maximumEstimate = 4 * FrontMatterReader.maximumDepth

    /// The deepest estimated nesting of `yaml`, stopping early once past `limit`.
    static func estimate(_ yaml: String, limit: Int = maximumEstimate) -> Int {
        let bytes = Array(yaml.utf8)
        func isBlank(_ i: Int) -> Bool { i < 0 || i >= bytes.count || bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D }
        var deepest = 0
        var flow = 0
        var indents: [Int] = []  // the indentations of the block levels still open
        var quote: UInt8 = 0     // the open quote of a quoted scalar
        var atLineStart = true, leading = true, sawColon = false, inComment = false
        var indent = 0
        var compact = 0          // levels opened on the current line: `- - ? ` entries and one `key: `
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            defer { i += 1 }
            if c == 0x0A || c == 0x0D {
                atLineStart = true; leading = true; sawColon = false; inComment = false
                indent = 0; compact = 0
                continue
            }
            if inComment { continue }
            if quote != 0 {
                if c == 0x5C && quote == 0x22 { i += 1 } else if c == quote { quote = 0 }  // `\"`; `''` reopens at once
                continue
            }
            if atLineStart {
                if c == 0x20 { indent += 1; continue }
                atLineStart = false
                if c == UInt8(ascii: "#") { inComment = true; continue }
                if flow == 0 {
                    while let last = indents.last, last > indent { indents.removeLast() }
                    if indents.last != indent { indents.append(indent) }
                }
            }
            switch c {
            case UInt8(ascii: "#") where isBlank(i - 1):
                inComment = true
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                // A quote opens a quoted scalar only where a scalar starts.
                if isBlank(i - 1) || "[{,:".utf8.contains(bytes[i - 1]) { quote = c } else { leading = false }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                flow += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flow = max(flow - 1, 0)
            case UInt8(ascii: "-"), UInt8(ascii: "?"):
                if leading && flow == 0 && isBlank(i + 1) { compact += 1 } else { leading = false }
            case UInt8(ascii: ":"):
                leading = false
                if flow == 0 && !sawColon && isBlank(i + 1) { sawColon = true; compact += 1 }
            case 0x20, 0x09:
                break
            default:
                leading = false
            }
            let depth = indents.count + compact + flow
            if depth > deepest {
                deepest = depth
                if deepest > limit { return deepest }
            }
        }
        return deepest
    }

    /// Throws when the estimate is past ``maximumEstimate``.
    static func check(_ yaml: String, lineOffset: Int) throws(ArticleError) {
        guard estimate(yaml) > maximumEstimate else { return }
        throw ArticleError(.limitExceeded, "the front matter nests deeper than \(FrontMatterReader.maximumDepth) levels (YAML lists and mappings inside each other)",
                           line: lineOffset + 1)
    }
}
