import Foundation

/// Tells a feed from other documents by its first bytes, whatever its name or `Content-Type`
/// says (servers send feeds as `text/html`, `text/plain` or `application/octet-stream`, and
/// pages as `application/rss+xml`).
///
/// - XML: the first element after the prolog (declaration, comments, processing instructions,
///   a doctype) is `rss`, `rdf:RDF` holding RSS 1.0, `feed` in the Atom namespace, or `opml`.
/// - JSON: an object whose `version` is a `https://jsonfeed.org/version/…` URL (checked in the
///   first 64 KiB; the full parse confirms it).
public enum FeedSniffer {
    /// How much of the document is looked at.
    static let window = 64 * 1024

    /// The dialect `data` is written in, or `nil` when it is not a feed.
    public static func kind(of data: Data) -> Feed.Kind? {
        let head = [UInt8](data.prefix(window))
        var i = skipBOMAndSpace(head, from: 0)
        guard i < head.count else { return nil }
        if head[i] == UInt8(ascii: "{") {
            // `https:\/\/jsonfeed.org\/version\/1.1` as encoders that escape slashes write it.
            return contains(head, "jsonfeed.org") ? .jsonFeed : nil
        }
        guard let root = rootElement(head, from: &i) else { return nil }
        let local = root.split(separator: ":").last.map(String.init) ?? root
        switch local.lowercased() {
        case "rss": return .rss
        case "rdf": return contains(head, "purl.org/rss/1.0") ? .rss : nil
        case "feed": return contains(head, "http://www.w3.org/2005/Atom") ? .atom : nil
        case "opml": return .opml
        default: return nil
        }
    }

    /// Whether the prolog declares entities (`<!ENTITY` in the doctype's internal subset).
    /// No feed needs one, and nested ones are the "billion laughs" bomb: such a document is
    /// refused before libxml2 sees it.
    public static func declaresEntities(_ data: Data) -> Bool {
        let head = [UInt8](data.prefix(window))
        var i = 0
        guard let end = prologEnd(head, from: &i) else { return contains(head, "<!ENTITY") }
        return contains(Array(head[..<end]), "<!ENTITY")
    }

    private static func skipBOMAndSpace(_ b: [UInt8], from start: Int) -> Int {
        var i = start
        if start == 0, b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        return i
    }

    /// The index of the root element's `<`, past the prolog, or `nil` when the window ends first.
    private static func prologEnd(_ b: [UInt8], from i: inout Int) -> Int? {
        i = skipBOMAndSpace(b, from: i)
        while i < b.count {
            guard b[i] == UInt8(ascii: "<") else { return nil }
            if starts(b, at: i, "<?") {
                guard let e = find(b, "?>", from: i) else { return nil }
                i = e + 2
            } else if starts(b, at: i, "<!--") {
                guard let e = find(b, "-->", from: i) else { return nil }
                i = e + 3
            } else if starts(b, at: i, "<!") {
                // A doctype, with an internal subset in [ … ] perhaps.
                var j = i + 2, bracket = false
                while j < b.count, !(b[j] == UInt8(ascii: ">") && !bracket) {
                    if b[j] == UInt8(ascii: "[") { bracket = true } else if b[j] == UInt8(ascii: "]") { bracket = false }
                    j += 1
                }
                guard j < b.count else { return nil }
                i = j + 1
            } else {
                return i
            }
            i = skipBOMAndSpace(b, from: i)
        }
        return nil
    }

    private static func rootElement(_ b: [UInt8], from i: inout Int) -> String? {
        guard let start = prologEnd(b, from: &i) else { return nil }
        var j = start + 1
        while j < b.count, !(b[j] == 0x20 || b[j] == 0x0A || b[j] == 0x0D || b[j] == 0x09 || b[j] == UInt8(ascii: ">") || b[j] == UInt8(ascii: "/")) {
            j += 1
        }
        guard j > start + 1 else { return nil }
        return String(decoding: b[(start + 1)..<j], as: UTF8.self)
    }

    private static func starts(_ b: [UInt8], at i: Int, _ s: String) -> Bool {
        let n = Array(s.utf8)
        return i + n.count <= b.count && Array(b[i..<(i + n.count)]) == n
    }

    private static func find(_ b: [UInt8], _ s: String, from start: Int) -> Int? {
        let n = Array(s.utf8)
        guard let first = n.first, b.count >= n.count else { return nil }
        var i = start
        while i <= b.count - n.count {
            if b[i] == first, Array(b[i..<(i + n.count)]) == n { return i }
            i += 1
        }
        return nil
    }

    private static func contains(_ b: [UInt8], _ s: String) -> Bool { find(b, s, from: 0) != nil }
}
