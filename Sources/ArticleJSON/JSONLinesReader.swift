import ArticleCore
import Foundation

/// Reads JSON Lines: one ArticleKit JSON article per line (a ``JSONRecord``: its own fields such as
/// an `id` are kept); blank lines are skipped. An error names the line it is on. This reads a
/// whole file into a document (a book of all the lines); a stream of records, raw documents
/// among them, is converted one record at a time by ArticleKit's `RecordStream`.
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
        var articles: [Article] = []
        var lineNo = 0
        for line in input.data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNo += 1
            guard line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { continue }
            let record = try JSONRecord.decode(Data(line), name: input.name, line: lineNo)
            if let document = record.document {
                throw ArticleError(.usage, "the record holds a raw \(document.format) document, which only a stream reads (--to jsonl, or --output -)", file: input.name, line: lineNo)
            }
            articles.append(record.article)
        }
        if articles.isEmpty { throw ArticleError(.emptyInput, "the file holds no articles", file: input.name) }
        return articles
    }
}
