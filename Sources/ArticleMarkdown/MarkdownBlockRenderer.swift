import ArticleCore

/// Writes blocks as CommonMark + GFM, each in the one form that parses back to it.
///
/// Blocks are separated by a blank line, except inside the items of a tight list, where a
/// blank line would make the list loose. Lists next to each other alternate their markers
/// (`-`/`*`, `.`/`)`) so that they stay separate lists. Code is always fenced, with a fence
/// longer than any run of its character inside; raw HTML is written as it came.
struct MarkdownBlockRenderer {
    private let inline = MarkdownInlineRenderer()

    /// The blocks as lines joined by `\n`, without a final newline.
    func render(_ blocks: [Block], tight: Bool = false) -> String {
        var out = ""
        render(blocks, tight: tight) { out += $0 }
        return out
    }

    /// The blocks, handed to `emit` a block (and its separator) at a time, so a large document
    /// need not be built as one string.
    func render(_ blocks: [Block], tight: Bool = false, emit: (String) -> Void) {
        var previous: Block?
        var alternate = false
        for block in blocks {
            // A list right after another of the same kind takes the other marker, or the two
            // would be read as one list.
            if case .list(let l) = block {
                if case .list(let p)? = previous, p.ordered == l.ordered { alternate.toggle() } else { alternate = false }
            }
            let text = render(block, alternateMarker: alternate)
            guard let text else { continue }
            var piece = ""
            if previous != nil { piece += tight ? "\n" : "\n\n" }
            if tight && MarkdownListSeparator.isNeeded(after: previous, before: block) {
                piece += MarkdownListSeparator.comment + "\n"
            }
            emit(piece + text)
            previous = block
        }
    }

    /// One block, or `nil` when it has nothing Markdown can show (an empty paragraph).
    func render(_ block: Block, alternateMarker: Bool = false) -> String? {
        switch block {
        case .paragraph(let content):
            return paragraph(content)
        case .heading(let level, let content):
            return heading(level: min(max(level, 1), 6), content)
        case .rule:
            return "___"
        case .quote(let blocks):
            let inner = render(blocks)
            return Self.prefixLines(inner.isEmpty ? "" : inner, first: "> ", rest: "> ", blank: ">")
        case .list(let list):
            return self.list(list, alternate: alternateMarker)
        case .code(let language, let text):
            return code(info: language ?? "", text: text)
        case .html(let html):
            return html.isEmpty ? nil : html
        case .figure(let figure):
            return paragraph(MarkdownFigure.inlines(figure))
        case .table(let table):
            return self.table(table)
        }
    }

    private func paragraph(_ content: [Inline]) -> String? {
        let out = Self.faithful(content, expected: .paragraph(content), base: inline) { renderer in
            var out = ""
            renderer.render(content, into: &out, follow: .whitespace)
            return out
        }
        return out.isEmpty ? nil : out
    }

    private func heading(level: Int, _ content: [Inline]) -> String {
        let expected = Block.heading(level: level, content: content)
        if level <= 2 && Self.containsBreak(content) {
            // A setext heading is the only heading that can hold a line break.
            return Self.faithful(content, expected: expected, base: inline) { renderer in
                var out = ""
                renderer.render(content, into: &out, follow: .whitespace)
                return out + "\n" + (level == 1 ? "===" : "---")
            }
        }
        var single = inline
        single.singleLine = true
        return Self.faithful(content, expected: expected, base: single) { renderer in
            // Rendered as a line of its own, so leading spaces are kept as references.
            var line = ""
            renderer.render(content, into: &line, follow: .whitespace)
            var out = String(repeating: "#", count: level) + " " + line
            if out.hasSuffix("#") {
                // A closing run of `#` would be taken off the heading.
                out.removeLast()
                out += "\\#"
            }
            while out.hasSuffix(" ") { out.removeLast() }
            return out
        }
    }

    private static func containsBreak(_ inlines: [Inline]) -> Bool {
        inlines.contains { inline in
            switch inline {
            case .softBreak, .lineBreak: return true
            case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c): return containsBreak(c)
            default: return false
            }
        }
    }

    private func list(_ list: ListBlock, alternate: Bool) -> String {
        var out = ""
        for (i, item) in list.items.enumerated() {
            let marker: String
            if list.ordered {
                // CommonMark numbers are 0 to 9 digits; only the first sets the start.
                marker = String(min(max(0, list.number(ofItem: i)), 999_999_999)) + (alternate ? ")" : ".")
            } else {
                marker = alternate ? "*" : "-"
            }
            if i > 0 { out += list.tight ? "\n" : "\n\n" }
            var body = render(item.blocks, tight: list.tight)
            // A task box belongs to a paragraph; before any other block it would be text.
            if let checked = item.checked, Self.canHoldTaskBox(item.blocks.first) { body = (checked ? "[x] " : "[ ] ") + body }
            // A list opening on its parent's marker line loses its task boxes in cmark-gfm, so a
            // nested list starts on the next line (the same list either way).
            if case .list? = item.blocks.first { body = "\n" + body }
            let indent = String(repeating: " ", count: marker.count + 1)
            out += body.isEmpty ? marker : Self.prefixLines(body, first: marker + " ", rest: indent, blank: "")
        }
        return out
    }

    private static func canHoldTaskBox(_ first: Block?) -> Bool {
        switch first {
        case .paragraph?, .figure?: return true
        default: return false
        }
    }

    private func code(info: String, text: String) -> String {
        let fenceChar: Character = info.contains("`") ? "~" : "`"
        var longest = 0, run = 0
        for c in text {
            if c == fenceChar { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        let fence = String(repeating: fenceChar, count: max(3, longest + 1))
        var infoOut = ""
        for c in info.unicodeScalars {
            if c == "\\" || (c == "&") { infoOut += "\\" }
            infoOut.unicodeScalars.append(c)
        }
        var out = fence + infoOut.replacingNewlines() + "\n"
        if !text.isEmpty { out += text + "\n" }
        return out + fence
    }

    private func table(_ table: Table) -> String {
        let columns = max(table.header.count, table.alignments.count, table.rows.map(\.count).max() ?? 0, 1)
        var cellRenderer = MarkdownInlineRenderer()
        cellRenderer.inTable = true
        func row(_ cells: [TableCell]) -> String {
            var line = "|"
            for i in 0..<columns {
                var cell = " "
                if i < cells.count { cellRenderer.render(cells[i].content, into: &cell, follow: .whitespace) }
                line += cell + " |"
            }
            return line
        }
        var lines = [row(table.header)]
        var delimiter = "|"
        for i in 0..<columns {
            switch i < table.alignments.count ? table.alignments[i] : .none {
            case .none: delimiter += " --- |"
            case .left: delimiter += " :-- |"
            case .center: delimiter += " :-: |"
            case .right: delimiter += " --: |"
            }
        }
        lines.append(delimiter)
        for r in table.rows { lines.append(row(r)) }
        return lines.joined(separator: "\n")
    }

    /// `text` with `first` before its first line and `rest` before the others (`blank` before
    /// empty ones).
    static func prefixLines(_ text: String, first: String, rest: String, blank: String) -> String {
        var out = ""
        var isFirst = true
        for bytes in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let line = Substring(bytes)
            if !isFirst { out += "\n" }
            if isFirst {
                out += line.isEmpty ? String(first.reversed().drop { $0 == " " }.reversed()) : first + line
            } else {
                out += line.isEmpty ? blank : rest + line
            }
            isFirst = false
        }
        return out
    }
}
