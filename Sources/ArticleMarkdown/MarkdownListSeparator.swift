import ArticleCore

/// The one place the writer adds something to keep a list tight: inside a tight list item, a
/// paragraph followed by a block that may not interrupt a paragraph (another paragraph, a table,
/// raw HTML, an ordered list not starting at 1, a list whose first item is empty) needs
/// something between them, and a blank line would make the item loose. The writer puts an empty HTML comment there, as pandoc does between
/// lists; the reader drops it again in exactly that place.
enum MarkdownListSeparator {
    static let comment = "<!-- -->"

    /// Whether `block` written right after a paragraph, with no blank line, would be read as part
    /// of that paragraph.
    static func isNeeded(after previous: Block?, before block: Block) -> Bool {
        switch previous {
        // A quote or list ending in a paragraph would take the next line as a lazy continuation.
        // A table takes every following line as a row.
        case .paragraph?, .figure?, .quote?, .list?, .table?: break
        default: return false
        }
        switch block {
        case .paragraph, .figure, .table, .html:
            // Would continue the paragraph (or, for a table, take its last line as a header).
            return true
        case .quote:
            // Two block quotes on consecutive lines are one.
            if case .quote? = previous { return true }
            return false
        case .list(let list):
            guard let first = list.items.first else { return true }
            return (list.ordered && list.start != 1) || first.blocks.isEmpty
        default:
            return false
        }
    }

    /// `blocks` with the separators the writer added taken out, in every tight list item.
    static func removingSeparators(in blocks: [Block]) -> [Block] {
        blocks.map { block in
            switch block {
            case .quote(let inner):
                return .quote(removingSeparators(in: inner))
            case .list(var list):
                list.items = list.items.map { item in
                    var inner = removingSeparators(in: item.blocks)
                    if list.tight {
                        var i = 1
                        while i + 1 < inner.count {
                            if case .html(comment) = inner[i], isNeeded(after: inner[i - 1], before: inner[i + 1]) {
                                inner.remove(at: i)
                            }
                            i += 1
                        }
                    }
                    return ListItem(blocks: inner, checked: item.checked)
                }
                return .list(list)
            default:
                return block
            }
        }
    }
}
