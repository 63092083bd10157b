/// A run of text inside a block.
public indirect enum Inline: Hashable, Sendable {
    /// Plain text.
    case text(String)
    /// Emphasis (usually italic).
    case emphasis([Inline])
    /// Strong emphasis (usually bold).
    case strong([Inline])
    /// Struck-out text.
    case strikethrough([Inline])
    /// Inline code.
    case code(String)
    /// A hyperlink.
    case link(url: String, title: String?, content: [Inline])
    /// An inline image.
    case image(ImageReference)
    /// A hard line break.
    case lineBreak
    /// A soft line break: a newline in the source that renders as a space.
    case softBreak
    /// Raw inline HTML kept from a source that allows it. Only HTML-like writers emit it.
    case html(String)
}

extension Array where Element == Inline {
    /// The text of these inlines with formatting dropped; breaks become spaces or newlines.
    public var plainText: String {
        var out = ""
        for inline in self { inline.appendPlainText(to: &out) }
        return out
    }
}

extension Inline {
    /// The text of this inline with formatting dropped.
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    func appendPlainText(to out: inout String) {
        switch self {
        case .text(let s), .code(let s): out += s
        case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c):
            for i in c { i.appendPlainText(to: &out) }
        case .image(let ref): out += ref.alt
        case .lineBreak: out += "\n"
        case .softBreak: out += " "
        case .html: break
        }
    }
}
