import ArticleCore
import Foundation

/// An HTTP response as a WARC `response` record stores it: status line, headers, payload. The
/// payload comes out with its transfer encoding (`chunked`) and content encoding (`gzip`,
/// `deflate`) undone, within ``WARCLimits/pageBytes``.
struct HTTPResponse {
    var status: Int
    var mediaType: String?
    var charset: String?
    var body: Data

    init(_ block: Data, limits: WARCLimits) throws(ArticleError) {
        var offset = block.startIndex
        func nextLine() -> Data? {
            guard offset < block.endIndex else { return nil }
            let nl = block[offset...].firstIndex(of: 0x0A) ?? block.endIndex
            var line = block[offset..<nl]
            offset = nl < block.endIndex ? nl + 1 : nl
            if line.last == 0x0D { line = line.dropLast() }
            return Data(line)
        }
        guard let statusLine = nextLine().map({ String(decoding: $0, as: UTF8.self) }), statusLine.hasPrefix("HTTP/") else {
            throw ArticleError(.malformed, "the response record holds no HTTP response (no status line)")
        }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[1].count == 3, let code = Int(parts[1]), (100...599).contains(code) else {
            throw ArticleError(.malformed, "the HTTP status line is not valid: \(statusLine.prefix(60))")
        }
        status = code
        var headers = HeaderFields()
        var headerBytes = 0
        var ended = false
        while let line = nextLine() {
            if line.isEmpty { ended = true; break }
            headerBytes += line.count
            guard headerBytes <= limits.headerBytes else {
                throw ArticleError(.limitExceeded, "the HTTP headers are longer than \(limits.headerBytes) bytes")
            }
            headers.add(line)
        }
        guard ended else { throw ArticleError(.malformed, "the HTTP headers do not end (the record is cut short)") }
        (mediaType, charset) = Self.contentType(headers["content-type"])
        var payload = Data(block[offset...])
        if let te = headers["transfer-encoding"]?.lowercased(), te.contains("chunked"), let whole = try Self.dechunked(payload, limit: limits.pageBytes) {
            payload = whole
        }
        let encoding = headers["content-encoding"].map { StringTrimming.trimmed($0.lowercased()[...], in: .whitespaces) } ?? ""
        switch encoding {
        case "", "identity":
            break
        case "gzip", "x-gzip", "deflate":
            // Some crawlers store the payload decoded but keep the header: only compressed
            // bytes (gzip magic, or a zlib header) are inflated.
            if payload.starts(with: [0x1F, 0x8B]) || (encoding == "deflate" && payload.first.map { $0 & 0x0F == 8 } == true) {
                payload = try Inflater.inflate(payload, gzip: false, limit: limits.pageBytes)
            }
        default:
            throw ArticleError(.malformed, "the page's Content-Encoding \(encoding) is not supported (gzip and deflate are)")
        }
        guard payload.count <= limits.pageBytes else {
            throw ArticleError(.limitExceeded, "the page is more than \(limits.pageBytes) bytes")
        }
        body = payload
    }

    /// The chunks of a `chunked` body joined; nil when the bytes are not chunked after all (a
    /// crawler that stored the body decoded and kept the header). Throws for a body that starts
    /// chunked and then breaks, or grows past `limit`.
    static func dechunked(_ data: Data, limit: Int) throws(ArticleError) -> Data? {
        var out = Data()
        var offset = data.startIndex
        var first = true
        while true {
            guard let nl = data[offset...].firstIndex(of: 0x0A), nl - offset <= 1024 else {
                if first { return nil }
                throw ArticleError(.malformed, "a chunk of the page is cut short")
            }
            var sizeText = String(decoding: data[offset..<nl], as: UTF8.self)
            if let semicolon = sizeText.firstIndex(of: ";") { sizeText = String(sizeText[..<semicolon]) }
            sizeText = StringTrimming.trimmed(sizeText[...], in: .whitespacesAndNewlines)
            guard !sizeText.isEmpty, sizeText.count <= 15, let size = Int(sizeText, radix: 16), size >= 0 else {
                if first { return nil }
                throw ArticleError(.malformed, "a chunk size of the page is not valid")
            }
            first = false
            offset = nl + 1
            if size == 0 { return out }
            guard size <= limit - out.count else {
                throw ArticleError(.limitExceeded, "the page is more than \(limit) bytes")
            }
            guard data.endIndex - offset >= size else { throw ArticleError(.malformed, "a chunk of the page is cut short") }
            out.append(data[offset..<(offset + size)])
            offset += size
            // The CRLF after the chunk.
            if offset < data.endIndex, data[offset] == 0x0D { offset += 1 }
            if offset < data.endIndex, data[offset] == 0x0A { offset += 1 }
        }
    }

    private static let quotes = CharacterSet(charactersIn: "\"'")

    /// `text/html; charset=UTF-8` → (`text/html`, `UTF-8`).
    static func contentType(_ value: String?) -> (String?, String?) {
        guard let value else { return (nil, nil) }
        let parts = value.split(separator: ";")
        let type = parts.first.map { StringTrimming.trimmed($0, in: .whitespaces).lowercased() }
        var charset: String?
        for p in parts.dropFirst() {
            let kv = p.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, StringTrimming.trimmed(kv[0], in: .whitespaces).lowercased() == "charset" else { continue }
            charset = StringTrimming.trimmed(StringTrimming.trimmed(kv[1], in: .whitespaces)[...], in: Self.quotes)
        }
        return (type?.isEmpty == true ? nil : type, charset)
    }
}
