/// The YAML front matter at the top of a Markdown file, split from the body.
///
/// Front matter is recognised only where a person meant it: the file's first line is `---`, a
/// later line is `---` or `...`, and the lines between start like a YAML mapping (`key: value`).
/// Anything else beginning with `---` (a thematic break, a setext heading) stays Markdown.
struct FrontMatter: Equatable {
    /// The YAML text between the fences.
    var yaml: String
    /// The Markdown after the closing fence.
    var body: Substring
    /// The number of lines the front matter and its fences take, so that line numbers in the
    /// body and in the YAML can be reported as lines of the file.
    var lineCount: Int

    /// Splits `text` into front matter and body, or returns `nil` when it has no front matter.
    static func split(_ text: String) -> FrontMatter? {
        var lines: [Substring] = []
        var index = text.startIndex
        // Only the opening fence and what follows up to the closing fence is looked at.
        guard let first = Self.line(in: text, from: &index), Self.isFence(first, closing: false) else { return nil }
        while let line = Self.line(in: text, from: &index) {
            if Self.isFence(line, closing: true) {
                guard Self.looksLikeMapping(lines) else { return nil }
                let yaml = lines.joined(separator: "\n")
                return FrontMatter(yaml: yaml, body: text[index...], lineCount: lines.count + 2)
            }
            lines.append(line)
        }
        return nil
    }

    /// The next line from `index` without its line ending; advances past the ending.
    private static func line(in text: String, from index: inout String.Index) -> Substring? {
        guard index < text.endIndex else { return nil }
        let utf8 = text.utf8
        var end = index
        while end < utf8.endIndex, utf8[end] != 0x0A, utf8[end] != 0x0D { end = utf8.index(after: end) }
        let line = text[index..<end]
        if end < utf8.endIndex {
            let wasCR = utf8[end] == 0x0D
            end = utf8.index(after: end)
            if wasCR, end < utf8.endIndex, utf8[end] == 0x0A { end = utf8.index(after: end) }
        }
        index = end
        return line
    }

    /// `---` (or `...` when closing) and nothing after it but spaces and tabs. One pass over the
    /// line's bytes: trimming a Substring one character at a time from the end took seconds on
    /// a line of 60,000 spaces.
    static func isFence(_ line: Substring, closing: Bool) -> Bool {
        let bytes = line.utf8
        guard bytes.count >= 3 else { return false }
        let head = bytes.prefix(3)
        guard head.elementsEqual("---".utf8) || (closing && head.elementsEqual("...".utf8)) else { return false }
        return bytes.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Whether the first meaningful line is `key:` or `key: value` (a YAML mapping).
    static func looksLikeMapping(_ lines: [Substring]) -> Bool {
        let meaningful = lines.lazy.map { $0.drop { $0 == " " } }.first { !$0.isEmpty && !$0.hasPrefix("#") }
        guard let line = meaningful.map(Array.init), let first = line.first else { return false }
        func isKeyColon(_ i: Int) -> Bool {
            line[i] == ":" && (i + 1 == line.count || line[i + 1] == " " || line[i + 1] == "\t")
        }
        if first == "\"" || first == "'" {
            guard let close = line.dropFirst().firstIndex(of: first) else { return false }
            var i = close + 1
            while i < line.count, line[i] == " " { i += 1 }
            return i < line.count && isKeyColon(i)
        }
        guard !"-[]{}>|!&*%@`#,?".contains(first) else { return false }
        for i in line.indices {
            if isKeyColon(i) { return true }
            if line[i] == "#", i > 0, line[i - 1] == " " { return false }
        }
        return false
    }
}
