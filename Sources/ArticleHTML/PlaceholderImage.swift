import ArticleSupport
import Foundation

/// What lazy-loading pages put where the image will be: the rules that tell a placeholder
/// from a picture, from the markup alone (nothing is fetched).
///
/// - an element drawn a few pixels wide or high (`width="1" height="1"`: spacers, tracking
///   pixels);
/// - a `data:` image of a few hundred bytes (transparent GIFs, blur-up previews, spinners) or
///   one whose GIF or PNG header says it is a few pixels;
/// - a file named only for what it is (`/spacer.gif`, `blank.png`, `lazy-placeholder.svg`,
///   `1x1.gif`, `loading.gif`);
/// - a URL template the script fills in (`…/${formatId}.jpg`, `…{width}…`).
enum PlaceholderImage {
    /// Sides this small (in pixels) are a placeholder's, not a picture's.
    static let tinySide = 4
    /// `data:` URLs up to this length are placeholders (a real photo is kilobytes).
    static let placeholderDataLength = 8_000

    /// Whether the element's `width` or `height` attribute draws it a few pixels at most.
    static func isTiny(_ element: XMLNode) -> Bool {
        for name in ["width", "height"] {
            if let v = pixels(element.attribute(name)), v <= tinySide { return true }
        }
        return false
    }

    /// A `width` or `height` attribute in pixels (`600`, `600px`), or `nil` (none, a
    /// percentage, not a number, too large).
    static func pixels(_ value: String?) -> Int? {
        guard var v = value?.trimmingWhitespace, !v.isEmpty else { return nil }
        if v.lowercased().hasSuffix("px") { v = String(v.dropLast(2)) }
        guard v.utf8.count <= 9 else { return nil }
        return Srcset.nonNegativeInteger(Substring(v))
    }

    /// Whether `url` is a template a script completes rather than an address.
    static func isTemplate(_ url: String) -> Bool {
        url.utf8.contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }
    }

    /// Whether a `data:` URL is a placeholder: short, or a GIF or PNG a few pixels in size.
    /// (An SVG one never passes ``/ArticleCore/URLSafety`` anyway.)
    static func isPlaceholderData(_ url: String) -> Bool {
        if url.utf8.count <= placeholderDataLength { return true }
        guard let comma = url.utf8.firstIndex(of: UInt8(ascii: ",")) else { return true }
        let header = url[..<comma].lowercased()
        guard header.hasSuffix(";base64") else { return false }
        // Enough of the payload for a GIF's logical screen or a PNG's IHDR.
        let payload = url[url.index(after: comma)...].prefix(32)
        guard let bytes = Data(base64Encoded: String(payload)) else { return false }
        return imageSide(bytes).map { $0 <= tinySide } ?? false
    }

    /// The smaller side of a GIF or PNG from its first bytes, or `nil` for another format.
    static func imageSide(_ data: Data) -> Int? {
        let b = [UInt8](data.prefix(24))
        if b.count >= 10, b[0] == 0x47, b[1] == 0x49, b[2] == 0x46 {
            let w = Int(b[6]) | Int(b[7]) << 8, h = Int(b[8]) | Int(b[9]) << 8
            return min(w, h)
        }
        if b.count >= 24, b[0] == 0x89, b[1] == 0x50, b[2] == 0x4E, b[3] == 0x47 {
            let w = b[16..<20].reduce(0) { $0 << 8 | Int($1) }, h = b[20..<24].reduce(0) { $0 << 8 | Int($1) }
            return min(w, h)
        }
        return nil
    }

    /// Words a placeholder file's name is made of.
    static let placeholderWords: Set<String> = [
        "spacer", "blank", "pixel", "transparent", "trans", "placeholder", "lazy", "lazyload", "loading", "loader",
        "spinner", "dummy", "empty", "clear", "grey", "gray", "white", "px", "img", "image", "default", "load", "bg",
    ]

    /// Whether the file `url` names is called nothing but placeholder words and sizes
    /// (`spacer.gif`, `1x1.png`, `lazy-placeholder-16x9.svg`), with at least one placeholder
    /// word or a 1×1 size: a photo's name says what it shows.
    static func isPlaceholderFile(_ url: String) -> Bool {
        if let answer = asciiPlaceholderFile(url) { return answer }
        var path = Substring(url)
        if let q = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<q] }
        let file = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path
        var name = file.lowercased()
        if let dot = name.lastIndex(of: ".") { name = String(name[..<dot]) }
        let words = name.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        return namesPlaceholder(words)
    }

    /// ``isPlaceholderFile(_:)`` on the UTF-8 bytes when the address is ASCII up to its query
    /// or fragment (and the `?` or `#` is followed by ASCII, so it is a Character of its own);
    /// `nil` otherwise. In ASCII, Characters are bytes (`\r\n` aside, which neither ends a path
    /// nor is a letter, as its two bytes are not), so the answer is the Character loop's. That
    /// loop walked every Character of every image address, `data:` URIs included: 87 M of
    /// 2,742 M instructions over 62 pages (callgrind).
    private static func asciiPlaceholderFile(_ url: String) -> Bool? {
        var url = url
        return url.withUTF8 { b -> Bool? in
            var end = 0
            while end < b.count {
                let c = b[end]
                if c >= 0x80 { return nil }
                if c == 0x3F || c == 0x23 {
                    if end + 1 == b.count || b[end + 1] < 0x80 { break }
                    return nil
                }
                end += 1
            }
            var start = end
            while start > 0, b[start - 1] != 0x2F { start -= 1 }
            var stop = end
            while stop > start, b[stop - 1] != 0x2E { stop -= 1 }
            if stop == start { stop = end } else { stop -= 1 }
            func isWordByte(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
            var words: [String] = []
            var i = start
            while i < stop {
                guard isWordByte(b[i]) else { i += 1; continue }
                var j = i
                while j < stop, isWordByte(b[j]) { j += 1 }
                guard words.count < 4 else { return false }
                words.append(String(unsafeUninitializedCapacity: j - i) { out in
                    for k in i..<j { out[k - i] = b[k] >= 65 && b[k] <= 90 ? b[k] + 32 : b[k] }
                    return j - i
                })
                i = j
            }
            return namesPlaceholder(words)
        }
    }

    /// Whether a file name's words (lower-cased) are all placeholder words and sizes, with at
    /// least one placeholder word or a 1×1 size, and no more than four.
    private static func namesPlaceholder(_ words: [String]) -> Bool {
        guard !words.isEmpty, words.count <= 4 else { return false }
        var named = false
        for w in words {
            if placeholderWords.contains(w) { named = named || !["px", "img", "image", "default", "load", "bg", "white"].contains(w); continue }
            if isSize(w) { named = named || w == "1x1"; continue }
            return false
        }
        return named
    }

    /// `16x9`, `1x1`, `300`: a size or ratio, not a word.
    private static func isSize(_ w: String) -> Bool {
        let parts = w.split(separator: "x", omittingEmptySubsequences: false)
        return parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    }
}
