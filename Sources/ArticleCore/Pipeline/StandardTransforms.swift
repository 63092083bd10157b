import Foundation

/// The transforms ArticleKit ships, as static factories so a pipeline reads as a list of steps.
extension ArticleTransform where Self == AnyTransform {
    /// Puts every string of the article into Unicode Normalization Form C, so that `ệ` typed as
    /// one code point and as `e` plus two combining marks compare and render alike.
    public static var normalizeUnicode: AnyTransform {
        AnyTransform("normalize-unicode") { article, _ in
            // Text already in NFC (most articles) is left as it is, and an article whose every
            // string is is returned without copying its tree.
            guard article.containsString(where: { !$0.isKnownNFC }) else { return article }
            return article.mapStrings { $0.nfc }
        }
    }

    /// Sets the language: `--language` if given, else the one the reader found, else the one
    /// detected from the text.
    public static var detectLanguage: AnyTransform {
        AnyTransform("detect-language") { article, context in
            var a = article
            if let forced = context.options.language {
                a.metadata.language = forced
            } else if a.metadata.language == nil || a.metadata.language?.isEmpty == true {
                // A few thousand characters decide a language; gather no more than that.
                var sample = a.metadata.title ?? ""
                for block in a.blocks where sample.utf8.count < 6000 {
                    sample += "\n" + block.plainText
                }
                a.metadata.language = LanguageDetector.detect(sample)
            }
            return a
        }
    }
}

extension Article {
    /// Whether any string `mapStrings` would visit satisfies `test`; a read-only walk.
    func containsString(where test: (String) -> Bool) -> Bool {
        let m = metadata
        let fields = [m.title, m.subtitle, m.dateline, m.source, m.summary].compactMap { $0 } + m.authors + m.tags
        return fields.contains(where: test) || blocks.contains { $0.containsString(where: test) }
    }
}

extension Block {
    func containsString(where test: (String) -> Bool) -> Bool {
        func inl(_ x: [Inline]) -> Bool { x.contains { $0.containsString(where: test) } }
        switch self {
        case .paragraph(let c), .heading(_, let c): return inl(c)
        case .list(let l): return l.items.contains { $0.blocks.contains { $0.containsString(where: test) } }
        case .quote(let b): return b.contains { $0.containsString(where: test) }
        case .figure(let f): return inl(f.caption) || f.credit.map(test) == true || f.image.map { test($0.alt) } == true
        case .code, .rule, .html: return false
        case .table(let t): return (t.header + t.rows.joined()).contains { inl($0.content) }
        }
    }
}

extension Inline {
    func containsString(where test: (String) -> Bool) -> Bool {
        switch self {
        case .text(let s): return test(s)
        case .emphasis(let c), .strong(let c), .strikethrough(let c): return c.contains { $0.containsString(where: test) }
        case .link(_, let t, let c): return t.map(test) == true || c.contains { $0.containsString(where: test) }
        case .image(let r): return test(r.alt)
        case .code, .lineBreak, .softBreak, .html: return false
        }
    }
}
