import ArticleSupport
import Foundation

/// Reads the JSON-LD blocks of a page (`<script type="application/ld+json">`) and finds the
/// article object in them (`NewsArticle`, `Article`, `BlogPosting`, … also inside `@graph`).
struct JSONLDExtractor {
    /// Every object found, flattened out of arrays and `@graph`.
    private(set) var objects: [[String: Any]] = []
    /// The article object (see ``article``), chosen once: metadata extraction asks for it about
    /// twenty times a page, and each time filtered every object by its types.
    private var chosenArticle: [String: Any]?

    init(scripts: [XMLNode]) {
        for s in scripts {
            let text = Self.unwrapped(s.text)
            guard let data = text.data(using: .utf8) else { continue }
            var json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            if json == nil {
                // Real pages put raw line breaks and tabs inside JSON strings; JSON forbids them.
                let cleaned = text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
                    .replacingOccurrences(of: "\t", with: " ")
                json = cleaned.data(using: .utf8).flatMap { try? JSONSerialization.jsonObject(with: $0, options: [.fragmentsAllowed]) }
            }
            if let json { collect(json, depth: 0) }
        }
        chosenArticle = Self.chooseArticle(objects)
    }

    /// A script's JSON without the wrapping pages put around it: `<![CDATA[ … ]]>` (also
    /// behind `//` or inside `/* */`, as XHTML pages write it) and `<!-- … -->`.
    static func unwrapped(_ raw: String) -> String {
        var t = raw.trimmingWhitespace
        guard let f = t.first, f == "<" || f == "/" else { return t }
        for (open, close) in [("//<![CDATA[", "//]]>"), ("/*<![CDATA[*/", "/*]]>*/"), ("<![CDATA[", "]]>"), ("<!--", "-->")] {
            if t.hasPrefix(open) {
                t.removeFirst(open.count)
                t = t.trimmingWhitespace
                if t.hasSuffix(close) { t.removeLast(close.count) } else if t.hasSuffix("]]>") { t.removeLast(3) }
                t = t.trimmingWhitespace
                if t.hasSuffix("//") { t.removeLast(2) }
            }
        }
        return t
    }

    private mutating func collect(_ value: Any, depth: Int) {
        guard depth < 8 else { return }
        if let a = value as? [Any] {
            for v in a { collect(v, depth: depth + 1) }
        } else if let o = value as? [String: Any] {
            objects.append(o)
            if let g = o["@graph"] { collect(g, depth: depth + 1) }
            if let m = o["mainEntity"] { collect(m, depth: depth + 1) }
        }
    }

