/// Wraps text at a column width counted in what a terminal shows: grapheme clusters, with East
/// Asian wide characters counting two. `ệ` written as `e` plus two combining marks is one column.
public struct TextWrapper: Sendable {
    /// The width in columns; `0` for no wrapping.
    public var width: Int

    /// Creates a wrapper.
    public init(width: Int) {
        self.width = width
    }

    /// Wraps `text`, starting the first line with `firstPrefix` and the others with `restPrefix`.
    public func wrap(_ text: String, firstPrefix: String = "", restPrefix: String = "") -> String {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard width > 0 else { return firstPrefix + words.joined(separator: " ") }
        var lines: [String] = []
        var line = firstPrefix
        var lineWidth = Self.columns(firstPrefix)
        var empty = true
        for w in words {
            let ww = Self.columns(w)
            if !empty && lineWidth + 1 + ww > width {
                lines.append(line)
                line = restPrefix
                lineWidth = Self.columns(restPrefix)
                empty = true
            }
            if !empty { line += " "; lineWidth += 1 }
            line += w
            lineWidth += ww
            empty = false
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// The number of terminal columns a string takes.
    public static func columns<S: StringProtocol>(_ s: S) -> Int {
        var n = 0
        for ch in s {
            guard let v = ch.unicodeScalars.first?.value else { continue }
            n += isWide(v) ? 2 : 1
        }
        return n
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
