/// The one check of which URLs may leave ArticleKit as a link or an image source, in every
/// output format (HTML, EPUB, Markdown, JSON), so that a converted document cannot run script or
/// open local files when someone clicks it.
///
/// The scheme is read the way a browser reads it: character references are decoded first
/// (`&#x09;`, `&#106;`, `&colon;`, with or without the `;`), ASCII tab, newline and carriage
/// return are removed anywhere (WHATWG URL parsing does), as are the other C0 controls (being
/// stricter than browsers costs nothing here), leading and trailing spaces and controls are
/// trimmed, and the name is compared without regard to case. So `JavaScript:`, ` javascript:`,
/// `java&#x09;script:` and `java\nscript:` are all `javascript`.
///
/// The policy is an allowlist:
/// - links: relative references, fragments, and the schemes in ``linkSchemes`` (`http`, `https`,
///   `mailto`, `tel`, `ftp`, …: schemes that open a page, a mail or a call, never run code);
/// - image sources: relative references, `http`, `https`, and `data:` for raster images only
///   (`data:image/png`, `jpeg`, `gif`, `webp`, `avif`);
/// - everything else is refused: `javascript:`, `vbscript:`, `data:` in a link or with any other
///   type (`data:text/html`, `data:image/svg+xml`), `file:`, `blob:`, and schemes ArticleKit does
///   not know (an unknown scheme can start a program the system registered for it).
public enum URLSafety {
    /// The schemes a link may use.
    public static let linkSchemes: Set<String> = ["http", "https", "mailto", "tel", "ftp", "ftps", "sms", "xmpp", "irc", "ircs", "news"]
    /// The schemes an image source may use, besides `data:` for raster images.
    public static let imageSchemes: Set<String> = ["http", "https"]
    /// The media types a `data:` image source may have.
    public static let rasterImageTypes: Set<String> = ["image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp", "image/avif"]

    /// Whether `url` may be written as the target of a link.
    public static func isSafeLink(_ url: String) -> Bool {
        let u = normalized(url)
        guard let s = scheme(ofNormalized: u) else { return true }
        return linkSchemes.contains(s)
    }

    /// Whether `url` may be written as the source of an image.
    public static func isSafeImageSource(_ url: String) -> Bool {
        let u = normalized(url)
        guard let s = scheme(ofNormalized: u) else { return true }
        if s == "data" { return isRasterDataURL(u) }
        return imageSchemes.contains(s)
    }

    /// The scheme of `url` as a browser would see it, lower case (`javascript`), or `nil` for
    /// a relative reference or a fragment.
    public static func scheme(of url: String) -> String? {
        scheme(ofNormalized: normalized(url))
    }

    /// `url` as the scheme check reads it: references decoded, controls removed, trimmed.
    static func normalized(_ url: String) -> String {
        if isNormalized(url) { return url }
        var s = url
        // `&amp;#x6A;` becomes `&#x6A;` on one decode and `j` on the next; three rounds cover the
        // encodings a page can stack without making the check cost more than the URL's length.
        for _ in 0..<3 {
            let d = decodeReferences(s)
            if d == s { break }
            s = d
        }
        var scalars = String.UnicodeScalarView()
        for c in s.unicodeScalars where !(c.value < 0x20 || c.value == 0x7F) { scalars.append(c) }
        var t = Substring(String(scalars))
        while let f = t.unicodeScalars.first, f == " " || f.properties.isWhitespace { t = t.dropFirst() }
        while let l = t.unicodeScalars.last, l == " " || l.properties.isWhitespace { t = t.dropLast() }
        return String(t)
    }

