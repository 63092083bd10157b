import ArticleCore
import Foundation

/// Reads JSON Lines: one ArticleKit JSON article per line; blank lines are skipped. An error names
/// the line it is on.
public struct JSONLinesReader: ArticleReader {
    /// The format: `jsonl`, `.jsonl`.
    public let format = JSONLinesFormat.info

    /// Creates the reader.
    public init() {}

    /// Reads the input into its articles; throws ``/ArticleCore/ArticleError`` for input it cannot
    /// or must not read.
    public func read(_ input: ReaderInput, context: inout ConversionContext) throws(ArticleError) -> [Article] {
        guard String(validating: input.data, as: UTF8.self) != nil else {
            throw ArticleError(.notText, "the file is not UTF-8 text, so it cannot be JSON Lines", file: input.name)
        }
        let decoder = JSONDecoder()
        var articles: [Article] = []
        var lineNo = 0
        for line in input.data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNo += 1
            guard line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { continue }
            try JSONDepthLimit.check(Data(line), name: input.name, line: lineNo)
            do {
                articles.append(try decoder.decode(Article.self, from: Data(line)))
            } catch let error as DecodingError {
                throw ArticleError(.malformed, "not an ArticleKit JSON article: \(JSONReader.describe(error))", file: input.name, line: lineNo)
            } catch {
                throw ArticleError(.malformed, "not an ArticleKit JSON article", file: input.name, line: lineNo)
            }
        }
        if articles.isEmpty { throw ArticleError(.emptyInput, "the file holds no articles", file: input.name) }
        return articles
    }
}
