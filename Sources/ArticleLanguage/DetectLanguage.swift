import ArticleCore

extension ArticleTransform where Self == AnyTransform {
    /// Sets the language: `--language` if given, else the one the document declares (the reader
    /// found it: `<html lang>`, `og:locale`, JSON-LD `inLanguage`, front matter, the EPUB
    /// package), else the one ``LanguageDetector`` finds in the text with confidence, else none.
    public static var detectLanguage: AnyTransform {
        AnyTransform("detect-language") { article, context in
            var a = article
            if let forced = context.options.language {
                a.metadata.language = forced
            } else if a.metadata.language == nil || a.metadata.language?.isEmpty == true {
                a.metadata.language = LanguageDetector.detect(in: a)
            }
            return a
        }
    }
}

extension LanguageDetector {
    /// The language of an article's text (``sample(of:)``), or `nil` when it cannot be told
    /// with confidence. Its declared language is not looked at.
    public static func detect(in article: Article) -> String? {
        detect(sample(of: article))
    }

    /// The article's title and the plain text of its first blocks, up to about
    /// ``sampleLimit`` bytes: a few thousand characters decide a language.
    public static func sample(of article: Article) -> String {
        var sample = article.metadata.title ?? ""
        for block in article.blocks where sample.utf8.count < LanguageDetector.sampleLimit {
            if case .code = block { continue }  // program text is not the article's language
            let text = block.plainText
            if !text.isEmpty { sample += "\n" + text }
        }
        return sample
    }
}
