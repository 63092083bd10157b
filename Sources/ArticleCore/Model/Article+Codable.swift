import Foundation

// The JSON form of the model (documented by Resources/article.schema.json). It is just the model
// encoded: top-level metadata keys, then `blocks`; every block and inline has a `type`.

private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init(stringValue s: String) { stringValue = s }
    init?(intValue: Int) { nil }
}

extension Article: Codable {
    private enum CodingKeys: String, CodingKey {
        case title, subtitle, authors, published, dateline, source, url, language, tags, summary, image, section, blocks
        case resources, meta
    }

    /// Decodes an `Article` from its ArticleKit JSON form (`Resources/article.schema.json`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var m = Metadata()
        m.title = try c.decodeIfPresent(String.self, forKey: .title)
        m.subtitle = try c.decodeIfPresent(String.self, forKey: .subtitle)
        m.authors = try c.decodeIfPresent([String].self, forKey: .authors) ?? []
        if let p = try c.decodeIfPresent(String.self, forKey: .published), !p.isEmpty {
            guard let d = ArticleDate(iso8601: p) else {
                throw DecodingError.dataCorruptedError(forKey: .published, in: c,
                    debugDescription: "published is not an ISO 8601 date: \(p)")
            }
            m.published = d
        }
        m.dateline = try c.decodeIfPresent(String.self, forKey: .dateline)
        m.source = try c.decodeIfPresent(String.self, forKey: .source)
        m.url = try c.decodeIfPresent(String.self, forKey: .url)
        m.language = try c.decodeIfPresent(String.self, forKey: .language)
        m.tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        m.summary = try c.decodeIfPresent(String.self, forKey: .summary)
        m.image = try c.decodeIfPresent(String.self, forKey: .image)
        m.section = try c.decodeIfPresent(String.self, forKey: .section)
        m.extra = try c.decodeIfPresent([String: MetadataValue].self, forKey: .meta) ?? [:]
        metadata = m
        blocks = try c.decodeIfPresent([Block].self, forKey: .blocks) ?? []
        resources = try c.decodeIfPresent([Resource].self, forKey: .resources) ?? []
    }

    /// Encodes the value in its ArticleKit JSON form (`Resources/article.schema.json`).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let m = metadata
        // Every metadata key is always present (null when unknown), so consumers can rely on it.
        try c.encode(m.title, forKey: .title)
        try c.encode(m.subtitle, forKey: .subtitle)
        try c.encode(m.authors, forKey: .authors)
        try c.encode(m.published?.iso8601, forKey: .published)
        try c.encode(m.dateline, forKey: .dateline)
        try c.encode(m.source, forKey: .source)
        try c.encode(m.url, forKey: .url)
        try c.encode(m.language, forKey: .language)
        try c.encode(m.tags, forKey: .tags)
        try c.encode(m.summary, forKey: .summary)
        try c.encode(m.image, forKey: .image)
        // Written only when set, so articles outside a book or paper read as before.
        if let section = m.section { try c.encode(section, forKey: .section) }
        try c.encode(blocks, forKey: .blocks)
        if !resources.isEmpty { try c.encode(resources, forKey: .resources) }
        var extra = m.extra
        extra[Metadata.recordFieldsKey] = nil
        if !extra.isEmpty { try c.encode(extra, forKey: .meta) }
        // A JSON record's own fields (``Metadata/recordFields``) go back to the top level.
        var top = encoder.container(keyedBy: Key.self)
        for (name, value) in m.recordFields where CodingKeys(rawValue: name) == nil && !["html", "text", "markdown"].contains(name) {
            try top.encode(value, forKey: Key(name))
        }
    }
}

extension MetadataValue: Codable {
    /// Decodes a `MetadataValue` from its ArticleKit JSON form (`Resources/article.schema.json`).
    public init(from decoder: any Decoder) throws {
        if let c = try? decoder.container(keyedBy: Key.self) {
            var o: [String: MetadataValue] = [:]
            for k in c.allKeys { o[k.stringValue] = try c.decode(MetadataValue.self, forKey: k) }
            self = .object(o)
            return
        }
        if var c = try? decoder.unkeyedContainer() {
            var a: [MetadataValue] = []
            while !c.isAtEnd { a.append(try c.decode(MetadataValue.self)) }
            self = .array(a)
            return
        }
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else { self = .string(try c.decode(String.self)) }
    }

