import ArticleCore
import Foundation

extension JSONOutput {
    mutating func article(_ a: Article) {
        let m = a.metadata
        object { o in
            o.metadata(m)
            // A JSON record's own fields (an `id`) ride through at the top level, by name order;
            // a name the article format uses itself is left out rather than written twice.
            let fields = m.recordFields
            for name in fields.keys.sorted() where !JSONRecord.articleFields.contains(name) && JSONRecord.documentFields[name] == nil {
                if let v = fields[name] { o.key(name) { $0.value(v) } }
            }
            o.key("blocks") { $0.blocks(a.blocks) }
            if !a.resources.isEmpty {
                o.key("resources") {
                    $0.array(a.resources) { out, r in
                        out.object { o in
                            o.string("path", r.path)
                            o.string("mediaType", r.mediaType)
                            o.string("data", r.data.base64EncodedString())
                        }
                    }
                }
            }
            var extra = m.extra
            extra[Metadata.recordFieldsKey] = nil
            if !extra.isEmpty { o.key("meta") { $0.value(.object(extra)) } }
        }
    }

    mutating func value(_ v: MetadataValue) {
        switch v {
        case .null: null()
        case .bool(let b): bool(b)
        case .number(let n): number(n)
        case .string(let s): string(s)
        case .array(let a): array(a) { $0.value($1) }
        case .object(let o):
            object { w in for k in o.keys.sorted() { if let x = o[k] { w.key(k) { $0.value(x) } } } }
        }
    }

    mutating func blocks(_ list: [Block]) { array(list) { $0.block($1) } }

    mutating func inlines(_ list: [Inline]) { array(list) { $0.inline($1) } }

    mutating func image(_ r: ImageReference) {
        object { o in
            o.string("src", r.source)
            o.string("alt", r.alt)
            if let t = r.title { o.string("title", t) }
        }
    }

    mutating func cells(_ cells: [TableCell]) {
        array(cells) { out, c in out.object { $0.inlines("content", c.content) } }
    }

    mutating func block(_ b: Block) {
        object { o in
            switch b {
            case .paragraph(let c):
                o.string("type", "paragraph")
                o.inlines("content", c)
            case .heading(let level, let c):
                o.string("type", "heading")
                o.int("level", min(max(level, 1), 6))  // what the reader accepts
                o.inlines("content", c)
            case .list(let l):
                o.string("type", "list")
                o.bool("ordered", l.ordered)
                if l.ordered { o.int("start", l.number(ofItem: 0)) }
                o.bool("tight", l.tight)
                o.key("items") {
                    $0.array(l.items) { out, item in
                        out.object { o in
                            o.key("blocks") { $0.blocks(item.blocks) }
                            if let c = item.checked { o.bool("checked", c) }
                        }
                    }
                }
            case .quote(let blocks):
                o.string("type", "quote")
                o.key("blocks") { $0.blocks(blocks) }
            case .figure(let f):
                o.string("type", "figure")
                o.key("image") { out in if let img = f.image { out.image(img) } else { out.null() } }
                o.inlines("caption", f.caption)
                o.string("credit", f.credit)
            case .code(let language, let text):
                o.string("type", "code")
                o.string("language", language)
                o.string("text", text)
            case .rule:
                o.string("type", "rule")
            case .table(let t):
                o.string("type", "table")
                o.key("align") { $0.strings(t.alignments.map(\.rawValue)) }
                o.key("header") { $0.cells(t.header) }
                o.key("rows") { $0.array(t.rows) { $0.cells($1) } }
            case .html(let html):
                o.string("type", "html")
                o.string("html", html)
            }
        }
    }

    mutating func inline(_ i: Inline) {
        object { o in
            switch i {
            case .text(let s): o.string("type", "text"); o.string("text", s)
            case .emphasis(let c): o.string("type", "emphasis"); o.inlines("content", c)
            case .strong(let c): o.string("type", "strong"); o.inlines("content", c)
            case .strikethrough(let c): o.string("type", "strikethrough"); o.inlines("content", c)
            case .code(let s): o.string("type", "code"); o.string("text", s)
            case .link(let url, let title, let c):
                o.string("type", "link")
                o.string("url", url)
                if let title { o.string("title", title) }
                o.inlines("content", c)
            case .image(let r):
                o.string("type", "image")
                o.string("src", r.source)
                o.string("alt", r.alt)
                if let t = r.title { o.string("title", t) }
            case .lineBreak: o.string("type", "lineBreak")
            case .softBreak: o.string("type", "softBreak")
            case .html(let s): o.string("type", "html"); o.string("html", s)
            }
        }
    }
}
