import ArticleEPUB
import ArticleHTML
import ArticleJSON
import ArticleMarkdown
import ArticleText

extension FormatRegistry {
    /// Every format ArticleKit ships, registered in one place.
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
        r.register(writer: MarkdownWriter())
        r.register(writer: PlainTextWriter())
        r.register(writer: HTMLWriter())
        r.register(writer: EPUBWriter())
        return r
    }
}
