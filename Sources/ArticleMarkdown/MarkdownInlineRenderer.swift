import ArticleCore

/// Writes inlines as CommonMark that parses back to the same inlines.
///
/// Emphasis, strong emphasis and strikethrough pick a delimiter (`*`, `_`, `~~`) only where
/// CommonMark's flanking rules let it open and close at that spot and it cannot merge with a
/// neighbouring run; where none can, the raw HTML tag (`<em>`, `<strong>`, `<del>`) is written,
/// which renders the same.
struct MarkdownInlineRenderer {
    typealias CharClass = MarkdownEscaping.CharClass

    /// How boldly delimiters are chosen. The block writer tries the modes in order and keeps the
    /// first whose output cmark reads back as the same inlines.
    enum DelimiterMode: CaseIterable {
        /// Lets runs of the same character touch (`*foo**bar***`, `***bar***`), judging flanking
        /// by the text inside nested runs, as CommonMark does for a merged run.
        case relaxed
        /// Never lets two runs of the same character touch.
        case strict
        /// As strict, and uses delimiters only around content that starts and ends with a letter
        /// or digit (the common `*word*`); other spans get their HTML tag.
        case cautious
        /// Writes every emphasis, strong emphasis and strikethrough as its HTML tag: it renders
        /// the same, though it reads back as raw HTML. The last resort.
        case tags
    }

    /// The delimiter mode.
    var mode: DelimiterMode = .relaxed

    /// Records, node by node in document order, whether each emphasis, strong emphasis and
    /// strikethrough was written as its HTML tag, so the check knows what to expect back.
    final class TagLog {
        var tagged: [Bool] = []
    }

    /// Where to record tag choices, if anywhere.
    var tagLog: TagLog?

    /// The delimiter characters of the spans being written around the current one: in strict
    /// mode a nested span does not reuse them, since a run between two words could close the
    /// outer span early.
    private var enclosing: [Unicode.Scalar] = []

    /// Inside a GFM table cell: `|` is escaped everywhere and breaks cannot be lines.
    var inTable = false
    /// Inside a one-line construct (an ATX heading): soft breaks become spaces.
    var singleLine = false

    /// Appends `inlines` to `out`. `follow` is the class of what comes after them, and
    /// `followScalar` the delimiter character that closes around them, if any.
    func render(_ inlines: [Inline], into out: inout String, follow: CharClass, followScalar: Unicode.Scalar? = nil) {
        for (i, inline) in inlines.enumerated() {
            let next: Inline? = i + 1 < inlines.count ? inlines[i + 1] : nil
            let nextClass = next.map { Self.firstClass([$0], follow: follow) } ?? follow
            let nextScalar = next == nil ? followScalar : nil
            switch inline {
            case .text(let s):
                var isLink = false
                if case .link? = next { isLink = true }
                MarkdownEscaping.appendText(s, to: &out, atLineStart: Self.atLineStart(out), beforeLink: isLink)
                if next == nil && follow == .whitespace && followScalar == nil { MarkdownEscaping.protectTrailingSpace(&out) }
            case .softBreak:
                // A second line ending in a row would end the paragraph; it is dropped.
                if i > 0, case .softBreak = inlines[i - 1] { break }
                if i > 0, case .lineBreak = inlines[i - 1], !(inTable || singleLine) { break }
                MarkdownEscaping.protectTrailingSpace(&out)
                out += lineEnding
            case .lineBreak:
                if next == nil && followScalar == nil { break }  // a break ending a block is not kept by Markdown
                if inTable || singleLine { out += "<br />" } else { out += "\\\n" }
            case .code(let c):
                if i > 0, case .code = inlines[i - 1] {
                    // Two code spans side by side would run their backticks together.
                    out += "<code>" + Self.escapeHTML(c) + "</code>"
                } else {
                    out += MarkdownEscaping.codeSpan(c, inTable: inTable)
                }
            case .html(let h):
                out += inTable ? h.replacingOccurrences(of: "|", with: "\\|") : (singleLine ? h.replacingNewlines() : h)
            case .emphasis(let c):
                delimited(c, candidates: ["*", "_"], tag: "em", into: &out, next: nextClass, nextScalar: nextScalar)
            case .strong(let c):
                delimited(c, candidates: ["**", "__"], tag: "strong", into: &out, next: nextClass, nextScalar: nextScalar)
            case .strikethrough(let c):
                delimited(c, candidates: ["~~"], tag: "del", into: &out, next: nextClass, nextScalar: nextScalar)
            case .link(let url, let title, let content):
                link(url: url, title: title, content: content, into: &out)
            case .image(let ref):
                out += "!["
                MarkdownEscaping.appendText(ref.alt.replacingNewlines(), to: &out, atLineStart: false)
                out += "](" + MarkdownEscaping.destination(ref.source)
                if let t = ref.title { out += " " + MarkdownEscaping.title(t) }
                out += ")"
            }
        }
    }

