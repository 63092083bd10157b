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
}

extension Article {
    /// Whether any string `mapStrings` would visit satisfies `test`; a read-only walk.
    func containsString(where test: (String) -> Bool) -> Bool {
        let m = metadata
        let fields = [m.title, m.subtitle, m.dateline, m.source, m.summary].compactMap { $0 } + m.authors + m.tags
        if fields.contains(where: test) { return true }
        return withoutActuallyEscaping(test) { test in
            var finder = StringFinder(test: test)
            return !finder.walk(blocks: blocks)
        }
    }
}

/// Stops the walk at the first string that passes the test.
private struct StringFinder: ArticleVisitor {
    let test: (String) -> Bool

    func visit(block: Block) -> Bool {
        if case .figure(let f) = block, let credit = f.credit { return !test(credit) }
        return true
    }

    func visit(inline: Inline) -> Bool {
        switch inline {
        case .text(let s): return !test(s)
        case .link(_, let t?, _): return !test(t)
        default: return true
        }
    }

    func visit(image: ImageReference) -> Bool { !test(image.alt) }
}
