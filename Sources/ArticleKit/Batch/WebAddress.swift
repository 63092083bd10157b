import Foundation

/// URLs given as inputs: telling them from paths, and the names a folder run gives their outputs.
public enum WebAddress {
    /// Whether a command-line input is a URL rather than a path: it starts with `scheme://`.
    public static func isURL(_ argument: String) -> Bool {
        guard let colon = argument.range(of: "://"), colon.lowerBound > argument.startIndex else { return false }
        let scheme = argument[..<colon.lowerBound]
        guard let first = scheme.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        return scheme.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) }
    }

    /// The http(s) URL an input names, or an error naming it: another scheme (`file://`,
    /// `ftp://`), or no host.
    public static func url(from argument: String) throws(ArticleError) -> URL {
        guard let url = URL(string: argument), let scheme = url.scheme?.lowercased() else {
            throw ArticleError(.malformed, "not a valid URL", file: argument)
        }
        guard scheme == "http" || scheme == "https" else {
            throw ArticleError(.fetchRefused, "only http and https URLs can be converted, not \(scheme):", file: argument)
        }
        guard let host = url.host(percentEncoded: true), !host.isEmpty else {
            throw ArticleError(.malformed, "the URL has no host", file: argument)
        }
        return url
    }

    /// The longest readable part of a name, in bytes; with the hash and an extension a name stays
    /// far below the 255 bytes every file system allows.
    public static let maximumReadableLength = 100

    /// The output name (without extension) of a URL in a folder run: its host and path, made
    /// safe for every file system, the same on every run.
    ///
    /// A URL whose host and path are plain (`https`, no port, no query, lower-case letters,
    /// digits, `.` and `-`) is named by them alone, `/` becoming `_`:
    /// `https://example.com/2024/story.html` → `example.com_2024_story.html`. Any other URL
    /// gets the readable part cut down to those characters and a hash of the whole URL after
    /// `__` (which a plain name never holds), so that URLs differing only in the query, the
    /// scheme, the case or a character the name cannot hold (`a/b` and `a_b`) never share a
    /// name: `example.com_article.php-id-7__3f9c0a12be`. The fragment is not part of the name
    /// (it names a place in the same page). Names stay ASCII, never end in a dot, never start
    /// with a name Windows reserves (`con`, `nul`, `com1`), and their readable part is at most
    /// ``maximumReadableLength`` bytes.
    public static func outputStem(for url: URL) -> String {
        var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) ?? URLComponents()
        parts.fragment = nil
        let whole = parts.string ?? url.absoluteString
        var lossy = parts.scheme?.lowercased() != "https" || parts.port != nil || parts.user != nil || parts.password != nil
        var pieces: [String] = []
        func add(_ raw: String) {
            let (piece, exact) = safe(raw)
            if !exact { lossy = true }
            if !piece.isEmpty { pieces.append(piece) }
        }
        add(parts.percentEncodedHost ?? "")
        if let port = parts.port { pieces.append(String(port)) }
        let path = parts.percentEncodedPath
        if path != "" && path != "/" {
            var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if segments.first == "" { segments.removeFirst() }
            for segment in segments {
                if segment.isEmpty { lossy = true; continue }
                add(segment)
            }
        }
        if let query = parts.percentEncodedQuery { lossy = true; add(query) }
        var readable = pieces.joined(separator: "_")
        if readable.utf8.count > maximumReadableLength {
            readable = String(readable.prefix(maximumReadableLength))
            lossy = true
        }
        while let last = readable.last, last == "." || last == "-" || last == "_" {
            readable.removeLast()
            lossy = true
        }
        if readable.isEmpty { readable = "page"; lossy = true }
        let firstLabel = readable.prefix { $0 != "." && $0 != "_" && $0 != "-" }
        if reservedOnWindows.contains(String(firstLabel)) { lossy = true }
        guard lossy else { return readable }
        let hash = String(Shard.fnv1a(whole) >> 24, radix: 16)
        return readable + "__" + String(repeating: "0", count: max(0, 10 - hash.count)) + hash
    }

    /// A piece of a name: lower-case letters, digits, `.` and `-`; every other run of characters
    /// becomes one `-`. `exact` is false when anything was changed.
    static func safe(_ raw: String) -> (String, exact: Bool) {
        var out = ""
        var exact = true
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", ".", "-": out.unicodeScalars.append(scalar)
            case "A"..."Z":
                out += String(scalar).lowercased()
                exact = false
            default:
                exact = false
                if !out.hasSuffix("-") { out += "-" }
            }
        }
        if out == "." || out == ".." { return ("", false) }
        return (out, exact)
    }

    /// Device names Windows refuses as a file name, with any extension.
    static let reservedOnWindows: Set<String> = Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })
}
