import ArticleCore
import Foundation

/// Writes articles as plain text for reading in a terminal or a mail: the title, byline and
/// date, then the body wrapped at `--width` (72 by default; 0 for no wrapping).
public struct PlainTextWriter: ArticleWriter {
    /// The format: `text` (`txt`, `plain`), `.txt` files.
    public let format = FormatInfo(
        name: "text", aliases: ["txt", "plain"], extensions: ["txt"], mediaType: "text/plain",
        summary: "plain text wrapped at --width, with byline, captions and credits")

    /// Creates the writer.
    public init() {}

    /// Renders the articles as the bytes of one output file: one article, or several as a
    /// collection titled by the `--title` (see ``write(_:context:)-(ArticleCollection,_)``).
    public func write(_ articles: [Article], context: inout ConversionContext) throws(ArticleError) -> Data {
        let articles = Article.limitingDepth(articles)  // no nesting the writer's recursion cannot take
        return try write(ArticleCollection(articles, title: articles.count > 1 ? context.options.title : nil), context: &context)
    }

    func render(_ a: Article, _ w: TextWrapper) -> String {
        var parts: [String] = []
        let m = a.metadata
        if let title = m.title, !title.isEmpty {
            let t = w.wrap(title)
            let underline = String(repeating: "=", count: min(t.split(separator: "\n").map { TextWrapper.columns($0) }.max() ?? 0,
                                                            w.width > 0 ? w.width : Int.max))
            parts.append(t + "\n" + underline)
        }
        if let s = m.subtitle, !s.isEmpty { parts.append(w.wrap(s)) }
        var byline: [String] = []
        if !m.authors.isEmpty { byline.append(w.wrap("By " + Self.list(m.authors))) }
        let when = m.dateline ?? m.published?.iso8601
        let line2 = [when, m.source].compactMap { $0 }.joined(separator: " · ")
        if !line2.isEmpty { byline.append(w.wrap(line2)) }
        if !byline.isEmpty { parts.append(byline.joined(separator: "\n")) }
        for b in a.blocks {
            let r = render(b, w, indent: "")
            if !r.isEmpty { parts.append(r) }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    static func list(_ names: [String]) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        default: return names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
        }
    }

    func render(_ b: Block, _ w: TextWrapper, indent: String) -> String {
        switch b {
        case .paragraph(let c):
            return w.wrap(c.plainText, firstPrefix: indent, restPrefix: indent)
        case .heading(let level, let c):
            let t = w.wrap(c.plainText, firstPrefix: indent, restPrefix: indent)
            let width = t.split(separator: "\n").map { TextWrapper.columns($0) }.max() ?? 0
            return t + "\n" + indent + String(repeating: level <= 1 ? "=" : "-", count: max(0, width - indent.count))
        case .list(let l):
            var out: [String] = []
            for (n, item) in l.items.enumerated() {
                let marker = l.ordered ? "\(l.number(ofItem: n)). " : "- "
                let pad = indent + String(repeating: " ", count: marker.count)
                var first = true
                var chunks: [String] = []
                for child in item.blocks {
                    if first, case .paragraph(let c) = child {
                        let box = item.checked.map { $0 ? "[x] " : "[ ] " } ?? ""
                        chunks.append(w.wrap(box + c.plainText, firstPrefix: indent + marker, restPrefix: pad))
                    } else {
                        let r = render(child, w, indent: pad)
                        chunks.append(first ? indent + marker + r.dropFirst(pad.count) : r)
                    }
                    first = false
                }
                out.append(chunks.joined(separator: l.tight ? "\n" : "\n\n"))
            }
            return out.joined(separator: l.tight ? "\n" : "\n\n")
        case .quote(let blocks):
            return blocks.map { render($0, w, indent: indent + "    ") }.joined(separator: "\n\n")
        case .figure(let f):
            var lines: [String] = []
            let caption = f.caption.plainText
            let label = caption.isEmpty ? (f.image?.alt ?? "") : caption
            lines.append(w.wrap("[Image] " + label, firstPrefix: indent, restPrefix: indent + "        "))
            if let credit = f.credit, !credit.isEmpty {
                lines.append(w.wrap("Photo: " + credit, firstPrefix: indent + "        ", restPrefix: indent + "        "))
            }
            return lines.joined(separator: "\n")
        case .code(_, let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { indent + "    " + $0 }.joined(separator: "\n")
        case .rule:
            return indent + "* * *"
        case .table(let t):
            return renderTable(t, indent: indent)
        case .html:
            return ""
        }
    }

    func renderTable(_ t: Table, indent: String) -> String {
        let rows = (t.header.isEmpty ? [] : [t.header]) + t.rows
        let texts = rows.map { $0.map { $0.content.plainText } }
        let cols = texts.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: cols)
        for r in texts { for (i, c) in r.enumerated() { widths[i] = max(widths[i], TextWrapper.columns(c)) } }
        var out: [String] = []
        for (ri, r) in texts.enumerated() {
            let cells = (0..<cols).map { i -> String in
                let c = i < r.count ? r[i] : ""
                return c + String(repeating: " ", count: widths[i] - TextWrapper.columns(c))
            }
            out.append(indent + cells.joined(separator: "  ").trimmingTrailingSpaces())
            if ri == 0 && !t.header.isEmpty {
                out.append(indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            }
        }
        return out.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
