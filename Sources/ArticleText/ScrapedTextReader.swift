import ArticleCore
import Foundation

/// Reads scraped article text (placeholder, replaced by the real reader).
public struct ScrapedTextReader: ArticleReader {
    public let format = FormatInfo(name: "text", aliases: ["txt", "scraped"], extensions: ["txt", "text"],
                                   mediaType: "text/plain", summary: "scraped article text (title, dateline, paragraphs, captions, byline)")
    public init() {}
    public func read(_ input: ReaderInput, context: inout ConversionContext) throws(ArticleError) -> [Article] {
        let text = try input.decodeText(encoding: context.options.encoding)
        return [Article(blocks: [.paragraph([.text(text)])])]
    }
}
