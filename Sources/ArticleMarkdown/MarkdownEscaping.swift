/// The character rules the Markdown writer needs: CommonMark's classes of characters for
/// emphasis delimiters, and escaping that makes text render as the same text.
enum MarkdownEscaping {
    /// How CommonMark classifies the character on each side of a delimiter run.
    enum CharClass {
        case whitespace, punctuation, other
    }

    /// The class of `scalar`; `nil` (the start or end of a line) counts as whitespace.
    static func classify(_ scalar: Unicode.Scalar?) -> CharClass {
        guard let s = scalar else { return .whitespace }
        switch s.value {
        case 9, 10, 12, 13, 32: return .whitespace
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return .punctuation
        case 0..<0x80: return .other
        default: break
        }
        switch s.properties.generalCategory {
        case .spaceSeparator: return .whitespace
        case .connectorPunctuation, .dashPunctuation, .closePunctuation, .finalPunctuation,
             .initialPunctuation, .otherPunctuation, .openPunctuation:
            return .punctuation
        default: return .other
        }
    }

    static func isASCIIPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    private static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return false
        }
    }

    /// Bytes that may need a backslash or a reference wherever they are in text.
    private static let special: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for c in "\\`*_[]<~|&!\n\r:".utf8 { t[Int(c)] = true }
        return t
    }()

    /// Whether any byte of `text` may need escaping (including a `ww.` that may start `www.`).
    private static func needsEscaping(_ text: String) -> Bool {
        var w = 0
        for c in text.utf8 {
            if special[Int(c)] { return true }
            if c | 0x20 == UInt8(ascii: "w") { w += 1 } else if c == UInt8(ascii: ".") && w >= 3 { return true } else { w = 0 }
        }
        return false
    }

    /// Appends `text` so that it parses back as exactly this text: Markdown punctuation is
    /// backslash-escaped where it could mean something, block markers at the start of a line are
    /// neutralised, and a line-ending character in the text is written as a character reference.
    ///
    /// - Parameters:
    ///   - atLineStart: whether `out` is at the start of a line of the block.
    ///   - beforeLink: whether a link follows, so that a final `!` must not make it an image.
    ///   - extra: a further ASCII character to escape (`"` in a link title).
    static func appendText(_ text: String, to out: inout String, atLineStart: Bool, beforeLink: Bool = false,
                           extra: UInt8? = nil) {
        // Most text needs nothing: append it whole.
        if !atLineStart && extra == nil && !needsEscaping(text) {
            out += text
            return
        }
        let bytes = Array(text.utf8)
        var runStart = 0
        func flush(_ end: Int) {
            if end > runStart { out += String(decoding: bytes[runStart..<end], as: UTF8.self) }
        }
        var i = 0
        if atLineStart, let c = bytes.first {
            var prefix: String?
            var skip = 0
            switch c {
            case UInt8(ascii: " "): prefix = "&#32;"; skip = 1  // leading spaces are dropped (or start code)
            case UInt8(ascii: "\t"): prefix = "&#9;"; skip = 1
            case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="):
                prefix = "\\"
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // `1.` or `1)` at the start of a line would begin an ordered list.
                var j = 0
                while j < bytes.count, j < 10, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j]) { j += 1 }
                let marker = j < bytes.count && (bytes[j] == UInt8(ascii: ".") || bytes[j] == UInt8(ascii: ")"))
                // Only a marker followed by a space, a tab or the line's end starts a list (`6.2` does not).
                if marker, j + 1 == bytes.count || bytes[j + 1] == UInt8(ascii: " ") || bytes[j + 1] == UInt8(ascii: "\t") {
                    out += String(decoding: bytes[0..<j], as: UTF8.self) + "\\"
                    runStart = j
                    i = j + 1
                }
            default: break
            }
            if let prefix { out += prefix; runStart = skip; i = 1 }
        }
        while i < bytes.count {
            let c = bytes[i]
            guard special[Int(c)] || c == extra || c | 0x20 == UInt8(ascii: "w") else { i += 1; continue }
            switch c {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                // A line ending inside text (from `&#10;`, or JSON) stays a character.
                flush(i)
                out += c == UInt8(ascii: "\n") ? "&#10;" : "&#13;"
                runStart = i + 1
            case UInt8(ascii: "&"):
                if looksLikeReference(bytes, at: i) { flush(i); out += "\\"; runStart = i }
            case UInt8(ascii: "!"):
                if i + 1 == bytes.count && beforeLink { flush(i); out += "\\"; runStart = i }
            case UInt8(ascii: ":"), UInt8(ascii: "w"), UInt8(ascii: "W"):
                // Text that GFM would turn into a link by itself (`http://…`, `www.…`) is broken
                // up so that it stays text. (An e-mail address cannot be: GFM joins the pieces
                // of text again before it looks for addresses.)
                if startsGFMAutolink(bytes, at: i) {
                    flush(i)
                    if c == UInt8(ascii: "w") || c == UInt8(ascii: "W") {
                        out += c == UInt8(ascii: "w") ? "&#119;" : "&#87;"
                        runStart = i + 1
                    } else {
                        out += "\\"
                        runStart = i
                    }
                }
            default:
                flush(i); out += "\\"; runStart = i
            }
            i += 1
        }
        flush(bytes.count)
    }

    /// Whether the byte at `i` is where the GFM autolink extension would start a link: the `:`
    /// of `scheme://`, the first `w` of `www.` at the start of a word.
    static func startsGFMAutolink(_ bytes: [UInt8], at i: Int) -> Bool {
        func alnum(_ j: Int) -> Bool { j >= 0 && j < bytes.count && isAlphanumeric(Unicode.Scalar(bytes[j])) }
        switch bytes[i] {
        case UInt8(ascii: ":"):
            return i + 2 < bytes.count && bytes[i + 1] == UInt8(ascii: "/") && bytes[i + 2] == UInt8(ascii: "/") && alnum(i - 1)
        default:
            guard i + 3 < bytes.count, bytes[i + 1] | 0x20 == UInt8(ascii: "w"), bytes[i + 2] | 0x20 == UInt8(ascii: "w"),
                  bytes[i + 3] == UInt8(ascii: ".") else { return false }
            return i == 0 || !alnum(i - 1)
        }
    }

    /// Whether the `&` at `i` starts something the parser could take for a character reference
    /// (`&amp;`, `&#42;`): `&#`, or `&` and letters or digits up to a `;`. `AT&T` is left alone.
    static func looksLikeReference(_ bytes: [UInt8], at i: Int) -> Bool {
        guard i + 1 < bytes.count else { return false }
        if bytes[i + 1] == UInt8(ascii: "#") { return true }
        var j = i + 1
        while j < bytes.count, j - i <= 32, isAlphanumeric(Unicode.Scalar(bytes[j])) { j += 1 }
        return j > i + 1 && j < bytes.count && bytes[j] == UInt8(ascii: ";")
    }

    /// Replaces a space or tab ending `out` by its character reference: the parser drops
    /// whitespace at the end of a line, and two spaces there would make a hard line break.
    static func protectTrailingSpace(_ out: inout String) {
        guard let last = out.unicodeScalars.last, last == " " || last == "\t" else { return }
        out.unicodeScalars.removeLast()
        out += last == " " ? "&#32;" : "&#9;"
    }

    /// A code span for `code`: a backtick run that does not occur inside, and padding where the
    /// content starts or ends with a backtick or with a space the parser would strip.
    static func codeSpan(_ code: String, inTable: Bool) -> String {
        var content = code.replacingNewlines()
        if content.isEmpty { return "<code></code>" }
        if inTable { content = content.replacingOccurrences(of: "|", with: "\\|") }
        var runs = Set<Int>()
        var run = 0
        for c in content.unicodeScalars {
            if c == "`" { run += 1 } else if run > 0 { runs.insert(run); run = 0 }
        }
        if run > 0 { runs.insert(run) }
        var n = 1
        while runs.contains(n) { n += 1 }
        let fence = String(repeating: "`", count: n)
        let allSpaces = content.unicodeScalars.allSatisfy { $0 == " " }
        let pad = content.hasPrefix("`") || content.hasSuffix("`")
            || (!allSpaces && content.hasPrefix(" ") && content.hasSuffix(" "))
        return pad ? fence + " " + content + " " + fence : fence + content + fence
    }

    /// A link destination: bare when it can be, else in angle brackets.
    static func destination(_ url: String) -> String {
        var out = ""
        let angle = url.isEmpty || url.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F }
        for c in url.unicodeScalars {
            switch c {
            case "\n": out += "%0A"
            case "\r": out += "%0D"
            case "\\", "<", ">": out += "\\"; out.unicodeScalars.append(c)
            case "(", ")": if !angle { out += "\\" }; out.unicodeScalars.append(c)
            case "&": out += "\\&"
            case " " where !angle: out += "%20"
            default: out.unicodeScalars.append(c)
            }
        }
        return angle ? "<" + out + ">" : out
    }

    /// A link title in double quotes.
    static func title(_ title: String) -> String {
        var out = "\""
        appendText(title, to: &out, atLineStart: false, extra: UInt8(ascii: "\""))
        return out + "\""
    }

    /// Whether `url` is an absolute URI that CommonMark writes as an autolink `<url>`.
    static func isAutolinkURI(_ url: String) -> Bool {
        let s = Array(url.unicodeScalars)
        guard let colon = s.firstIndex(of: ":"), (2...32).contains(colon) else { return false }
        guard isAlphanumeric(s[0]), !("0"..."9").contains(s[0]) else { return false }
        for c in s[1..<colon] where !(isAlphanumeric(c) || c == "+" || c == "." || c == "-") { return false }
        for c in s[(colon + 1)...] where c.value <= 0x20 || c == "<" || c == ">" || c.value == 0x7F { return false }
        return true
    }

    /// Whether `address` is an e-mail address CommonMark writes as an autolink `<address>`.
    static func isAutolinkEmail(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        let localOK = parts[0].unicodeScalars.allSatisfy { isAlphanumeric($0) || ".!#$%&'*+/=?^_`{|}~-".unicodeScalars.contains($0) }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        let domainOK = labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" }
        }
        return localOK && domainOK
    }
}
