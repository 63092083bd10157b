import Foundation

/// The transforms ArticleKit ships, as static factories so a pipeline reads as a list of steps.
extension ArticleTransform where Self == AnyTransform {
    /// Puts every string of the article into Unicode Normalization Form C, so that `ệ` typed as
    /// one code point and as `e` plus two combining marks compare and render alike.
    public static var normalizeUnicode: AnyTransform {
        AnyTransform("normalize-unicode") { article, _ in
            // ASCII text is already NFC; Foundation's normalisation is slow, so skip it there.
            article.mapStrings { $0.utf8.allSatisfy { $0 < 0x80 } ? $0 : $0.precomposedStringWithCanonicalMapping }
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
                let sample = ([a.metadata.title ?? ""] + a.blocks.prefix(40).map(\.plainText)).joined(separator: "\n")
                a.metadata.language = LanguageDetector.detect(sample)
            }
            return a
        }
    }
}
