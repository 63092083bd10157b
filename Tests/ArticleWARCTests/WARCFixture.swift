import Foundation

/// Builds WARC files for the tests: records as a crawler writes them, each gzip member made by
/// the system's gzip.
enum WARCFixture {
    static func record(type: String, uri: String? = "https://news.example/a", date: String = "2024-05-01T10:00:00Z",
                       version: String = "WARC/1.1", contentType: String = "application/http; msgtype=response",
                       length: String? = nil, block: Data) -> Data {
        var head = "\(version)\r\nWARC-Type: \(type)\r\nWARC-Date: \(date)\r\nWARC-Record-ID: <urn:uuid:\(UUID().uuidString)>\r\n"
        if let uri { head += "WARC-Target-URI: \(uri)\r\n" }
        head += "Content-Type: \(contentType)\r\nContent-Length: \(length ?? String(block.count))\r\n\r\n"
        return Data(head.utf8) + block + Data("\r\n\r\n".utf8)
    }

    static func http(_ body: Data, headers: [String] = ["Content-Type: text/html; charset=utf-8"], status: String = "200 OK") -> Data {
        Data(("HTTP/1.1 \(status)\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n").utf8) + body
    }

    static func page(_ title: String) -> Data {
        Data(("<html><head><title>\(title)</title></head><body><article><h1>\(title)</h1>"
              + String(repeating: "<p>The council met on Tuesday and agreed the plan for the new bridge over the river.</p>", count: 5)
              + "</article></body></html>").utf8)
    }

    static func gzip(_ data: Data) throws -> Data { gzipMember(data) }

    static func chunked(_ body: Data, size: Int = 100) -> Data {
        var out = Data()
        var i = 0
        while i < body.count {
            let n = min(size, body.count - i)
            out += Data((String(n, radix: 16) + "\r\n").utf8) + body[i..<(i + n)] + Data("\r\n".utf8)
            i += n
        }
        return out + Data("0\r\n\r\n".utf8)
    }
}
