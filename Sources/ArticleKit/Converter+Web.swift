import ArticleSupport
import Foundation

extension Converter {
    /// The reader for a fetched document: the one named by `format` (`--from`) when given, else
    /// the one for its `Content-Type`, else the one for its URL's extension, else HTML.
    ///
    /// A generic type (`text/plain`, `application/octet-stream`, or none) gives way to the URL's
    /// extension when that names a reader, since servers send raw Markdown and JSON as
    /// `text/plain`; a specific type (`text/html`, `application/json`, `application/epub+zip`)
    /// wins over the extension, whatever the URL says.
    public func reader(forPage document: FetchedDocument, format: String?) throws(ArticleError) -> any ArticleReader {
        if format != nil { return try reader(for: document.readerInput, format: format) }
        let type = document.mediaType
        let generic = type == nil || Self.genericMediaTypes.contains(type ?? "")
        if !generic, let name = type.flatMap(readerFormat(forMediaType:)), let r = registry.reader(named: name) { return r }
        if let r = registry.reader(forPath: document.url.path) ?? registry.reader(forPath: document.requestedURL.path) { return r }
        if let name = type.flatMap(readerFormat(forMediaType:)), let r = registry.reader(named: name) { return r }
        if let r = registry.reader(named: "html") { return r }
        throw ArticleError(.unknownFormat, "cannot tell the format of the page (Content-Type \(type ?? "none")); name it with --from",
                           file: document.url.absoluteString)
    }

    /// Reads a fetched document into articles, as ``read(_:from:context:)`` reads a file.
    ///
    /// - The reader comes from ``reader(forPage:format:)``.
    /// - The input is of origin ``/ArticleCore/DocumentOrigin/remote``: no local file it names
    ///   is ever read.
    /// - The charset of `Content-Type` is used when there is no byte-order mark and the user named
    ///   no `--encoding`, before the page's own `<meta>` declaration; a charset the readers do not
    ///   know, or that the bytes do not fit, is ignored (the page's declaration then decides).
    /// - An article without an address gets the final URL after redirects; a page's canonical
    ///   link (or `og:url`) is kept when it has one.
    public func readPage(_ document: FetchedDocument, from format: String? = nil, context: inout ConversionContext) throws(ArticleError) -> [Article] {
        let reader = try reader(forPage: document, format: format)
        let saved = context.options.encoding
        defer { context.options.encoding = saved }
        if saved == nil, let charset = Self.usableCharset(document.charset, of: document.data) {
            context.options.encoding = charset
        }
        var articles = try read(document.readerInput, from: reader.format.name, context: &context)
        for i in articles.indices where articles[i].metadata.url == nil {
            articles[i].metadata.url = document.url.absoluteString
        }
        return articles
    }

    /// Media types that say only "some text" or "some bytes".
    static let genericMediaTypes: Set<String> = ["text/plain", "application/octet-stream", "binary/octet-stream", "application/unknown"]

    /// Media types the readers' own ``/ArticleCore/FormatInfo/mediaType`` does not name.
    static let mediaTypeAliases: [String: String] = [
        "application/xhtml+xml": "html", "application/vnd.wap.xhtml+xml": "html",
        "text/x-markdown": "markdown", "text/x-web-markdown": "markdown",
        "application/x-ndjson": "jsonl", "application/ndjson": "jsonl", "application/x-jsonlines": "jsonl",
        "application/jsonl": "jsonl", "text/json": "json", "application/x-json": "json",
    ]

    /// The name of the reader for a media type (`text/html` → `html`), from the registry's readers
    /// and a few aliases.
    func readerFormat(forMediaType type: String) -> String? {
        if let alias = Self.mediaTypeAliases[type] { return alias }
        if let r = registry.readers.last(where: { $0.format.mediaType == type }) { return r.format.name }
        // `application/vnd.example+json` is JSON of some kind.
        if type.hasSuffix("+json") { return "json" }
        return nil
    }

    /// The header's charset when it can be used: a label the decoders know, that the bytes fit.
    /// A page the header calls legacy-encoded but whose bytes are valid UTF-8 with non-ASCII text
    /// is UTF-8 (servers label every page with a default such as `iso-8859-1`): the header is
    /// ignored for it, as the HTML reader ignores such a `<meta>` declaration.
    static func usableCharset(_ charset: String?, of data: Data) -> String? {
        guard let charset, !charset.isEmpty else { return nil }
        let label = CharsetSniffer.normalize(charset)
        guard let decoder = HTMLParser.decoder(forEncoding: label) ?? ReaderInput.encoding(named: label) else { return nil }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) || data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return nil }
        let validUTF8 = data.withUnsafeBytes { CharsetSniffer.isValidUTF8($0.bindMemory(to: UInt8.self)) }
        if decoder == .utf8 { return validUTF8 ? label : nil }
        if validUTF8 && data.contains(where: { $0 >= 0x80 }) && !label.hasPrefix("utf-16") { return nil }
        guard String(data: data, encoding: decoder) != nil else { return nil }
        return label
    }
}
