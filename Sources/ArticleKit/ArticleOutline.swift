/// A human-readable summary of an article: what `articlekit inspect` prints.
public enum ArticleOutline {
    /// Metadata lines, then one line per block (nested blocks indented).
    public static func describe(_ a: Article) -> String {
        let m = a.metadata
        var out = ""
        func field(_ name: String, _ value: String?) {
            out += name.padding(toLength: 11, withPad: " ", startingAt: 0) + (value ?? "—") + "\n"
        }
        field("title:", m.title)
        if let s = m.subtitle { field("subtitle:", s) }
        field("published:", m.published?.iso8601)
        field("dateline:", m.dateline)
        field("source:", m.source)
        field("authors:", m.authors.isEmpty ? nil : m.authors.joined(separator: "; "))
        field("language:", m.language)
        if let u = m.url { field("url:", u) }
        if !m.tags.isEmpty { field("tags:", m.tags.joined(separator: ", ")) }
        field("words:", String(a.wordCount))
        if !a.resources.isEmpty { field("resources:", a.resources.map(\.path).joined(separator: ", ")) }
        out += "outline:\n"
        for b in a.blocks { outline(b, depth: 1, into: &out) }
        return out
    }

    private static func snippet(_ s: String, _ n: Int = 60) -> String {
        let flat = s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return flat.count > n ? "\"" + flat.prefix(n) + "…\"" : "\"" + flat + "\""
    }

    private static func outline(_ b: Block, depth: Int, into out: inout String) {
        let pad = String(repeating: "  ", count: depth)
        switch b {
        case .paragraph(let c): out += pad + "paragraph " + snippet(c.plainText) + "\n"
        case .heading(let l, let c): out += pad + "heading \(l) " + snippet(c.plainText) + "\n"
        case .list(let l):
            out += pad + "list (\(l.ordered ? "ordered" : "bulleted"), \(l.items.count) items)\n"
            for item in l.items { for child in item.blocks { outline(child, depth: depth + 1, into: &out) } }
        case .quote(let bs):
            out += pad + "quote\n"
            for child in bs { outline(child, depth: depth + 1, into: &out) }
        case .figure(let f):
            out += pad + "figure " + snippet(f.caption.plainText) + (f.credit.map { " — credit: " + $0 } ?? "")
                + (f.image.map { " [" + $0.source + "]" } ?? "") + "\n"
        case .code(let lang, let t): out += pad + "code\(lang.map { " (" + $0 + ")" } ?? "") \(t.split(separator: "\n").count) lines\n"
        case .rule: out += pad + "rule\n"
        case .table(let t): out += pad + "table \(t.rows.count) rows × \(max(t.header.count, t.rows.first?.count ?? 0)) columns\n"
        case .html(let h): out += pad + "html " + snippet(h) + "\n"
        }
    }
}
