import ArticleEPUB
import ArticleHTML
import ArticleImages
import ArticleJSON
import ArticleLanguage
import ArticleMarkdown
import ArticleText

extension FormatRegistry {
    /// Every format ArticleKit ships, registered in one place. Books get their images made
    /// ready for e-readers by ArticleImages (`--images` sets how).
    public static var standard: FormatRegistry {
        var r = FormatRegistry()
        r.register(reader: ScrapedTextReader())
        r.register(reader: JSONReader())
        r.register(reader: JSONLinesReader())
        r.register(reader: HTMLReader())
        r.register(reader: EPUBReader())
        r.register(reader: MarkdownReader())
        r.register(writer: JSONWriter())
        r.register(writer: JSONLinesWriter())
        r.register(writer: MarkdownWriter(detectLanguage: { LanguageDetector.detect(in: $0) }))
        r.register(writer: PlainTextWriter())
        r.register(writer: HTMLWriter())
        r.register(writer: EPUBWriter(imageSteps: [NormalizeImages()]))
        return r
    }
}
