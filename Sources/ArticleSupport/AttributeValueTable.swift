/// Attribute values the pre-parse took out of a page and gave libxml2 a short token for
/// instead: U+0001 and the value's number in base 62 (digits and letters). libxml2 reads an
/// attribute value one character at a time through two function calls each (about 100
/// instructions a byte), and the class names, addresses and `srcset` lists a reader keeps are
/// a quarter of a news page's bytes; a token costs it a few steps, and ``XMLNode`` reads the
/// value from here.
///
/// Only values libxml2 would keep byte for byte are taken: quoted, in a start tag read as the
/// pre-parse reads it, with no `&` (a reference libxml2 would decode), no CR and no NUL, on a
/// page with no U+0001 anywhere, so that no value libxml2 builds from the page itself can
/// start with the marker.
struct AttributeValueTable {
    /// The byte that starts a token.
    static let marker: UInt8 = 1
    /// A token's digits, base 62: three bytes number a page's first 238,328 values.
    static let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    /// The value of a token digit, or `nil` for any other byte.
    static func digitValue(_ b: UInt8) -> Int? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(b - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(b - UInt8(ascii: "A")) + 10
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(b - UInt8(ascii: "a")) + 36
        default: return nil
        }
    }

    /// Shorter values stay in the page: their token would save libxml2 little.
    static let minimumLength = 6

    /// The values, one after another.
    private(set) var bytes: [UInt8] = []
    /// Each value's bytes, by number.
    private(set) var ranges: [Range<Int>] = []

    /// Whether libxml2 would read `value` (the bytes between the quotes) unchanged.
    static func isVerbatim(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(value.baseAddress) else { return true }
        var i = 0
        // Eight bytes at a time: a word has a byte equal to b when (w ^ b…b) has a zero byte.
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= value.count {
            let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let amp = w ^ (ones &* 0x26), cr = w ^ (ones &* 0x0D)
            let zero = ((w &- ones) & ~w) | ((amp &- ones) & ~amp) | ((cr &- ones) & ~cr)
            if zero & highs != 0 { break }
            i += 8
        }
        while i < value.count {
            let b = value[i]
            if b == UInt8(ascii: "&") || b == 13 || b == 0 { return false }
            i += 1
        }
        return true
    }

    /// Keeps `value` and appends its token to `out`.
    mutating func take(_ value: UnsafeBufferPointer<UInt8>, token out: inout [UInt8]) {
        let number = ranges.count
        ranges.append(bytes.count..<(bytes.count + value.count))
        bytes.append(contentsOf: value)
        out.append(Self.marker)
        // The digits in order, highest first (reversing them in place copied the buffer).
        var divisor = 1
        while divisor <= number / 62 { divisor *= 62 }
        repeat {
            out.append(Self.digits[(number / divisor) % 62])
            divisor /= 62
        } while divisor > 0
    }

    /// Room for the values of a page of `pageBytes` bytes, so that the table grows rarely.
    mutating func reserve(forPage pageBytes: Int) {
        bytes.reserveCapacity(pageBytes / 4)
        ranges.reserveCapacity(pageBytes / 256)
    }

    /// Where in ``bytes`` the value a token (the attribute's text, from the marker to its NUL)
    /// stands for is; `nil` when the text is no token of this table. Not generic, and no
    /// closure: XMLNode's generic callers would pay for metadata look-ups on every attribute.
    func range(token: UnsafePointer<UInt8>) -> Range<Int>? {
        guard token[0] == Self.marker else { return nil }
        var number = 0
        var i = 1
        while i < 11, let d = Self.digitValue(token[i]) {
            number = number &* 62 &+ d
            i += 1
        }
        guard i > 1, token[i] == 0, number >= 0, number < ranges.count else { return nil }
        return ranges[number]
    }
}
