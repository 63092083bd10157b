import ArticleJSON
import Foundation

extension RecordStream {
    /// Converts one whole file as one record of a stream (what `--from-list LIST --output -`
    /// does for each file that is not itself JSON Lines or WARC): its articles are written as
    /// the stream's lines, keyed by the file's path; a file that cannot be read is one error line
    /// and the stream goes on.
    ///
    /// - Parameters:
    ///   - path: The file (`-` for standard input).
    ///   - record: The record's number in the stream, for its lines.
    ///   - format: The input format (`--from`), or nil to tell it by the file's extension.
    ///   - output: Takes each output line (the articles), as it is made.
    ///   - failure: Takes each error line, as it is made.
    /// - Returns: The counts of records, articles and failures.
    public func run(file path: String, record: Int, format: String?, output: (Data) throws(ArticleError) -> Void,
                    failure: (Data) throws(ArticleError) -> Void) throws(ArticleError) -> Summary {
        var summary = Summary()
        summary.records = 1
        let key = keyField == nil ? MetadataValue.string(path) : nil
        do throws(ArticleError) {
            let input = try ReaderInput(path: path, maximumSize: options.maximumInputSize)
            var context = ConversionContext(options: options)
            let articles = try converter.read(input, from: format, context: &context)
            try write(articles, record: record, key: key ?? keyField.flatMap { articles.first?.metadata.recordFields[$0] }, output: output)
            summary.converted = 1
        } catch {
            try fail(error, record: record, key: key, name: path, summary: &summary, failure: failure)
        }
        return summary
    }
}
