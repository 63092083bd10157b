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
        let text = raw.nfc
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
        // Splitting UTF-8 bytes is much cheaper than Foundation's enumerateLines or comparing
        // Characters (measured: the seed article's conversion spent a third of its time there).
        // A CR before the LF is dropped by `clean`.
        let bytes = Array(text.utf8)
        var lineStart = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
            let line = bytes[lineStart..<i]
            lineStart = i + 1
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

    static func indent(of line: ArraySlice<UInt8>) -> Int {
        var n = 0
        for b in line {
            if b == 0x20 { n += 1 } else if b == 0x09 { n += 4 } else { break }
        }
        return n
    }

    /// Tabs and no-break spaces become spaces, BOMs and stray CRs go, runs of spaces collapse,
    /// and both ends are trimmed. Works on UTF-8 bytes: comparing Characters cost a sixth of the
    /// seed article's whole conversion.
    static func clean(_ u: ArraySlice<UInt8>) -> String {
        // Over the slice's buffer, writing straight into the string's storage: indexing the
        // slice and appending to an array cost 3,400 instructions a line (callgrind). The output
        // is never longer than the input.
        u.withUnsafeBufferPointer { b in
            String(unsafeUninitializedCapacity: b.count) { out in
                var n = 0
                var space = false
                var i = 0
                let end = b.count
                while i < end {
                    let c = b[i]
                    if c == 0x20 || c == 0x09 {
                        space = true; i &+= 1; continue
                    }
                    if c == 0xC2, i &+ 1 < end, b[i &+ 1] == 0xA0 {
                        space = true; i &+= 2; continue
                    }
                    if c == 0xEF, i &+ 2 < end, b[i &+ 1] == 0xBB, b[i &+ 2] == 0xBF { i &+= 3; continue }
                    if c == 0x0D { i &+= 1; continue }
                    if space && n > 0 { out[n] = 0x20; n &+= 1 }
                    space = false
                    out[n] = c
                    n &+= 1
                    i &+= 1
                }
                return n
            }
        }
    }
}
