/// Keeps the element nesting libxml2 builds within a limit, by dropping start tags (and their
/// end tags) past it before the parse: the content stays, flattened into the deepest element
/// kept, instead of libxml2 stopping the whole page at 256 levels (without `HTML_PARSE_HUGE`)
/// or spending time that grows with the square of the depth on stray end tags (with it).
///
/// It follows libxml2's HTML parser closely enough to count as it does: void elements (its HTML
/// 4 list) and `<x/>` open nothing, the start tags that implicitly close an open `p`, `li`,
/// `dt`/`dd`, `option` or table part, and end tags that close the nearest open element of their
/// name unless an element of higher end priority (`div`, table parts, `body`) is in the way.
struct HTMLDepthLimiter {
    /// Elements nested deeper than this are flattened.
    let maximumDepth: Int
    /// Open elements, innermost last: a hash of the name, and whether its start tag was dropped.
    private var open: [(name: UInt64, dropped: Bool)] = []
    /// Start tags dropped so far.
    private(set) var dropped = 0
    private var keptDepth = 0

    init(maximumDepth: Int) {
        self.maximumDepth = maximumDepth
    }

    /// Whether the tag stays; `false` when it is to be removed from the page.
    mutating func admit(name: UInt64, isEnd: Bool, selfClosing: Bool) -> Bool {
        if isEnd { return close(name) }
        if Self.void[name] != nil || selfClosing || Self.rawText[name] != nil { return true }
        while let top = open.last, Self.closes(name, top.name) { pop() }
        let drop = keptDepth >= maximumDepth
        open.append((name, drop))
        if drop { dropped += 1 } else { keptDepth += 1 }
        return !drop
    }

    private mutating func pop() {
        if let last = open.popLast(), !last.dropped { keptDepth -= 1 }
    }

    private mutating func close(_ name: UInt64) -> Bool {
        let priority = Self.endPriority(name)
        // Bounded: past the kept depth plus a few dropped levels nothing is looked for, so a
        // flood of stray end tags costs a constant each.
        var i = open.count - 1
        let floor = max(open.count - maximumDepth - 16, 0)
        while i >= floor {
            if open[i].name == name {
                let wasDropped = open[i].dropped
                while open.count > i { pop() }
                return !wasDropped
            }
            if Self.endPriority(open[i].name) > priority { return true }
            i -= 1
        }
        return true
    }

    /// FNV-1a of the lower-cased name bytes.
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b >= 65 && b <= 90 ? b + 32 : b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    private static func set(_ names: [String]) -> NameHashes<Bool> { NameHashes(names.map { (hash(Array($0.utf8)), true) }) }

    static let void = set(["area", "base", "basefont", "br", "col", "frame", "hr", "img", "input", "isindex", "link", "meta", "param", "embed"])
    /// Elements whose contents are not markup, and the ones the pre-parse empties: never dropped.
    static let rawText = set(["script", "style", "title", "textarea", "template", "xmp", "plaintext"])
    private static let p = hash(Array("p".utf8)), li = hash(Array("li".utf8)), option = hash(Array("option".utf8)), tr = hash(Array("tr".utf8))
    private static let closesP = set(["p", "div", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
                                      "form", "address", "section", "article", "aside", "header", "footer", "nav", "main", "figure",
                                      "fieldset", "li", "dd", "dt", "menu", "dir", "center", "listing", "hr"])
    private static let definitions = set(["dt", "dd"]), options = set(["option", "optgroup"])
    private static let cells = set(["td", "th"]), sections = set(["thead", "tbody", "tfoot"])
    private static let priorities = NameHashes(
        [("div", 150), ("td", 160), ("th", 160), ("tr", 170), ("thead", 180), ("tbody", 180), ("tfoot", 180),
         ("table", 190), ("head", 200), ("body", 200), ("html", 220)].map { (hash(Array($0.0.utf8)), $0.1) })

    static func endPriority(_ name: UInt64) -> Int { priorities[name] ?? 100 }

    /// Whether a start tag `new` implicitly closes the open element `top`.
    static func closes(_ new: UInt64, _ top: UInt64) -> Bool {
        if top == p { return closesP[new] != nil }
        if top == li { return new == li }
        if definitions[top] != nil { return definitions[new] != nil }
        if top == option { return options[new] != nil }
        if cells[top] != nil { return cells[new] != nil || new == tr || sections[new] != nil }
        if top == tr { return new == tr || sections[new] != nil }
        if sections[top] != nil { return sections[new] != nil }
        return false
    }
}

