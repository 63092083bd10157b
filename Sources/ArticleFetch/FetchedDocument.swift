import ArticleCore
import Foundation

/// A document fetched over HTTP(S): its bytes and what the server said about them.
public struct FetchedDocument: Sendable, Hashable {
    /// Where a document came from, for the policies that treat network input differently from
    /// local files (a remote page may never make ArticleKit read a local file).
    public enum Provenance: String, Sendable, Hashable {
        /// Fetched from the network.
        case remote
    }

    /// The URL asked for.
    public var requestedURL: URL
    /// The final URL after redirects: the article's `url` and the base of its relative links.
    public var url: URL
    /// The media type from `Content-Type`, lower-cased, without parameters (`text/html`);
    /// `nil` when the server sent none.
    public var mediaType: String?
    /// The `charset` parameter of `Content-Type`, lower-cased (`iso-8859-1`), when given.
    public var charset: String?
    /// The body, decompressed.
    public var data: Data
    /// Always ``Provenance/remote``.
    public var provenance: Provenance { .remote }

    /// Creates a document.
    public init(requestedURL: URL, url: URL, mediaType: String?, charset: String?, data: Data) {
        self.requestedURL = requestedURL
        self.url = url
        self.mediaType = mediaType
        self.charset = charset
        self.data = data
    }

    /// The document as a reader's input, named by its final URL, of origin
    /// ``/ArticleCore/DocumentOrigin/remote`` (so ``/ArticleCore/LocalFilePolicy`` refuses every
    /// local reference it makes), with the final URL as the base of its relative links.
    public var readerInput: ReaderInput {
        ReaderInput(data: data, name: url.absoluteString, origin: .remote, sourceURL: url)
    }

    /// Splits a `Content-Type` value into its media type and charset
    /// (`Text/HTML; Charset="UTF-8"` → `text/html`, `utf-8`).
    public static func parseContentType(_ value: String?) -> (mediaType: String?, charset: String?) {
        guard let value else { return (nil, nil) }
        let parts = value.split(separator: ";", omittingEmptySubsequences: false)
        let type = parts.first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        var charset: String?
        for parameter in parts.dropFirst() {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            let name = parameter[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            guard name == "charset" else { continue }
            var raw = parameter[parameter.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if raw.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") { raw = String(raw.dropFirst().dropLast()) }
            if !raw.isEmpty { charset = raw.lowercased() }
            break
        }
        let validType = type.contains("/") && !type.contains(" ")
        return (validType ? type : nil, charset)
    }
}