    /// Encodes the value in its ArticleKit JSON form (`Resources/article.schema.json`).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null: var c = encoder.singleValueContainer(); try c.encodeNil()
        case .bool(let b): var c = encoder.singleValueContainer(); try c.encode(b)
        case .number(let n): var c = encoder.singleValueContainer(); try c.encode(n)
        case .string(let s): var c = encoder.singleValueContainer(); try c.encode(s)
        case .array(let a): var c = encoder.unkeyedContainer(); for v in a { try c.encode(v) }
        case .object(let o):
            var c = encoder.container(keyedBy: Key.self)
            for (k, v) in o { try c.encode(v, forKey: Key(k)) }
        }
    }
}

extension Block: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, content, level, ordered, start, tight, items, blocks, image, caption, credit
        case language, text, align, header, rows, html
    }

    /// Decodes a `Block` from its ArticleKit JSON form (`Resources/article.schema.json`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "paragraph":
            self = .paragraph(try c.decodeIfPresent([Inline].self, forKey: .content) ?? [])
        case "heading":
            let level = try c.decodeIfPresent(Int.self, forKey: .level) ?? 2
            guard (1...6).contains(level) else {
                throw DecodingError.dataCorruptedError(forKey: .level, in: c, debugDescription: "heading level \(level) is not 1 to 6")
            }
            self = .heading(level: level, content: try c.decodeIfPresent([Inline].self, forKey: .content) ?? [])
        case "list":
            let start = try c.decodeIfPresent(Int.self, forKey: .start) ?? 1
            guard ListBlock.startRange.contains(start) else {
                throw DecodingError.dataCorruptedError(forKey: .start, in: c, debugDescription: "list start \(start) is not between -1000000000 and 1000000000")
            }
            self = .list(ListBlock(
                ordered: try c.decodeIfPresent(Bool.self, forKey: .ordered) ?? false,
                start: start,
                tight: try c.decodeIfPresent(Bool.self, forKey: .tight) ?? true,
                items: try c.decodeIfPresent([ListItem].self, forKey: .items) ?? []))
        case "quote":
            self = .quote(try c.decodeIfPresent([Block].self, forKey: .blocks) ?? [])
        case "figure":
            self = .figure(Figure(
                image: try c.decodeIfPresent(ImageReference.self, forKey: .image),
                caption: try c.decodeIfPresent([Inline].self, forKey: .caption) ?? [],
                credit: try c.decodeIfPresent(String.self, forKey: .credit)))
        case "code":
            self = .code(language: try c.decodeIfPresent(String.self, forKey: .language),
                         text: try c.decodeIfPresent(String.self, forKey: .text) ?? "")
        case "rule":
            self = .rule
        case "table":
            self = .table(Table(
                alignments: try c.decodeIfPresent([Table.Alignment].self, forKey: .align) ?? [],
                header: try c.decodeIfPresent([TableCell].self, forKey: .header) ?? [],
                rows: try c.decodeIfPresent([[TableCell]].self, forKey: .rows) ?? []))
        case "html":
            self = .html(try c.decodeIfPresent(String.self, forKey: .html) ?? "")
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown block type \"\(type)\"")
        }
    }

    /// Encodes the value in its ArticleKit JSON form (`Resources/article.schema.json`).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .paragraph(let content):
            try c.encode("paragraph", forKey: .type)
            try c.encode(content, forKey: .content)
        case .heading(let level, let content):
            try c.encode("heading", forKey: .type)
            try c.encode(min(max(level, 1), 6), forKey: .level)
            try c.encode(content, forKey: .content)
        case .list(let list):
            try c.encode("list", forKey: .type)
            try c.encode(list.ordered, forKey: .ordered)
            if list.ordered { try c.encode(list.number(ofItem: 0), forKey: .start) }
            try c.encode(list.tight, forKey: .tight)
            try c.encode(list.items, forKey: .items)
        case .quote(let blocks):
            try c.encode("quote", forKey: .type)
            try c.encode(blocks, forKey: .blocks)
        case .figure(let f):
            try c.encode("figure", forKey: .type)
            try c.encode(f.image, forKey: .image)
            try c.encode(f.caption, forKey: .caption)
            try c.encode(f.credit, forKey: .credit)
        case .code(let language, let text):
            try c.encode("code", forKey: .type)
            try c.encode(language, forKey: .language)
            try c.encode(text, forKey: .text)
        case .rule:
            try c.encode("rule", forKey: .type)
        case .table(let t):
            try c.encode("table", forKey: .type)
            try c.encode(t.alignments, forKey: .align)
            try c.encode(t.header, forKey: .header)
            try c.encode(t.rows, forKey: .rows)
        case .html(let html):
            try c.encode("html", forKey: .type)
            try c.encode(html, forKey: .html)
        }
    }
}

