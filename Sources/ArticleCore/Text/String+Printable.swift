extension String {
    /// The string with everything a terminal would act on instead of showing made visible, for
    /// messages: C0 and C1 control characters (ESC, so no escape sequence from a document or a
    /// file name reaches the terminal; newlines, so a one-line error stays one line), DEL, the
    /// line and paragraph separators, and the bidirectional controls that reorder what is shown.
    /// Each becomes `\u{1B}`-style text (`\n`, `\r` and `\t` as such); the rest is unchanged.
    public var printable: String {
        guard unicodeScalars.contains(where: Self.needsEscape) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 8)
        for scalar in unicodeScalars {
            guard Self.needsEscape(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// A name given as bytes (a file name from the file system or the command line), for
    /// messages: valid UTF-8 as text, made `printable`, and each byte that is not UTF-8 as
    /// `\xE9`, so a Latin-1 name shows which byte is wrong instead of a replacement character.
    public init(printableBytes bytes: some Collection<UInt8>) {
        let b = Array(bytes)
        var out = ""
        var i = 0
        while i < b.count {
            let lead = b[i]
            let length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
            // One character at a time: the window is checked by the standard library, which
            // also refuses overlong forms and surrogates.
            if length > 0, i + length <= b.count, let character = String(validating: b[i..<(i + length)], as: UTF8.self) {
                out += character.printable
                i += length
            } else {
                out += "\\x" + (lead < 16 ? "0" : "") + String(lead, radix: 16, uppercase: true)
                i += 1
            }
        }
        self = out
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
