import ArticleCore

/// How a ``Figure`` is written in Markdown and recognised again when read.
///
/// Markdown has no figure, so ArticleKit uses a convention that renders well everywhere: the
/// image, then on the next line of the same paragraph the caption in emphasis and the credit
/// in parentheses after a `Photo:` label.
///
/// ```markdown
/// ![Farmers in the field](images/rice.jpg)
/// *Farmers harvest rice in Nghe An.* (Photo: Thanh Le)
/// ```
///
/// - A paragraph holding only an image is a figure with no caption (as in pandoc).
/// - A figure without an image is the caption line alone; it needs a credit to be recognised
///   (`*Caption* (Photo: NAME)`), since an emphasised line alone is ordinary text.
/// - `Ảnh:` and `Credit:` are read as labels too; the writer always writes `Photo:`.
enum MarkdownFigure {
    static let label = "Photo: "
    static let labels = ["Photo: ", "Ảnh: ", "Credit: "]

    /// The inlines of the paragraph that stands for `figure`.
    static func inlines(_ figure: Figure) -> [Inline] {
        var out: [Inline] = []
        if let image = figure.image { out.append(.image(image)) }
        let caption = figure.caption
        let credit = figure.credit.map { $0.replacingNewlines() }
        guard !caption.isEmpty || credit != nil else { return out }
        if !out.isEmpty { out.append(.softBreak) }
        if !caption.isEmpty { out.append(.emphasis(caption)) }
        if let credit {
            out.append(.text((caption.isEmpty ? "" : " ") + "(" + label + credit + ")"))
        }
        return out
    }

    /// `blocks` with every paragraph that follows the convention turned into a figure, in list
    /// items and block quotes too.
    static func figures(in blocks: [Block]) -> [Block] {
        blocks.map { block in
            switch block {
            case .paragraph(let content): return figure(content).map(Block.figure) ?? block
            case .quote(let inner): return .quote(figures(in: inner))
            case .list(var list):
                list.items = list.items.map { ListItem(blocks: figures(in: $0.blocks), checked: $0.checked) }
                return .list(list)
            default: return block
            }
        }
    }

    /// The figure a paragraph's inlines stand for, if they follow the convention.
    static func figure(_ content: [Inline]) -> Figure? {
        var rest = content[...]
        var image: ImageReference?
        if case .image(let ref)? = rest.first {
            image = ref
            rest = rest.dropFirst()
            if rest.isEmpty { return Figure(image: ref) }
            guard case .softBreak? = rest.first else { return nil }
            rest = rest.dropFirst()
        }
        var caption: [Inline] = []
        if case .emphasis(let c)? = rest.first {
            caption = c
            rest = rest.dropFirst()
        }
        var credit: String?
        if case .text(let t)? = rest.first, rest.count == 1 {
            guard let name = Self.credit(in: t, afterCaption: !caption.isEmpty) else { return nil }
            credit = name
            rest = rest.dropFirst()
        }
        guard rest.isEmpty, !caption.isEmpty || credit != nil else { return nil }
        // An emphasised line alone is ordinary text; without an image a figure needs its credit.
        if image == nil && credit == nil { return nil }
        return Figure(image: image, caption: caption, credit: credit)
    }

    private static func credit(in text: String, afterCaption: Bool) -> String? {
        var t = Substring(text)
        if afterCaption {
            guard t.first == " " else { return nil }
            t = t.dropFirst()
        }
        guard t.first == "(", t.last == ")" else { return nil }
        t = t.dropFirst().dropLast()
        for label in labels where t.hasPrefix(label) {
            let name = t.dropFirst(label.count)
            return name.isEmpty ? nil : String(name)
        }
        return nil
    }
}

extension String {
    /// The string with each line ending replaced by a space, for places a newline cannot go.
    func replacingNewlines() -> String {
        guard contains(where: \.isNewline) else { return self }
        return String(map { $0.isNewline ? " " : $0 })
    }
}
