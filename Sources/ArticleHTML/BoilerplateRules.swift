import ArticleSupport
import Foundation

/// What marks an element as page furniture rather than article: tag names, ARIA roles, and
/// words news sites use in `class` and `id` for navigation, share bars, related links,
/// comments, cookie notices, newsletter boxes and ads. Generic, from how pages are built.
enum BoilerplateRules {
    /// Elements that never hold article text.
    static let ignoredTags: TagNameSet = [
        "script", "style", "noscript", "iframe", "svg",
        "select", "input", "textarea", "template", "object", "embed", "canvas",
        "head", "title", "meta", "link", "audio", "video", "map", "label", "math",
    ]

    /// Elements that are furniture unless they hold a lot of running text (some sites wrap the
    /// whole page in a `<form>` or put the article in an `<aside>`).
    static let furnitureTags: TagNameSet = ["nav", "footer", "aside", "form", "dialog", "menu", "fieldset", "button"]

    static let ignoredRoles: Set<String> = [
        "navigation", "banner", "complementary", "contentinfo", "dialog", "alertdialog", "search",
        "menu", "menubar", "toolbar", "tablist",
    ]

    /// Words that mark boilerplate wherever they occur in a class or id.
    static let strongNegative: [String] = [
        "share", "sharing", "social", "related", "recommend", "comment", "cookie", "consent",
        "newsletter", "subscri", "breadcrumb", "advert", "outbrain", "taboola", "sponsor",
        "promo", "popup", "modal", "trending", "mostread", "most-read", "most_read",
        "popular", "readmore", "read-more", "morestories", "more-stories", "teaser-list",
        "signup", "sign-up", "banner", "sidebar", "widget", "footer", "masthead", "navbar",
        "navigation", "skiplink", "skip-link", "visually-hidden", "visuallyhidden", "sr-only",
        "screen-reader", "print-only", "toolbar", "pagination", "author-bio", "authorbio",
        "tag-list", "taglist", "article-tags", "topics-list", "gallery-nav", "inline-ad",
        "ad-container", "ad-slot", "adslot", "adunit", "ad-unit", "ad-wrapper", "dfp", "byline",
        "bookmark", "rating", "feedback", "donate", "disclaimer", "audio-player", "podcast",
        "livefyre", "disqus", "onetrust", "gdpr", "login", "headline-list", "teaser",
    ]

    /// Short words that mark boilerplate only as a whole word of a class or id.
    static let negativeTokens: Set<String> = [
        "nav", "menu", "ad", "ads", "advertisement", "tags", "tools", "meta", "print",
        "header", "share", "links", "more", "extra", "aside", "related", "comments", "topics",
        "keywords", "author", "authors", "date", "timestamp", "info", "overlay", "cta",
        "rail", "partner", "toc", "caption",
    ]

    /// Words that mark the article body.
    static let positive: [String] = [
        "article", "content", "story", "body", "entry", "post", "text", "main", "prose", "richtext",
        "rich-text", "paragraph", "artikel", "inhalt", "detail", "news", "blog", "column",
    ]

    /// The class and id of an element as written, joined by a space (the cache key).
    static func rawClassAndID(_ node: XMLNode) -> String {
        let c = node.attribute("class")
        let i = node.attribute("id")
        switch (c, i) {
        case (nil, nil): return ""
        case (let c?, nil): return c
        case (nil, let i?): return i
        case (let c?, let i?): return c + " " + i
        }
    }

    /// The lower-cased class and id of an element, joined by a space.
    static func classAndID(_ node: XMLNode) -> String {
        var s = node.attribute("class") ?? ""
        if let id = node.attribute("id") { s += " " + id }
        return s.lowercased()
    }

    static func tokens(_ s: String) -> [Substring] {
        if s.utf8.allSatisfy({ $0 < 0x80 }) {
            // Class names are nearly always ASCII: split the bytes rather than the characters
            // (grapheme breaking was most of the cost of classifying a new class string).
            return s.utf8.split { a in !((a >= 97 && a <= 122) || (a >= 65 && a <= 90) || (a >= 48 && a <= 57)) }.map { Substring($0) }
        }
        return s.split { c in
            guard let a = c.asciiValue else { return !c.isLetter }
            return !((a >= 97 && a <= 122) || (a >= 65 && a <= 90) || (a >= 48 && a <= 57))
        }
    }

