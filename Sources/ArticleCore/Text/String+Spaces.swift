extension String {
    /// The text without the white space at its two ends: what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` gives (the tab, the space separators of category
    /// Zs, and the zero-width space), without its round trip through NSString.
    ///
    /// Foundation's version copies the string into an NSString and back: 13,500 instructions a
    /// call by callgrind, 7% of reading a scraped article, where this walks the ends of the
    /// UTF-8 bytes. A test compares the two on every scalar.
    public func trimmingSpaces() -> String {
        let text = self[...]
        let range = text.rangeWithoutSpaces()
        return range == text.startIndex..<text.endIndex ? self : String(text[range])
    }
}

extension Substring {
    /// The text without the white space at its two ends, as `String.trimmingSpaces()`.
    public func trimmingSpaces() -> String { String(self[rangeWithoutSpaces()]) }

    /// The range left when the tabs and space separators at both ends are cut off.
    func rangeWithoutSpaces() -> Range<String.Index> {
        let u = utf8
        var start = u.startIndex, end = u.endIndex
        while start < end, let n = Self.spaceLength(u, at: start) { start = u.index(start, offsetBy: n) }
        while start < end, let n = Self.spaceLength(u, endingAt: end) { end = u.index(end, offsetBy: -n) }
        return start..<end
    }

    /// The byte length of the white space scalar at `i`, or `nil` when there is none there.
    private static func spaceLength(_ u: UTF8View, at i: String.Index) -> Int? {
        let b = u[i]
        if b == 0x20 || b == 0x09 { return 1 }
        guard b >= 0xC2 else { return nil }
        // Every non-ASCII space separator is two or three bytes: U+00A0, U+1680, U+2000–U+200A,
        // U+200B (Foundation counts the zero-width space, once of category Zs, among them),
        // U+202F, U+205F, U+3000.
        let length = b < 0xE0 ? 2 : 3
        guard let end = u.index(i, offsetBy: length, limitedBy: u.endIndex) else { return nil }
        return isSpaceSeparator(u[i..<end]) ? length : nil
    }

    /// The byte length of the white space scalar that ends just before `end`, or `nil`.
    private static func spaceLength(_ u: UTF8View, endingAt end: String.Index) -> Int? {
        let b = u[u.index(before: end)]
        if b == 0x20 || b == 0x09 { return 1 }
        guard b & 0xC0 == 0x80 else { return nil }
        for length in 2...3 {
            guard let first = u.index(end, offsetBy: -length, limitedBy: u.startIndex) else { return nil }
            if u[first] & 0xC0 != 0x80 { return isSpaceSeparator(u[first..<end]) ? length : nil }
        }
        return nil
    }

    /// Whether these bytes, one UTF-8 scalar of two or three bytes, are a space separator (Zs).
    private static func isSpaceSeparator(_ bytes: UTF8View.SubSequence) -> Bool {
        var v: UInt32 = 0
        for b in bytes { v = v << 6 | UInt32(b & 0x3F) }
        switch bytes.count {
        case 2: v &= 0x7FF
        case 3: v &= 0xFFFF
        default: return false
        }
        switch v {
        case 0x00A0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
