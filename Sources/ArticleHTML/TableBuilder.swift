import ArticleCore
import ArticleSupport

/// Turns a data table into the model's table; layout tables (nested tables, block content in
/// cells) return `nil` so their content is read as ordinary blocks.
struct TableBuilder {
    let inlines: InlineBuilder
    let skip: (XMLNode) -> Bool

    func table(from node: XMLNode) -> Table? {
        var rows: [XMLNode] = []
        var layout = false
        node.forEachDescendant { d in
            guard d.isElement else { return true }
            switch d.name {
            case "table": layout = true; return false
            case "tr": rows.append(d)
            case "div", "p", "ul", "ol", "img", "figure":
                if d.name != "p" { layout = true }
            default: break
            }
            return true
        }
        guard !layout, !rows.isEmpty, rows.count < 5000 else { return nil }
        var header: [TableCell] = []
        var body: [[TableCell]] = []
        for (i, row) in rows.enumerated() {
            let cells = row.elementChildren.filter { $0.name == "td" || $0.name == "th" }
            if cells.isEmpty { continue }
            let converted = cells.map { TableCell(inlines.inlines(of: $0)) }
            let inHead = row.parent?.name == "thead"
            if i == 0 && header.isEmpty && (inHead || cells.allSatisfy { $0.name == "th" }) {
                header = converted
            } else {
                body.append(converted)
            }
        }
        if header.isEmpty && body.isEmpty { return nil }
        return Table(header: header, rows: body)
    }
}
