import ArticleJSON
import Foundation

/// Converts a stream of records one at a time: each record is read, converted and written before
/// the next is read, so output comes out as the input goes in (a `pipe`-style engine sees one
/// output line per input record) and memory is bounded by the largest record, not the stream.
///
/// A record that fails is reported through `failure` as one JSON line
/// (``/ArticleJSON/JSONRecordLine/error(record:key:input:error:)``) and, with
/// ``ErrorPolicy/skip``, the stream goes on. An empty stream is a success with no output.
///
/// ```swift
/// let stream = try RecordStream(converter: Converter(), format: "jsonl")
/// let summary = try stream.run(jsonLines: STDIN_FILENO, name: "-",
///                              output: { FileHandle.standardOutput.write($0) },
///                              failure: { FileHandle.standardError.write($0) })
/// ```
public struct RecordStream: Sendable {
    /// What a failed record does to the stream.
    public enum ErrorPolicy: String, Sendable, CaseIterable {
        /// Stop at the first failed record (after reporting it).
        case stop
        /// Report it and go on with the next.
        case skip
    }

    /// What happened to a stream's records.
    public struct Summary: Sendable, Equatable {
        /// Records seen (blank lines are not records; for WARC, every WARC record).
        public var records = 0
        /// Records converted and written.
        public var converted = 0
        /// Records that failed, each reported.
        public var failed = 0
        /// WARC records that hold no page (request, metadata, warcinfo, non-HTML responses).
        public var skipped = 0
        /// Whether the stream stopped at a failed record (``ErrorPolicy/stop``).
        public var stopped = false

        /// Creates an empty summary.
        public init() {}

        /// Adds another input's counts.
        public mutating func add(_ other: Summary) {
            records += other.records
            converted += other.converted
            failed += other.failed
            skipped += other.skipped
            stopped = stopped || other.stopped
        }
    }

    /// The converter whose readers and transforms each record goes through.
    public var converter: Converter
    /// The output format: `jsonl` or `json` (one compact article per line), or any other writer
    /// (`md`, `text`, `html`), whose document for each record is carried by one JSON line
    /// (``/ArticleJSON/JSONRecordLine/content(record:key:format:content:)``).
    public let format: String
    /// What a failed record does; ``ErrorPolicy/skip`` by default.
    public var onError: ErrorPolicy = .skip
    /// The record field error lines and content lines carry as `key` (`id`); nil for none (a
    /// WARC record's key is then its target URI).
    public var keyField: String?
    /// The options each record is converted with; ``/ArticleCore/ConversionOptions/maximumInputSize``
    /// bounds one record.
    public var options = ConversionOptions()

    private let writer: any ArticleWriter
    private let linesPerArticle: Bool

    /// A stream writing `format`; throws ``/ArticleCore/ArticleError`` (`unknown-format`) for a
    /// format no writer has, and (`usage`) for one that cannot write a record alone (EPUB).
    public init(converter: Converter, format: String) throws(ArticleError) {
        self.format = format
        let jsonLines = JSONLinesFormat.info.isNamed(format) || JSONFormat.info.isNamed(format)
        writer = try converter.writer(named: jsonLines ? "jsonl" : format)
        // The writer's own steps run after the converter's, as in a one-file conversion.
        self.converter = converter.including(writer.inputTransforms)
        linesPerArticle = jsonLines
        if !jsonLines && !Self.lineFormats.contains(writer.format.name) {
            throw ArticleError(.usage, "a stream writes one line per record: --to jsonl, json, md, text or html, not \(format)")
        }
    }

    /// The formats a stream writes a line per record in.
    public static let lineFormats: Set<String> = ["jsonl", "json", "markdown", "text", "html"]

    /// Converts the JSON Lines read from `fd` (not closed here), one record a line; blank lines
    /// are skipped. Throws only when the stream itself cannot be read, or `output` fails.
    public func run(jsonLines fd: Int32, name: String, output: (Data) throws(ArticleError) -> Void,
                    failure: (Data) throws(ArticleError) -> Void) throws(ArticleError) -> Summary {
        var lines = RecordLineReader(fd: fd, limit: options.maximumInputSize, name: name)
        var summary = Summary()
        var lineNo = 0
        while let line = try lines.next() {
            lineNo += 1
            var recordKey: MetadataValue?
            switch line {
            case .tooLong(let length):
                summary.records += 1
                let error = ArticleError(.limitExceeded, "the record is \(length) bytes, longer than the input limit of \(options.maximumInputSize) bytes (--max-input raises it)", file: name, line: lineNo)
                try fail(error, record: summary.records, key: nil, name: name, summary: &summary, failure: failure)
            case .text(let data):
                guard data.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
                summary.records += 1
                do throws(ArticleError) {
                    guard String(validating: data, as: UTF8.self) != nil else {
                        throw ArticleError(.notText, "the record is not UTF-8 text, so it cannot be JSON", file: name, line: lineNo)
                    }
                    let record = try JSONRecord.decode(data, name: name, line: lineNo)
                    recordKey = keyField.flatMap(record.key)
                    let articles = try convert(record, name: name, line: lineNo)
                    try write(articles, record: summary.records, key: recordKey, output: output)
                    summary.converted += 1
                } catch {
                    if recordKey == nil, let keyField { recordKey = JSONRecord.key(keyField, in: data) }
                    try fail(error, record: summary.records, key: recordKey, name: name, summary: &summary, failure: failure)
                }
            }
            if summary.stopped { break }
        }
        return summary
    }

    /// Reports a failed record and stops the stream when the policy says so. A failure to write
    /// the output is the stream's, not the record's: rethrown.
    func fail(_ error: ArticleError, record: Int, key: MetadataValue?, name: String, summary: inout Summary,
              failure: (Data) throws(ArticleError) -> Void) throws(ArticleError) {
        if error.code == .noSpace || error.code == Self.outputFailed { throw error }
        summary.failed += 1
        try failure(JSONRecordLine.error(record: record, key: key, input: name, error: error.inFile(name)))
        if onError == .stop { summary.stopped = true }
    }

    /// The code an `output` closure's failure carries, so the stream ends instead of counting
    /// a record as failed.
    public static let outputFailed = ArticleError.Code(rawValue: "output-failed")

    /// Writes one record's articles: a line each for JSON Lines, else one content line for the
    /// record's document.
    func write(_ articles: [Article], record: Int, key: MetadataValue?, output: (Data) throws(ArticleError) -> Void) throws(ArticleError) {
        var context = ConversionContext(options: options)
        if linesPerArticle {
            try output(try writer.write(articles, context: &context))
            return
        }
        let document: Data
        if articles.count > 1, let collectionWriter = writer as? any ArticleCollectionWriter {
            document = try collectionWriter.write(ArticleCollection(articles, title: nil), context: &context)
        } else if articles.count > 1 {
            document = try writer.write([Article.joined(articles, title: nil)], context: &context)
        } else {
            document = try writer.write(articles, context: &context)
        }
        try output(JSONRecordLine.content(record: record, key: key, format: writer.format.name, content: document))
    }
}