extension ListItem: Codable {
    private enum CodingKeys: String, CodingKey { case blocks, checked }

    /// Decodes a `ListItem` from its ArticleKit JSON form (`Resources/article.schema.json`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        blocks = try c.decodeIfPresent([Block].self, forKey: .blocks) ?? []
        checked = try c.decodeIfPresent(Bool.self, forKey: .checked)
    }

    /// Encodes the value in its ArticleKit JSON form (`Resources/article.schema.json`).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(blocks, forKey: .blocks)
        if let checked { try c.encode(checked, forKey: .checked) }
    }
}

extension ImageReference: Codable {
    private enum CodingKeys: String, CodingKey { case src, alt, title }

    /// Decodes an `ImageReference` from its ArticleKit JSON form (`Resources/article.schema.json`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        source = try c.decode(String.self, forKey: .src)
        alt = try c.decodeIfPresent(String.self, forKey: .alt) ?? ""
        title = try c.decodeIfPresent(String.self, forKey: .title)
    }

    /// Encodes the value in its ArticleKit JSON form (`Resources/article.schema.json`).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .src)
        try c.encode(alt, forKey: .alt)
        if let title { try c.encode(title, forKey: .title) }
    }
}

extension TableCell: Codable {
    private enum CodingKeys: String, CodingKey { case content }

    /// Decodes a `TableCell` from its ArticleKit JSON form (`Resources/article.schema.json`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        content = try c.decodeIfPresent([Inline].self, forKey: .content) ?? []
    }

    /// Encodes the value in its ArticleKit JSON form (`Resources/article.schema.json`).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(content, forKey: .content)
    }
}

extension Inline: Codable {
    private enum CodingKeys: String, CodingKey { case type, text, content, url, title, src, alt, html }

    /// Decodes an `Inline` from its ArticleKit JSON form (`Resources/article.schema.json`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        func content() throws -> [Inline] { try c.decodeIfPresent([Inline].self, forKey: .content) ?? [] }
        switch type {
        case "text": self = .text(try c.decode(String.self, forKey: .text))
        case "emphasis": self = .emphasis(try content())
        case "strong": self = .strong(try content())
        case "strikethrough": self = .strikethrough(try content())
        case "code": self = .code(try c.decode(String.self, forKey: .text))
        case "link":
            self = .link(url: try c.decode(String.self, forKey: .url),
                         title: try c.decodeIfPresent(String.self, forKey: .title), content: try content())
        case "image":
            self = .image(ImageReference(source: try c.decode(String.self, forKey: .src),
                                         alt: try c.decodeIfPresent(String.self, forKey: .alt) ?? "",
                                         title: try c.decodeIfPresent(String.self, forKey: .title)))
        case "lineBreak": self = .lineBreak
        case "softBreak": self = .softBreak
        case "html": self = .html(try c.decode(String.self, forKey: .html))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown inline type \"\(type)\"")
        }
    }

    /// Encodes the value in its ArticleKit JSON form (`Resources/article.schema.json`).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let s): try c.encode("text", forKey: .type); try c.encode(s, forKey: .text)
        case .emphasis(let x): try c.encode("emphasis", forKey: .type); try c.encode(x, forKey: .content)
        case .strong(let x): try c.encode("strong", forKey: .type); try c.encode(x, forKey: .content)
        case .strikethrough(let x): try c.encode("strikethrough", forKey: .type); try c.encode(x, forKey: .content)
        case .code(let s): try c.encode("code", forKey: .type); try c.encode(s, forKey: .text)
        case .link(let url, let title, let content):
            try c.encode("link", forKey: .type)
            try c.encode(url, forKey: .url)
            if let title { try c.encode(title, forKey: .title) }
            try c.encode(content, forKey: .content)
        case .image(let ref):
            try c.encode("image", forKey: .type)
            try c.encode(ref.source, forKey: .src)
            try c.encode(ref.alt, forKey: .alt)
            if let title = ref.title { try c.encode(title, forKey: .title) }
        case .lineBreak: try c.encode("lineBreak", forKey: .type)
        case .softBreak: try c.encode("softBreak", forKey: .type)
        case .html(let s): try c.encode("html", forKey: .type); try c.encode(s, forKey: .html)
        }
    }
}
