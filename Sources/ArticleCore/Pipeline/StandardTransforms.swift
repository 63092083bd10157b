import Foundation

/// The transforms ArticleKit ships, as static factories so a pipeline reads as a list of steps.
extension ArticleTransform where Self == AnyTransform {
    /// Puts every string of the article into Unicode Normalization Form C, so that `ệ` typed as
    /// one code point and as `e` plus two combining marks compare and render alike.
    public static var normalizeUnicode: AnyTransform {
        AnyTransform("normalize-unicode") { article, _ in article.mapStrings(nfc) }
    }

    /// `s` in NFC. Text whose every scalar is below U+0300 (or is common punctuation such as
    /// curly quotes and dashes) is NFC already (its NFC quick check is "yes"), and returning it
    /// as it is skips Foundation's bridging, which took 30% of a 200-article EPUB conversion.
    static func nfc(_ s: String) -> String {
        for u in s.unicodeScalars where u.value >= 0x300 && !(0x2010...0x2027).contains(u.value) {
            return s.precomposedStringWithCanonicalMapping
        }
        return s
    }

    /// Sets the language: `--language` if given, else the one the reader found, else the one
    /// detected from the text.
    public static var detectLanguage: AnyTransform {
        AnyTransform("detect-language") { article, context in
            var a = article
            if let forced = context.options.language {
                a.metadata.language = forced
            } else if a.metadata.language == nil || a.metadata.language?.isEmpty == true {
                let sample = ([a.metadata.title ?? ""] + a.blocks.prefix(40).map(\.plainText)).joined(separator: "\n")
                a.metadata.language = LanguageDetector.detect(sample)
            }
            return a
        }
    }
}