    /// Whether `normalized(url)` is `url` itself: no `&` that starts a reference (so nothing to
    /// decode), no control to remove, no white space at either end. One pass over the bytes
    /// instead of rebuilding the URL scalar by scalar and comparing it with itself: the pages'
    /// image sources (long `srcset` URLs, `data:` images, query strings joined by `&`) made the
    /// check about 100,000 instructions a call, 3.4% of the fundus WARC stream.
    private static func isNormalized(_ url: String) -> Bool {
        var clean = true
        var ampersands = false
        var u = url
        u.withUTF8 { bytes in
            for b in bytes where b < 0x20 || b == 0x7F || b == UInt8(ascii: "&") {
                if b == UInt8(ascii: "&") { ampersands = true; continue }
                clean = false
                break
            }
        }
        guard clean, let first = url.unicodeScalars.first, let last = url.unicodeScalars.last else { return clean }
        guard !first.properties.isWhitespace, !last.properties.isWhitespace else { return false }
        guard ampersands else { return true }
        // `decodeReferences` leaves the URL as it is when no `&` starts a reference: the same
        // `reference(at:)` decides. (An `&` that is part of a larger Character, before a
        // combining mark, is no `&` to it; `reference(at:)` finds nothing after such a one
        // either, and saying "not normalized" would only take the long way.)
        var i = url.utf8.startIndex
        while let amp = url.utf8[i...].firstIndex(of: UInt8(ascii: "&")) {
            let after = url.utf8.index(after: amp)
            if reference(at: url[after...]) != nil { return false }
            i = after
        }
        return true
    }

    private static func scheme(ofNormalized url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let name = url[..<colon].unicodeScalars
        guard let first = name.first, isASCIILetter(first),
              name.allSatisfy({ isASCIILetter($0) || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "." })
        else { return nil }
        return String(String.UnicodeScalarView(name)).lowercased()
    }

    private static func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c)
    }

    /// `data:image/png;base64,…` or `data:image/png,…`, type compared without case.
    private static func isRasterDataURL(_ url: String) -> Bool {
        let body = url.dropFirst("data:".count)
        let end = body.firstIndex { $0 == ";" || $0 == "," } ?? body.endIndex
        guard end != body.endIndex else { return false }
        return rasterImageTypes.contains(body[..<end].trimmingASCIISpaces.lowercased())
    }

    /// Decodes numeric character references (`&#106;`, `&#x6A`, with or without `;`, as browsers
    /// do in attributes) and the named ones that can spell part of a scheme or hide a separator.
    static func decodeReferences(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "&")) else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let (scalar, consumed) = reference(at: after) {
                out.unicodeScalars.append(scalar)
                rest = after[consumed...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    private static let named: [Substring: Unicode.Scalar] = [
        "colon": ":", "Tab": "\t", "NewLine": "\n", "amp": "&", "AMP": "&", "sol": "/", "period": ".",
        "plus": "+", "hyphen": "-", "dash": "-", "nbsp": "\u{A0}", "semi": ";", "comma": ",", "lpar": "(", "rpar": ")",
    ]

    /// The character a reference after `&` stands for and where it ends, or `nil`.
    private static func reference(at s: Substring) -> (Unicode.Scalar, Substring.Index)? {
        if s.first == "#" {
            var i = s.index(after: s.startIndex)
            var radix = 10
            if i < s.endIndex, s[i] == "x" || s[i] == "X" { radix = 16; i = s.index(after: i) }
            let digitsStart = i
            var value: UInt32 = 0
            while i < s.endIndex, let d = s[i].hexDigitValue, d < radix {
                // Past U+10FFFF the value is no character; stop growing it (no overflow).
                if value <= 0x10FFFF { value = value * UInt32(radix) + UInt32(d) }
                i = s.index(after: i)
            }
            guard i > digitsStart else { return nil }
            if i < s.endIndex, s[i] == ";" { i = s.index(after: i) }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", i)
        }
        guard let semi = s.prefix(10).firstIndex(of: ";"), let scalar = named[s[..<semi]] else { return nil }
        return (scalar, s.index(after: semi))
    }
}

extension Substring {
    fileprivate var trimmingASCIISpaces: Substring {
        var t = self
        while t.first == " " { t = t.dropFirst() }
        while t.last == " " { t = t.dropLast() }
        return t
    }
}
