/// Cuts a large Markdown document into pieces that cmark-gfm can parse one at a time, so that
/// the parser's tree (about twenty bytes per byte of markup-dense input) is never held for the
/// whole file at once.
///
/// It is not a Markdown parser: it only finds lines where a cut cannot change how cmark reads
/// the document, and is conservative everywhere else. A cut goes before a line that follows a
/// blank line and starts at column 0 with a letter or `#`: such a line ends every open list,
/// quote and indented code block and cannot continue a paragraph. It never cuts inside a fenced
/// code block or an HTML block that runs to an end marker (`<!--`, `<pre`, `<script>`, …), and
/// a document that may hold link reference definitions (any `]:`) is not cut at all, since a
/// reference may be used anywhere.
enum MarkdownChunker {
    /// The size a piece grows to before the next safe cut is taken.
    static let pieceSize = 1 << 20

    /// The pieces of `text`, each with the number of lines before it.
    static func pieces(_ text: Substring, pieceSize: Int = pieceSize) -> [(text: Substring, lineOffset: Int)] {
        let utf8 = text.utf8
        guard utf8.count > 2 * pieceSize, !containsReferenceMarker(utf8) else { return [(text, 0)] }
        var pieces: [(text: Substring, lineOffset: Int)] = []
        var pieceStart = utf8.startIndex
        var pieceLine = 0
        var line = 0
        var previousBlank = false
        var fence: (char: UInt8, length: Int)?
        var htmlEnd: [UInt8]?
        var i = utf8.startIndex
        while i < utf8.endIndex {
            var end = i
            while end < utf8.endIndex, utf8[end] != 0x0A { end = utf8.index(after: end) }
            let bytes = utf8[i..<end]
            let blank = bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if let f = fence {
                if closesFence(bytes, f) { fence = nil }
            } else if let marker = htmlEnd {
                if contains(bytes, marker) { htmlEnd = nil }
            } else {
                if previousBlank, let first = bytes.first, isCutStart(first),
                   utf8.distance(from: pieceStart, to: i) >= pieceSize {
                    pieces.append((text[pieceStart..<i], pieceLine))
                    pieceStart = i
                    pieceLine = line
                }
                fence = opensFence(bytes)
                if fence == nil, let marker = htmlBlockEnd(bytes), !contains(bytes.dropFirst(), marker) { htmlEnd = marker }
            }
            previousBlank = blank
            line += 1
            i = end < utf8.endIndex ? utf8.index(after: end) : end
        }
        pieces.append((text[pieceStart...], pieceLine))
        return pieces
    }

    private static func isCutStart(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == UInt8(ascii: "#")
    }

    private static func containsReferenceMarker(_ utf8: Substring.UTF8View) -> Bool {
        var previous: UInt8 = 0
        for c in utf8 {
            if previous == UInt8(ascii: "]") && c == UInt8(ascii: ":") { return true }
            previous = c
        }
        return false
    }

    /// Up to three spaces, then three or more backticks or tildes.
    private static func opensFence(_ line: Substring.UTF8View.SubSequence) -> (char: UInt8, length: Int)? {
        let rest = line.drop { $0 == 0x20 }
        guard line.count - rest.count <= 3, let c = rest.first, c == UInt8(ascii: "`") || c == UInt8(ascii: "~") else { return nil }
        let run = rest.prefix { $0 == c }.count
        return run >= 3 ? (c, run) : nil
    }

    private static func closesFence(_ line: Substring.UTF8View.SubSequence, _ fence: (char: UInt8, length: Int)) -> Bool {
        let rest = line.drop { $0 == 0x20 }
        let run = rest.prefix { $0 == fence.char }.count
        return line.count - rest.count <= 3 && run >= fence.length
            && rest.dropFirst(run).allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// The end marker of an HTML block that may run over blank lines (CommonMark types 1 to 5).
    private static func htmlBlockEnd(_ line: Substring.UTF8View.SubSequence) -> [UInt8]? {
        let rest = line.drop { $0 == 0x20 }
        guard line.count - rest.count <= 3, rest.first == UInt8(ascii: "<") else { return nil }
        let lower = String(decoding: rest.prefix(12), as: UTF8.self).lowercased()
        for tag in ["script", "pre", "style", "textarea"] where lower.hasPrefix("<" + tag) {
            return Array("</\(tag)>".utf8)
        }
        if lower.hasPrefix("<!--") { return Array("-->".utf8) }
        if lower.hasPrefix("<?") { return Array("?>".utf8) }
        if lower.hasPrefix("<![cdata[") { return Array("]]>".utf8) }
        if lower.hasPrefix("<!") { return Array(">".utf8) }
        return nil
    }

    private static func contains(_ line: Substring.UTF8View.SubSequence, _ marker: [UInt8]) -> Bool {
        guard !marker.isEmpty, line.count >= marker.count else { return false }
        let bytes = Array(line)
        if marker.count == 1 { return bytes.contains(marker[0]) }
        // End markers of script/pre/style/textarea are case-insensitive.
        let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        for start in 0...(lowered.count - marker.count) where lowered[start..<start + marker.count].elementsEqual(marker) {
            return true
        }
        return false
    }
}
