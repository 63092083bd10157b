import Foundation

/// Scraped text cleaned up and cut into groups of lines separated by blank lines.
struct TextLines {
    /// A run of non-blank lines, with how many blank lines came before it.
    struct Group {
        var lines: [String]
        /// Leading spaces of each line (tabs count as four), for nested lists.
        var indents: [Int]
        var blankLinesBefore: Int
        /// 1-based line number of the first line, for messages.
        var lineNumber: Int

        var text: String { lines.joined(separator: " ") }
    }

    var groups: [Group]

    /// Normalises line ends (CRLF, CR), tabs, non-breaking and trailing spaces, and Unicode NFC.
    init(_ raw: String) {
        let text = raw.precomposedStringWithCanonicalMapping
        var groups: [Group] = []
        var current: [String] = []
        var indents: [Int] = []
        var blanks = 0
        var start = 1
        var lineNo = 0
        func flush() {
            if !current.isEmpty {
                groups.append(Group(lines: current, indents: indents, blankLinesBefore: blanks, lineNumber: start))
            }
            current = []
            indents = []
        }
        text.enumerateLines { line, _ in
            lineNo += 1
            let cleaned = TextLines.clean(line)
            if cleaned.isEmpty {
                if !current.isEmpty { flush(); blanks = 0 }
                blanks += 1
            } else {
                if current.isEmpty { start = lineNo }
                current.append(cleaned)
                indents.append(TextLines.indent(of: line))
            }
        }
        flush()
        self.groups = groups
    }

    static func indent(of line: String) -> Int {
        var n = 0
        for ch in line {
            if ch == " " || ch == "\u{00A0}" { n += 1 } else if ch == "\t" { n += 4 } else { break }
        }
        return n
    }

    static func clean(_ line: String) -> String {
        var s = line
        if s.contains("\t") || s.contains("\u{00A0}") || s.contains("\u{FEFF}") || s.contains("\r") {
            s = s.replacingOccurrences(of: "\t", with: " ")
                .replacingOccurrences(of: "\u{00A0}", with: " ")
                .replacingOccurrences(of: "\u{FEFF}", with: "")
                .replacingOccurrences(of: "\r", with: "")
        }
        // Collapse runs of spaces inside the line, and trim both ends.
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var space = false
        for ch in s {
            if ch == " " { space = true; continue }
            if space && !out.isEmpty { out.append(" ") }
            space = false
            out.append(ch)
        }
        return out
    }
}
