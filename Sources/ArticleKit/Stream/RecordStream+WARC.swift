import ArticleJSON
import ArticleWARC
import Foundation

extension RecordStream {
    /// The record fields a page from a WARC file carries: its target URI, its `WARC-Date` and its
    /// `WARC-Record-ID`, written back by the JSON writers beside the article's own fields.
    public static let warcFields = (targetURI: "warc_target_uri", date: "warc_date", recordID: "warc_record_id")

    /// Converts the pages of the WARC file read from `fd` (`.warc` or `.warc.gz`; not closed
    /// here), one record at a time: each `response` record with an HTML page is read as a page
    /// from the network (origin ``/ArticleCore/DocumentOrigin/remote``, the target URI as its
    /// address, the charset of its HTTP `Content-Type` when the bytes fit it), and gets the
    /// ``warcFields``; an article without a URL of its own gets the target URI. Other records
    /// are counted in ``Summary/skipped``; a broken record is a failure (an error line) and the
    /// file goes on. The key of a page is its ``keyField`` when set, else its target URI.
    public func run(warc fd: Int32, name: String, output: (Data) throws(ArticleError) -> Void,
                    failure: (Data) throws(ArticleError) -> Void) throws(ArticleError) -> Summary {
        var limits = WARCLimits()
        limits.recordBytes = min(limits.recordBytes, max(options.maximumInputSize, 1))
        limits.pageBytes = limits.recordBytes
        var reader = WARCReader(fd: fd, name: name, limits: limits)
        var summary = Summary()
        while let (number, event) = reader.next() {
            summary.records = number
            switch event {
            case .skipped:
                summary.skipped += 1
            case .broken(let error, let target):
                try fail(error, record: number, key: target.map(MetadataValue.string), name: name, summary: &summary, failure: failure)
            case .page(let page):
                var fields: [String: MetadataValue] = [Self.warcFields.targetURI: .string(page.targetURI)]
                if let date = page.date { fields[Self.warcFields.date] = .string(date) }
                if let id = page.recordID { fields[Self.warcFields.recordID] = .string(id) }
                let key = keyField.flatMap { fields[$0] } ?? .string(page.targetURI)
                do throws(ArticleError) {
                    let base = URL(string: page.targetURI).flatMap { ["http", "https"].contains($0.scheme?.lowercased() ?? "") ? $0 : nil }
                    let input = ReaderInput(data: page.body, name: name, origin: .remote, sourceURL: base)
                    let charset = Converter.usableCharset(page.charset, of: page.body)
                    var articles = try read(input, format: "html", line: nil, encoding: charset)
                    for i in articles.indices {
                        if articles[i].metadata.url == nil { articles[i].metadata.url = page.targetURI }
                        articles[i].metadata.recordFields.merge(fields) { old, _ in old }
                    }
                    try write(articles, record: number, key: key, output: output)
                    summary.converted += 1
                } catch {
                    try fail(error, record: number, key: key, name: name, summary: &summary, failure: failure)
                }
            }
            if summary.stopped { break }
        }
        return summary
    }
}