    static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
        "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting",
        "socialmediaposting", "scholarlyarticle", "techarticle", "report", "posting", "webpage",
    ]

    /// The lower-cased `@type` names of an object.
    static func types(_ o: [String: Any]) -> [String] {
        if let t = o["@type"] as? String { return [t.lowercased()] }
        if let t = o["@type"] as? [Any] { return t.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    /// The article object: the first of an article type with a headline, preferring news types
    /// over a plain `WebPage`.
    var article: [String: Any]? { chosenArticle }

    private static func chooseArticle(_ objects: [[String: Any]]) -> [String: Any]? {
        let arts = objects.filter { o in Self.types(o).contains { Self.articleTypes.contains($0) && $0 != "webpage" } }
        return arts.first { $0["headline"] != nil || $0["articleBody"] != nil } ?? arts.first
            ?? objects.first { Self.types($0).contains("webpage") && $0["headline"] != nil }
    }

    /// Every object of an article type (``article`` first), for the fields the chosen article
    /// lacks.
    var articles: [[String: Any]] {
        var out: [[String: Any]] = []
        if let a = article { out.append(a) }
        for o in objects where Self.types(o).contains(where: { Self.articleTypes.contains($0) && $0 != "webpage" }) {
            if !out.contains(where: { NSDictionary(dictionary: $0).isEqual(to: o) }) { out.append(o) }
        }
        return out
    }

    /// ``article``, then every object of an article type in page order, the same ones as
    /// ``articles`` but with repeats: for a question whose answer is the first object that
    /// gives one (the publication date), a repeat of an object passed over gives nothing new,
    /// so the answer is the same without ``articles``' deep comparisons of every pair
    /// (41 M instructions of 62 pages by callgrind, for the date alone).
    var articleCandidates: [[String: Any]] {
        var out: [[String: Any]] = []
        if let a = article { out.append(a) }
        for o in objects where Self.types(o).contains(where: { Self.articleTypes.contains($0) && $0 != "webpage" }) { out.append(o) }
        return out
    }

    /// A string value, or the first of an array of strings.
    static func string(_ v: Any?) -> String? {
        if let s = v as? String { return s.trimmingWhitespace.isEmpty ? nil : HTMLEntities.decode(s) }
        if let a = v as? [Any] { return a.lazy.compactMap { string($0) }.first }
        if let n = v as? NSNumber { return n.stringValue }
        return nil
    }

    /// Names out of a person/organisation value: a string, an object with `name`, or a list.
    static func names(_ v: Any?) -> [(name: String, isOrganization: Bool)] {
        if let s = v as? String { return s.trimmingWhitespace.isEmpty ? [] : [(HTMLEntities.decode(s), false)] }
        if let o = v as? [String: Any] {
            let isOrg = types(o).contains { $0.contains("organization") || $0 == "newsmediaorganization" }
            if let n = string(o["name"]) { return [(n, isOrg)] }
            let parts = [string(o["givenName"]), string(o["familyName"])].compactMap { $0 }
            return parts.isEmpty ? [] : [(parts.joined(separator: " "), isOrg)]
        }
        if let a = v as? [Any] { return a.flatMap { names($0) } }
        return []
    }

    /// An image described in JSON-LD: its address, caption and credit.
    struct Image {
        var url: String
        var caption: String?
        var credit: String?
    }

    /// The `ImageObject`s of the page: the article's `image` and any standing alone.
    var images: [Image] {
        var found: [[String: Any]] = []
        func add(_ v: Any?) {
            if let o = v as? [String: Any] { found.append(o) } else if let a = v as? [Any] { a.forEach(add) }
        }
        add(article?["image"])
        found += objects.filter { Self.types($0).contains("imageobject") }
        return found.compactMap { o in
            guard let url = Self.string(o["url"]) ?? Self.string(o["contentUrl"]) else { return nil }
            let caption = (Self.string(o["caption"]) ?? Self.string(o["description"])).map(TextTools.collapse)
            let credit = Self.string(o["creditText"]) ?? Self.names(o["copyrightHolder"]).first?.name
                ?? Self.names(o["author"]).first?.name ?? Self.string(o["copyrightNotice"])
            return Image(url: url, caption: caption, credit: credit.map(TextTools.collapse))
        }
    }

    /// The image URLs out of a string, an `ImageObject` (`url`, else `contentUrl`), a reference
    /// to one elsewhere in the page (`{"@id": "#primaryimage"}`, as `@graph` pages write it), or
    /// a list of these, in order.
    func imageURLs(_ v: Any?, depth: Int = 0) -> [String] {
        guard depth < 4 else { return [] }
        if v is String { return Self.string(v).map { [$0] } ?? [] }
        if let o = v as? [String: Any] {
            if let u = Self.string(o["url"]) ?? Self.string(o["contentUrl"]) { return [u] }
            if let id = Self.string(o["@id"]),
               let target = objects.first(where: { Self.string($0["@id"]) == id && ($0["url"] != nil || $0["contentUrl"] != nil) }) {
                return imageURLs(target, depth: depth + 1)
            }
            return []
        }
        if let a = v as? [Any] { return a.flatMap { imageURLs($0, depth: depth + 1) } }
        return []
    }
}
