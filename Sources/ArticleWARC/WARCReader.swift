import ArticleCore
import Foundation

/// Reads a WARC file (WARC 1.0 or 1.1, `.warc` or `.warc.gz` read member by member) one record
/// at a time, with bounded memory (``WARCLimits``): each `response` record with an HTML page
/// gives a ``WARCPage``; other records are passed over without being held; a broken record is
/// reported and the reader goes on with the next one.
///
/// ```swift
/// var reader = WARCReader(fd: fd, name: "crawl.warc.gz")
/// while let (number, event) = reader.next() {
///     if case .page(let page) = event { print(number, page.targetURI, page.body.count) }
/// }
/// ```
public struct WARCReader {
    private let input: WARCBufferedInput
    private let name: String
    /// The limits the reader keeps to.
    public let limits: WARCLimits
    private var recordNumber = 0
    private var finished = false
    /// A version line found while passing over a broken record: the next record's first line.
    private var pending: Data?

    /// Reads `fd` (not closed here); `name` is the file's name for messages.
    public init(fd: Int32, name: String, limits: WARCLimits = WARCLimits()) {
        input = WARCBufferedInput(source: WARCByteSource(fd: fd, name: name))
        self.name = name
        self.limits = limits
    }

    /// The next record's number (from 1) and what it holds; nil at the end of the file.
    public mutating func next() -> (Int, WARCEvent)? {
        guard !finished else { return nil }
        do throws(ArticleError) {
            // Blank lines between records (the CRLF CRLF after each block) are skipped.
            var first = pending
            pending = nil
            while first == nil, let line = try input.line(limit: limits.headerBytes) {
                if !line.isEmpty { first = line; break }
            }
            guard let first else { finished = true; return nil }
            recordNumber += 1
            return (recordNumber, try record(startingWith: first))
        } catch {
            // A record whose bytes are damaged: reported, and the reader goes on at the next
            // gzip member (or, uncompressed, at the next line that starts a record).
            if recordNumber == 0 { recordNumber = 1 }
            let number = recordNumber
            do throws(ArticleError) {
                try input.resynchronize()
                // Uncompressed, the rest of the broken record is passed over to the next line
                // that starts a record.
                if !input.isCompressed {
                    pending = try nextVersionLine()
                    if pending == nil { finished = true }
                }
            } catch {
                finished = true
            }
            return (number, .broken(error.inFile(name), targetURI: nil))
        }
    }

    /// One record after its version line: its headers, then its block, read or skipped.
    private mutating func record(startingWith versionLine: Data) throws(ArticleError) -> WARCEvent {
        let version = String(decoding: versionLine, as: UTF8.self)
        guard version == "WARC/1.0" || version == "WARC/1.1" else {
            pending = try nextVersionLine()
            return .broken(ArticleError(.malformed, "not a WARC record (it starts \"\(version.prefix(40))\"; WARC/1.0 or WARC/1.1 expected)", file: name), targetURI: nil)
        }
        var headers = HeaderFields()
        var total = 0
        while true {
            guard let line = try input.line(limit: limits.headerBytes) else { throw WARCBufferedInput.truncated }
            if line.isEmpty { break }
            total += line.count
            if total > limits.headerBytes {
                throw ArticleError(.limitExceeded, "the record's WARC headers are longer than \(limits.headerBytes) bytes")
            }
            headers.add(line)
        }
        let type = headers["warc-type"]?.lowercased() ?? ""
        let target = headers["warc-target-uri"].map(Self.unbracketed)
        guard let lengthText = headers["content-length"], let length = Self.length(lengthText) else {
            throw ArticleError(.malformed, "the record has no valid Content-Length")
        }
        guard type == "response" else {
            try input.skip(length)
            return .skipped(type.isEmpty ? "no WARC-Type" : type)
        }
        guard length <= limits.recordBytes else {
            try input.skip(length)
            return .broken(ArticleError(.limitExceeded, "the response is \(length) bytes, more than the \(limits.recordBytes)-byte limit", file: name), targetURI: target)
        }
        let block = try input.bytes(length)
        guard let target, !target.isEmpty else {
            return .broken(ArticleError(.malformed, "the response record has no WARC-Target-URI", file: name), targetURI: nil)
        }
        let contentType = headers["content-type"]?.lowercased() ?? ""
        guard contentType.isEmpty || contentType.hasPrefix("application/http") else {
            return .skipped("response of \(contentType)")
        }
        do {
            let response = try HTTPResponse(block, limits: limits)
            guard (200..<300).contains(response.status) else { return .skipped("HTTP \(response.status)") }
            guard let media = response.mediaType, Self.htmlTypes.contains(media) else {
                return .skipped("response of \(response.mediaType ?? "no Content-Type")")
            }
            return .page(WARCPage(targetURI: target, date: headers["warc-date"], recordID: headers["warc-record-id"],
                                  status: response.status, mediaType: media, charset: response.charset, body: response.body))
        } catch {
            return .broken(error.inFile(name), targetURI: target)
        }
    }

    /// Passes over lines until one that starts a record, for a record that did not start with
    /// a version line; nil at the end of the file.
    private func nextVersionLine() throws(ArticleError) -> Data? {
        while true {
            let line: Data?
            do {
                line = try input.line(limit: limits.headerBytes)
            } catch where error.code == .limitExceeded {
                continue  // a long line of a page's body; its rest is read as the next line
            }
            guard let line else { return nil }
            if line.starts(with: Array("WARC/1.".utf8)) { return line }
        }
    }

    /// The media types read as pages.
    static let htmlTypes: Set<String> = ["text/html", "application/xhtml+xml"]

    /// A Content-Length: digits only, at most 18 of them (so it fits an Int with room to spare).
    static func length(_ text: String) -> Int? {
        let digits = StringTrimming.trimmed(text[...], in: .whitespaces)
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// `<http://…>` (how some WARC 1.0 writers put the target) as `http://…`.
    static func unbracketed(_ uri: String) -> String {
        let t = StringTrimming.trimmed(uri[...], in: .whitespaces)
        if t.hasPrefix("<") && t.hasSuffix(">") && t.count >= 2 { return String(t.dropFirst().dropLast()) }
        return t
    }
}