    /// Whether the element is hidden or never holds article text, whatever it contains.
    static func isHardBoilerplate(_ node: XMLNode) -> Bool {
        isHardBoilerplate(node, name: node.name)
    }

    /// ``isHardBoilerplate(_:)`` for an element whose name the caller has read already.
    static func isHardBoilerplate(_ node: XMLNode, name: String) -> Bool {
        if ignoredTags.contains(name) { return true }
        if node.attribute("aria-hidden") == "true" { return true }
        return node.withAttribute("style", hidesElement) ?? false
    }

    /// Whether an inline style hides its element (`display: none`, `visibility: hidden`).
    static func hidesElement(_ style: UnsafeBufferPointer<UInt8>) -> Bool {
        guard style.allSatisfy({ $0 < 0x80 }) else {
            let s = String(decoding: style, as: UTF8.self).lowercased().replacingOccurrences(of: " ", with: "")
            return s.contains("display:none") || s.contains("visibility:hidden")
        }
        // ASCII, as styles nearly always are: lower-cased and without spaces in bytes, which
        // is what the Foundation calls above do to ASCII (they were 2% of the page benchmark).
        var compact: [UInt8] = []
        compact.reserveCapacity(style.count)
        for b in style where b != 32 { compact.append(b >= 65 && b <= 90 ? b + 32 : b) }
        return compact.contains(bytes: Self.displayNone) || compact.contains(bytes: Self.visibilityHidden)
    }

    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)

    /// Whether the element looks like furniture by its tag, role or class; the caller keeps it
    /// anyway when it holds a lot of running text.
    /// `name` is the element's name, which the caller has read already.
    static func looksLikeFurniture(_ node: XMLNode, name: String) -> Bool {
        if furnitureTags.contains(name) { return true }
        // Streaming server rendering parks whole articles in `hidden` elements until a script
        // moves them, so `hidden` alone is furniture, not a hard rule.
        if node.attribute("hidden") != nil { return true }
        // A hidden block (a paywall prompt, a closed menu); a hidden span inside text is
        // typography ("Kicker<span class=hide>: </span>Headline") and stays.
        if hiddenByUtilityClass(node), ContentExtractor.blockTags.contains(name) { return true }
        if let role = node.attribute("role"), ignoredRoles.contains(role.lowercased()) { return true }
        if name == "body" || name == "html" || name == "article" || name == "main" || name == "p" { return false }
        return classVerdict(node)?.negative ?? false
    }

    /// What the element's class and id say, or `nil` when it has neither.
    static func classVerdict(_ node: XMLNode) -> ClassNameCache.Verdict? {
        guard let key = ClassNameCache.key(for: node) else { return nil }
        return ClassNameCache.shared.verdict(key: key, compute: classify)
    }

    /// Whether a class/id string names furniture.
    static func isNegative(_ ci: String) -> Bool {
        ClassNameCache.shared.verdict(ci, compute: classify).negative
    }

    static func hasPositive(_ ci: String) -> Bool {
        ClassNameCache.shared.verdict(ci, compute: classify).positive
    }

    /// Whether the element's class or id names a byline or author element: the `byline` of
    /// ``classVerdict(_:)``. PageScan asks this of every element of the page; for ASCII names
    /// the words are looked for in the attribute bytes (lower-cased, digits left out, as the
    /// verdict's key is made), which is cheaper than building the key and looking it up (the
    /// look-ups were 5% of the page benchmark). Other names take the verdict.
    static func namesByline(_ node: XMLNode) -> Bool {
        let withClass: Bool?? = node.withAttribute("class") { c in
            node.withAttribute("id") { i in asciiNamesByline(c, i) } ?? asciiNamesByline(c, nil)
        }
        let answer: Bool? = withClass ?? node.withAttribute("id") { asciiNamesByline($0, nil) } ?? false
        return answer ?? (classVerdict(node)?.byline ?? false)
    }

    /// Whether `first`, a space and `second` name a byline; `nil` when they are not all ASCII.
    private static func asciiNamesByline(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>?) -> Bool? {
        guard first.allSatisfy({ $0 < 0x80 }), second?.allSatisfy({ $0 < 0x80 }) ?? true else { return nil }
        let total = first.count + (second.map { $0.count + 1 } ?? 0)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: total) { buffer in
            var n = 0
            func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
                for b in bytes where b < 48 || b > 57 {
                    buffer[n] = b >= 65 && b <= 90 ? b + 32 : b
                    n += 1
                }
            }
            copy(first)
            if let second {
                buffer[n] = 32
                n += 1
                copy(second)
            }
            return bylineMatcher.matchesAny(UnsafeBufferPointer(rebasing: buffer[0..<n]))
        }
    }

    /// Whether a class/id string names a byline or author element.
    static func namesByline(_ ci: String) -> Bool {
        ClassNameCache.shared.verdict(ci, compute: classify).byline
    }

    static let strongMatcher = WordMatcher(strongNegative)
    static let positiveMatcher = WordMatcher(positive)
    static let bylineMatcher = WordMatcher(["byline", "author", "autor", "auteur", "writer", "reporter"])

    private static func classify(_ raw: String) -> ClassNameCache.Verdict {
        let ci = raw.lowercased()
        let positive = positiveMatcher.matchesAny(ci)
        let byline = bylineMatcher.matchesAny(ci)
        return ClassNameCache.Verdict(negative: computeNegative(ci, positive: positive), positive: positive, byline: byline)
    }

    /// Strong words that a body-like name outweighs.
    static let weakerThanPositive: Set<String> = ["teaser", "banner", "widget", "byline", "rating", "podcast"]

    private static func computeNegative(_ ci: String, positive: Bool) -> Bool {
        // Without a body-like word, any strong word decides: no need to list which.
        if !positive, strongMatcher.matchesAny(ci) { return true }
        if positive {
            return strongMatcher.matches(in: ci).contains { !outweighedByPositive($0, ci) }
        }
        return hasNegativeToken(ci)
    }

    /// Whether a whole word of `ci` (as ``tokens(_:)`` splits it) is one of ``negativeTokens``.
    private static func hasNegativeToken(_ ci: String) -> Bool {
        guard ci.utf8.allSatisfy({ $0 < 0x80 }) else {
            return tokens(ci).contains(where: { negativeTokens.contains(String($0)) })
        }
        // ASCII: the words are looked up straight from the bytes, and only words short enough
        // to be in the list (building every token as a string was 0.8% of the page benchmark).
        var ci = ci
        return ci.withUTF8 { u in
            var start = 0
            for i in 0...u.count {
                let isWordByte: Bool
                if i < u.count {
                    let a = u[i]
                    isWordByte = (a >= 97 && a <= 122) || (a >= 65 && a <= 90) || (a >= 48 && a <= 57)
                } else {
                    isWordByte = false
                }
                if isWordByte { continue }
                if i > start, i - start <= longestNegativeToken,
                   negativeTokens.contains(String(decoding: UnsafeBufferPointer(rebasing: u[start..<i]), as: UTF8.self)) {
                    return true
                }
                start = i + 1
            }
            return false
        }
    }

    private static let longestNegativeToken = negativeTokens.map(\.utf8.count).max() ?? 0

    /// Whether the strong word `index` does not count in a class/id that also has a body-like word.
    private static func outweighedByPositive(_ index: Int, _ ci: String) -> Bool {
        let w = strongNegative[index]
        // "article-body has-comments" still names the body first.
        if w == "comment" || w == "share" || w == "related" || w == "social" {
            if !tokens(ci).contains(where: { $0.hasPrefix(w) }) { return true }
        }
        return weakerThanPositive.contains(w)
    }

    /// A score for an element from its class and id: positive for body-like names, negative
    /// for furniture-like ones.
    static func weight(_ node: XMLNode) -> Double {
        guard let v = classVerdict(node) else { return 0 }
        var w = 0.0
        if v.positive { w += 25 }
        if v.negative { w -= 25 }
        return w
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs in these bytes.
    func contains(bytes needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= count else { return false }
        for i in 0...(count - needle.count) where self[i] == needle[0] {
            var k = 1
            while k < needle.count, self[i + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
        }
        return false
    }
}
