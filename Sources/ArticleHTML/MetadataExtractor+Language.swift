import ArticleCore

extension MetadataExtractor {
    /// The language the page declares, first found of: `<html lang>` (or `xml:lang`), `<body
    /// lang>`, `<meta http-equiv="content-language">`, `og:locale`, the JSON-LD article's
    /// `inLanguage`, `<meta name="language">` / Dublin Core `dc.language`. Underscores become
    /// hyphens (`fi_FI` → `fi-FI`); a value that is not a language tag ("English", "x-default")
    /// is passed over. `nil` when the page declares none: the pipeline's `detect-language` step
    /// then reads the language from the text.
    var declaredLanguage: String? {
        var candidates: [String?] = [scan.language, scan.body?.attribute("lang")]
        candidates.append(scan.first("content-language"))
        candidates.append(scan.first("og:locale"))
        candidates.append(ld.article.flatMap { Self.ldLanguage($0["inLanguage"]) })
        candidates.append(scan.first("inlanguage", "language", "dc.language", "dcterms.language"))
        for c in candidates {
            // "fi, sv" (a Content-Language list): the first is the document's.
            guard let first = c?.split(separator: ",").first else { continue }
            if let tag = Self.languageTag(String(first)) { return tag }
        }
        return nil
    }

    /// JSON-LD `inLanguage`: a tag, or a `Language` object with the tag as `alternateName`.
    static func ldLanguage(_ value: Any?) -> String? {
        if let s = JSONLDExtractor.string(value) { return s }
        if let o = value as? [String: Any] { return JSONLDExtractor.string(o["alternateName"]) ?? JSONLDExtractor.string(o["name"]) }
        if let list = value as? [Any] { return list.lazy.compactMap { ldLanguage($0) }.first }
        return nil
    }

    /// `raw` as a BCP 47 tag when it has the shape of one: a 2–3 letter primary language, then
    /// subtags as BCP 47 spells them: a script (4 letters), an extended language (3 letters), a region (2 letters or 3 digits), a
    /// variant (5–8 letters or digits, or 4 starting with a digit), or a one-character singleton
    /// followed by its extension (`de`, `pt-BR`, `zh-Hant-TW`, `sr-Latn`, `de-CH-1996`). So a
    /// charset put where a language belongs (`Content-Language: utf-8`, `iso-8859-1`) is not one.
    /// `und`, `mul`, `zxx` and private-use `x-` tags say no language and give `nil`.
    static func languageTag(_ raw: String) -> String? {
        let t = raw.trimmingWhitespace.replacingOccurrences(of: "_", with: "-")
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count),
              primary.allSatisfy({ $0.isASCII && $0.isLetter }),
              !["und", "mul", "zxx"].contains(primary.lowercased())
        else { return nil }
        var i = 1
        while i < parts.count {
            let p = parts[i]
            guard p.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
            let letters = p.allSatisfy(\.isLetter), digits = p.allSatisfy(\.isNumber)
            switch p.count {
            case 1:
                // A singleton opens an extension: at least one subtag of 2–8 must follow.
                guard i + 1 < parts.count, (2...8).contains(parts[i + 1].count) else { return nil }
                return t
            case 2: guard letters else { return nil }
            case 3: guard digits || letters else { return nil }
            case 4: guard letters || p.first?.isNumber == true else { return nil }
            case 5...8: break
            default: return nil
            }
            i += 1
        }
        return t
    }
}
