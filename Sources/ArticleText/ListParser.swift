import ArticleCore

/// List markers in scraped text: `-`, `+`, `•`, `*`, `–` bullets and `1.` / `1)` numbers,
/// with nesting by indentation.
enum ListParser {
    struct Marker {
        var ordered: Bool
        var number: Int?
        /// Characters taken by the marker and the space after it.
        var length: Int
    }

    struct RawItem {
        var indent: Int
        var ordered: Bool
        var number: Int?
        var text: String
    }

    static func marker(_ line: String) -> Marker? {
        // A line starting with an ASCII byte other than a marker or a digit (most lines: a
        // letter) has none, told without breaking the line into Characters: 6,200 instructions
        // a line before (callgrind).
        guard let lead = line.utf8.first else { return nil }
        if lead < 0x80, lead != UInt8(ascii: "-"), lead != UInt8(ascii: "+"), lead != UInt8(ascii: "*"),
           !(0x30...0x39).contains(lead) { return nil }
        guard let first = line.first else { return nil }
        if "-+•*–●▪·".contains(first) {
            let rest = line.dropFirst()
            // At least two characters after the marker, by looking, not `count` (which walks the
            // whole line: 5,000 instructions a line, callgrind).
            guard rest.first == " ", !rest.dropFirst().isEmpty else { return nil }
            return Marker(ordered: false, number: nil, length: 2)
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count), let n = Int(digits) else { return nil }
        let after = line.dropFirst(digits.count)
        guard let p = after.first, p == "." || p == ")", after.dropFirst().first == " ", !after.dropFirst(2).isEmpty else { return nil }
        return Marker(ordered: true, number: n, length: digits.count + 2)
    }

    /// The items of one group; lines without a marker continue the item before them.
    static func items(of g: TextLines.Group) -> [RawItem] {
        var items: [RawItem] = []
        for (line, indent) in zip(g.lines, g.indents) {
            if let m = marker(line) {
                items.append(RawItem(indent: indent, ordered: m.ordered, number: m.number,
                                     text: String(line.dropFirst(m.length))))
            } else if !items.isEmpty {
                items[items.count - 1].text += " " + line
            } else {
                items.append(RawItem(indent: indent, ordered: false, number: nil, text: line))
            }
        }
        return items
    }

    /// Builds a list, nesting items indented deeper than the first under the item before them.
    static func build(_ items: [RawItem], ordered: Bool, start: Int, tight: Bool) -> ListBlock {
        var index = 0
        return level(items, &index, baseIndent: items.first?.indent ?? 0, ordered: ordered, start: start, tight: tight, depth: 0)
    }

    private static func level(_ items: [RawItem], _ i: inout Int, baseIndent: Int, ordered: Bool, start: Int,
                              tight: Bool, depth: Int) -> ListBlock {
        var out: [ListItem] = []
        while i < items.count, items[i].indent <= baseIndent || out.isEmpty || depth >= 8 {
            if items[i].indent < baseIndent && depth > 0 { break }
            out.append(ListItem(blocks: [.paragraph([.text(items[i].text)])]))
            i += 1
            if i < items.count, items[i].indent > baseIndent, depth < 8 {
                let child = level(items, &i, baseIndent: items[i].indent, ordered: items[i].ordered,
                                  start: items[i].number ?? 1, tight: true, depth: depth + 1)
                out[out.count - 1].blocks.append(.list(child))
            }
        }
        return ListBlock(ordered: ordered, start: start, tight: tight, items: out)
    }
}
