import ArticleCore
import CCmarkGFM

/// Maps a cmark-gfm node tree into the article model, node kind by node kind.
///
/// Every kind cmark-gfm produces with the attached extensions has a place: raw HTML blocks and
/// inlines become ``Block/html(_:)`` and ``Inline/html(_:)``, a fenced code block keeps its
/// whole info string, a task-list item keeps whether it is ticked.
struct CmarkTreeMapper {
    let maximumDepth: Int
    private var depth = 0

    init(maximumDepth: Int) {
        self.maximumDepth = maximumDepth
    }

    /// The document's blocks. Each top-level node is freed as soon as it is mapped, so the C tree
    /// and the model are not both held whole for a large file.
    mutating func documentBlocks(_ document: OpaquePointer) throws(ArticleError) -> [Block] {
        var blocks: [Block] = []
        while let node = cmark_node_first_child(document) {
            if let b = try block(node) { blocks.append(b) }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        return blocks
    }

    private mutating func enter(_ node: OpaquePointer) throws(ArticleError) {
        depth += 1
        if depth > maximumDepth {
            let line = Int(cmark_node_get_start_line(node))
            throw ArticleError(.limitExceeded,
                "Markdown nested deeper than \(maximumDepth) levels (block quotes, lists or emphasis inside each other)",
                line: line > 0 ? line : nil)
        }
    }

    private mutating func blocks(in parent: OpaquePointer) throws(ArticleError) -> [Block] {
        var out: [Block] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            if let b = try block(node) { out.append(b) }
            child = cmark_node_next(node)
        }
        return out
    }

    private mutating func block(_ node: OpaquePointer) throws(ArticleError) -> Block? {
        try enter(node)
        defer { depth -= 1 }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(try inlines(in: node))
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), content: try inlines(in: node))
        case CMARK_NODE_THEMATIC_BREAK:
            return .rule
        case CMARK_NODE_BLOCK_QUOTE:
            return .quote(try blocks(in: node))
        case CMARK_NODE_LIST:
            return .list(try list(node))
        case CMARK_NODE_CODE_BLOCK:
            let info = Self.string(cmark_node_get_fence_info(node))
            return .code(language: info.isEmpty ? nil : info, text: Self.droppingFinalNewline(Self.literal(node)))
        case CMARK_NODE_HTML_BLOCK:
            return .html(Self.droppingFinalNewline(Self.literal(node)))
        case CMARK_NODE_CUSTOM_BLOCK:
            let raw = Self.string(cmark_node_get_on_enter(node)) + Self.string(cmark_node_get_on_exit(node))
            return raw.isEmpty ? nil : .html(raw)
        default:
            if Self.typeName(node) == "table" { return .table(try table(node)) }
            // Nodes of no known kind (none with the attached extensions): keep their text.
            let content = try inlines(in: node)
            return content.isEmpty ? nil : .paragraph(content)
        }
    }

    private mutating func list(_ node: OpaquePointer) throws(ArticleError) -> ListBlock {
        var items: [ListItem] = []
        var child = cmark_node_first_child(node)
        while let item = child {
            try enter(item)
            let checked: Bool? = Self.typeName(item) == "tasklist" ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil
            items.append(ListItem(blocks: try blocks(in: item), checked: checked))
            depth -= 1
            child = cmark_node_next(item)
        }
        let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
        return ListBlock(
            ordered: ordered,
            start: ordered ? Int(cmark_node_get_list_start(node)) : 1,
            tight: cmark_node_get_list_tight(node) != 0,
            items: items)
    }

    private mutating func table(_ node: OpaquePointer) throws(ArticleError) -> Table {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [Table.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for i in 0..<columns {
                switch raw[i] {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var header: [TableCell] = []
        var rows: [[TableCell]] = []
        var rowNode = cmark_node_first_child(node)
        while let row = rowNode {
            var cells: [TableCell] = []
            var cellNode = cmark_node_first_child(row)
            while let cell = cellNode {
                try enter(cell)
                cells.append(TableCell(try inlines(in: cell)))
                depth -= 1
                cellNode = cmark_node_next(cell)
            }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 { header = cells } else { rows.append(cells) }
            rowNode = cmark_node_next(row)
        }
        return Table(alignments: alignments, header: header, rows: rows)
    }

    // MARK: Inlines

    private mutating func inlines(in parent: OpaquePointer) throws(ArticleError) -> [Inline] {
        var out: [Inline] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            if let i = try inline(node) {
                // cmark splits text at escapes and entities; one run of text is one text inline.
                if case .text(let s) = i, case .text(let previous)? = out.last {
                    out[out.count - 1] = .text(previous + s)
                } else {
                    out.append(i)
                }
            }
            child = cmark_node_next(node)
        }
        return out
    }

    private mutating func inline(_ node: OpaquePointer) throws(ArticleError) -> Inline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT:
            let text = Self.literal(node)
            return text.isEmpty ? nil : .text(text)
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(Self.literal(node))
        case CMARK_NODE_HTML_INLINE: return .html(Self.literal(node))
        default: break
        }
        try enter(node)
        defer { depth -= 1 }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_EMPH: return .emphasis(try inlines(in: node))
        case CMARK_NODE_STRONG: return .strong(try inlines(in: node))
        case CMARK_NODE_LINK:
            let title = Self.string(cmark_node_get_title(node))
            return .link(url: Self.string(cmark_node_get_url(node)), title: title.isEmpty ? nil : title,
                         content: try inlines(in: node))
        case CMARK_NODE_IMAGE:
            let title = Self.string(cmark_node_get_title(node))
            return .image(ImageReference(source: Self.string(cmark_node_get_url(node)),
                                         alt: try altText(node), title: title.isEmpty ? nil : title))
        case CMARK_NODE_CUSTOM_INLINE:
            let raw = Self.string(cmark_node_get_on_enter(node)) + Self.string(cmark_node_get_on_exit(node))
            return raw.isEmpty ? nil : .html(raw)
        default:
            if Self.typeName(node) == "strikethrough" { return .strikethrough(try inlines(in: node)) }
            let content = try inlines(in: node)
            return content.isEmpty ? nil : .emphasis(content)
        }
    }

    /// An image's description as cmark's HTML renderer writes it into `alt`: the literal text of
    /// every descendant, breaks as spaces.
    private mutating func altText(_ image: OpaquePointer) throws(ArticleError) -> String {
        var out = ""
        try appendAlt(of: image, to: &out)
        return out
    }

    private mutating func appendAlt(of parent: OpaquePointer, to out: inout String) throws(ArticleError) {
        var child = cmark_node_first_child(parent)
        while let node = child {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE: out += Self.literal(node)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
            default:
                try enter(node)
                try appendAlt(of: node, to: &out)
                depth -= 1
            }
            child = cmark_node_next(node)
        }
    }

    // MARK: C strings

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    static func literal(_ node: OpaquePointer) -> String {
        string(cmark_node_get_literal(node))
    }

    static func typeName(_ node: OpaquePointer) -> String {
        string(cmark_node_get_type_string(node))
    }

    /// cmark ends code and HTML block literals with the line's newline; the model keeps the lines
    /// without the last one (the writer adds it back).
    static func droppingFinalNewline(_ s: String) -> String {
        guard s.utf8.last == 0x0A else { return s }
        var scalars = s.unicodeScalars
        scalars.removeLast()
        return String(scalars)
    }
}
