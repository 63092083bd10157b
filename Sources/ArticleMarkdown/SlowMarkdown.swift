import Foundation

/// Names what made a Markdown parse slow. cmark-gfm 0.29 (Debian's) takes time that grows with
/// the square of some constructs' count (the 2023 advisories: `![[]()` repeated, many table
/// rows, long runs of brackets or emphasis delimiters); a parse that took long is followed by a
/// warning naming the construct this file has most of, so a user knows why. In a batch the
/// per-file timeout is the guard; one counting pass after a slow parse costs nothing by
/// comparison.
enum SlowMarkdown {
    /// A parse slower than this is explained.
    static let threshold: TimeInterval = 2

    /// The warning for a parse of `text` that took `seconds`, or `nil` when it was quick.
    static func warning(for text: Substring, seconds: TimeInterval) -> String? {
        guard seconds >= threshold else { return nil }
        var images = 0, brackets = 0, delimiters = 0, tableRows = 0, quoteMarks = 0
        var previous: UInt8 = 0x0A
        var lineStart = true
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "["):
                if previous == UInt8(ascii: "!") { images += 1 } else { brackets += 1 }
            case UInt8(ascii: "*"), UInt8(ascii: "_"): delimiters += 1
            case UInt8(ascii: "|") where lineStart: tableRows += 1
            case UInt8(ascii: ">") where lineStart || previous == UInt8(ascii: ">"): quoteMarks += 1
            default: break
            }
            lineStart = b == 0x0A || (lineStart && (b == 0x20 || b == 0x09))
            previous = b
        }
        let suspects = [(images, "image openings (`![`)"), (brackets, "link brackets (`[`)"), (delimiters, "emphasis delimiters (`*`, `_`)"),
                        (tableRows, "table rows"), (quoteMarks, "block quote markers (`>`)")]
        let top = suspects.max { $0.0 < $1.0 } ?? (0, "")
        let what = top.0 > 0 ? "; it has \(top.0) \(top.1), which cmark-gfm handles in time that grows faster than their number" : ""
        return String(format: "parsing the Markdown took %.1f s", seconds) + what
    }
}