    static func escapeHTML(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "|": out += "&#124;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    private var lineEnding: String { inTable || singleLine ? " " : "\n" }

    private func link(url: String, title: String?, content: [Inline], into out: inout String) {
        if title == nil, case .text(let t)? = content.first, content.count == 1 {
            if t == url, MarkdownEscaping.isAutolinkURI(url) {
                out += "<" + url + ">"
                return
            }
            if url == "mailto:" + t, MarkdownEscaping.isAutolinkEmail(t) {
                // `<address>` is a link in every CommonMark reader; a bare address only in GFM.
                out += "<" + t + ">"
                return
            }
            if url == "http://" + t, t.hasPrefix("www."), !t.contains(where: { "\\`*_[]<~|&".contains($0) }) {
                out += t  // a GFM extended autolink, written as it was found
                return
            }
        }
        out += "["
        render(content, into: &out, follow: .punctuation, followScalar: "]")
        out += "](" + MarkdownEscaping.destination(url)
        if let title { out += " " + MarkdownEscaping.title(title) }
        out += ")"
    }

    private func delimited(_ children: [Inline], candidates: [String], tag: String, into out: inout String,
                           next: CharClass, nextScalar: Unicode.Scalar?) {
        let prevScalar = Self.atLineStart(out) ? nil : out.unicodeScalars.last
        let prev = MarkdownEscaping.classify(prevScalar)
        let relaxed = mode == .relaxed
        let first = Self.firstClass(children, follow: .punctuation, throughDelimiters: relaxed)
        let last = Self.lastClass(children, throughDelimiters: relaxed)
        let plainEdges = first == .other && last == .other
        if mode != .tags && (mode != .cautious || plainEdges) && !children.isEmpty && !Self.startsOrEndsWithEmptyText(children) {
            // A span holding spans is better off with `_`, which leaves `*` (the delimiter that
            // works inside words) to the spans within.
            let holdsSpans = children.contains { if case .emphasis = $0 { return true }; if case .strong = $0 { return true }; return false }
            let ordered = !relaxed && holdsSpans && candidates.count == 2 ? candidates.reversed() : candidates
            for delimiter in ordered {
                guard let c = delimiter.unicodeScalars.first,
                      relaxed || (prevScalar != c && nextScalar != c && !enclosing.contains(c)) else { continue }
                // Left-flanking opener, right-flanking closer (CommonMark 6.2).
                guard first != .whitespace, first != .punctuation || prev != .other else { continue }
                guard last != .whitespace, last != .punctuation || next != .other else { continue }
                // `_` may not open or close inside a word.
                if c == "_" && (prev == .other || next == .other) { continue }
                tagLog?.tagged.append(false)
                out += delimiter
                var inner = self
                inner.enclosing.append(c)
                inner.render(children, into: &out, follow: .punctuation, followScalar: c)
                out += delimiter
                return
            }
        }
        tagLog?.tagged.append(true)
        out += "<\(tag)>"
        render(children, into: &out, follow: .punctuation, followScalar: ">")
        out += "</\(tag)>"
    }

    private static func startsOrEndsWithEmptyText(_ inlines: [Inline]) -> Bool {
        if case .text("")? = inlines.first { return true }
        if case .text("")? = inlines.last { return true }
        return false
    }

    static func atLineStart(_ out: String) -> Bool {
        out.isEmpty || out.utf8.last == 0x0A
    }

    /// The class of the first character the inlines are written with.
    static func firstClass(_ inlines: [Inline], follow: CharClass, throughDelimiters: Bool = false) -> CharClass {
        for inline in inlines {
            switch inline {
            case .emphasis(let c), .strong(let c), .strikethrough(let c):
                // A run that opens right where another opens merges with it: what counts is
                // the character after both.
                return throughDelimiters ? firstClass(c, follow: .punctuation, throughDelimiters: true) : .punctuation
            case .text(let s):
                if let c = s.unicodeScalars.first { return c == "\n" || c == "\r" ? .punctuation : MarkdownEscaping.classify(c) }
            case .softBreak: return .whitespace
            case .html(let h): if !h.isEmpty { return .punctuation }
            case .link(let url, _, let content):
                // A bare GFM autolink starts with its text.
                if case .text(let t)? = content.first, content.count == 1, url == "http://" + t {
                    return MarkdownEscaping.classify(t.unicodeScalars.first)
                }
                return .punctuation
            default: return .punctuation
            }
        }
        return follow
    }

    /// The class of the last character the inlines are written with.
    static func lastClass(_ inlines: [Inline], throughDelimiters: Bool = false) -> CharClass {
        for inline in inlines.reversed() {
            switch inline {
            case .emphasis(let c), .strong(let c), .strikethrough(let c):
                return throughDelimiters ? lastClass(c, throughDelimiters: true) : .punctuation
            case .text(let s):
                if let c = s.unicodeScalars.last { return c == "\n" || c == "\r" ? .punctuation : MarkdownEscaping.classify(c) }
            case .softBreak, .lineBreak: return .whitespace
            case .html(let h): if !h.isEmpty { return .punctuation }
            case .link(let url, _, let content):
                if case .text(let t)? = content.first, content.count == 1, url == "http://" + t {
                    return MarkdownEscaping.classify(t.unicodeScalars.last)
                }
                return .punctuation
            default: return .punctuation
            }
        }
        return .punctuation
    }
}
