/// A block of an article's body. The set is closed: every writer handles every case, so a new
/// kind of block is a compile error in each writer until it is rendered.
public indirect enum Block: Hashable, Sendable {
    /// A paragraph of running text.
    case paragraph([Inline])
    /// A heading; `level` runs from 1 (most important) to 6.
    case heading(level: Int, content: [Inline])
    /// A bulleted or numbered list.
    case list(ListBlock)
    /// A block quotation.
    case quote([Block])
    /// An image with its caption and credit.
    case figure(Figure)
    /// Preformatted code, with an optional language name (`swift`).
    case code(language: String?, text: String)
    /// A thematic break.
    case rule
    /// A table.
    case table(Table)
    /// Raw HTML kept from a source that allows it (Markdown). Only HTML-like writers emit it.
    case html(String)
}

/// A list: its items, whether they are numbered, and where numbering starts.
public struct ListBlock: Hashable, Sendable {
    /// `true` for a numbered list.
    public var ordered: Bool
    /// The number of the first item of an ordered list.
    public var start: Int
    /// `true` when the items are not separated by blank lines (Markdown's tight lists).
    public var tight: Bool
    /// The items, each a sequence of blocks.
    public var items: [ListItem]

    /// Creates a list.
    public init(ordered: Bool, start: Int = 1, tight: Bool = true, items: [ListItem]) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
        self.items = items
    }

    /// The list starts readers keep: numbers a document supplies outside this range are clamped
    /// into it (the JSON reader refuses them), so that numbering items never overflows.
    public static let startRange: ClosedRange<Int> = -1_000_000_000...1_000_000_000

    /// The number of the item at `index` (from 0), saturating: a start outside ``startRange``
    /// (a list built in code) counts from the nearest end of the range, so any list can be
    /// numbered without overflow.
    public func number(ofItem index: Int) -> Int {
        let first = min(max(start, Self.startRange.lowerBound), Self.startRange.upperBound)
        return first + min(max(index, 0), Int(Int32.max))
    }
}

/// One item of a list.
public struct ListItem: Hashable, Sendable {
    /// The content of the item; nested lists are blocks here.
    public var blocks: [Block]
    /// For task lists: `true` when ticked, `false` when not, `nil` for an ordinary item.
    public var checked: Bool?

    /// Creates an item.
    public init(blocks: [Block], checked: Bool? = nil) {
        self.blocks = blocks
        self.checked = checked
    }
}

/// An image, its caption and the credit for it (`Photo: NAME`), kept apart.
public struct Figure: Hashable, Sendable {
    /// The image, if the source had one; a figure can be a caption alone when the image is gone.
    public var image: ImageReference?
    /// The caption, without the credit.
    public var caption: [Inline]
    /// The photographer or agency, without its label (`Thanh Le`, not `Photo: Thanh Le`).
    public var credit: String?

    /// Creates a figure.
    public init(image: ImageReference? = nil, caption: [Inline] = [], credit: String? = nil) {
        self.image = image
        self.caption = caption
        self.credit = credit
    }
}

/// Where an image is and how to describe it to someone who cannot see it.
public struct ImageReference: Hashable, Sendable {
    /// A URL, a path relative to the input, or the path of one of the article's resources.
    public var source: String
    /// Alternative text.
    public var alt: String
    /// An optional title.
    public var title: String?

    /// Creates an image reference.
    public init(source: String, alt: String = "", title: String? = nil) {
        self.source = source
        self.alt = alt
        self.title = title
    }
}

/// A table: an optional header row, body rows, and column alignments.
public struct Table: Hashable, Sendable {
    /// How a column's cells are aligned.
    public enum Alignment: String, Hashable, Sendable, Codable {
        /// No alignment given: the reader's default.
        case none
        /// Aligned to the left.
        case left
        /// Centred.
        case center
        /// Aligned to the right.
        case right
    }
    /// One alignment per column (may be empty when unknown).
    public var alignments: [Alignment]
    /// The header cells, or empty when the table has no header row.
    public var header: [TableCell]
    /// The body rows.
    public var rows: [[TableCell]]

    /// Creates a table.
    public init(alignments: [Alignment] = [], header: [TableCell] = [], rows: [[TableCell]] = []) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}

/// One cell of a table.
public struct TableCell: Hashable, Sendable {
    /// The cell's text.
    public var content: [Inline]

    /// Creates a cell.
    public init(_ content: [Inline]) {
        self.content = content
    }
}
