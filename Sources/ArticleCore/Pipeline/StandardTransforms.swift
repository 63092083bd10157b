import Foundation

/// The transforms ArticleKit ships, as static factories so a pipeline reads as a list of steps.
extension ArticleTransform where Self == AnyTransform {
    /// Puts every string of the article into Unicode Normalization Form C, so that `ệ` typed as
    /// one code point and as `e` plus two combining marks compare and render alike.
    public static var normalizeUnicode: AnyTransform {
        AnyTransform("normalize-unicode") { article, _ in article.mapStrings { $0.nfc } }
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
