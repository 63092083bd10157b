import ArticleCore
import Foundation

/// Everything a ``Fetcher`` is set up with, built once (like AsyncHTTPClient's
/// `HTTPClient.Configuration`) and fixed for the fetcher's life.
///
/// The defaults are the command line's: redirects at most 10, a 10 s connect and 30 s
/// whole-request timeout, 20 MB a page or image, 500 MB for all of a fetcher's downloads,
/// 8 connections (2 per host), two retries of 429 and 503.
public struct FetchConfiguration: Sendable {
    /// Redirects followed before failing with "too many redirects".
    public var maxRedirects = 10
    /// Time to open a connection (TCP and TLS), in seconds.
    public var connectTimeout: Double = 10
    /// Time for the whole request, body included, in seconds (`--timeout`).
    public var timeout: Double = 30
    /// The largest page, decompressed, in bytes.
    public var maxPageBytes: Int64 = 20_000_000
    /// The largest image, decompressed, in bytes.
    public var maxImageBytes: Int64 = 20_000_000
    /// All bytes one fetcher downloads, together (a book's downloads; `--max-download`).
    public var maxTotalBytes: Int64 = 500_000_000
    /// Whether `gzip` and `deflate` bodies are asked for and decompressed. Decompression stops
    /// at the larger of the two size caps, so a small compressed body cannot expand past it
    /// (a decompression bomb) before the caps are checked.
    public var decompress = true
    /// The `User-Agent` header (`--user-agent`).
    public var userAgent: String
    /// Headers sent with every request (`--header 'Name: value'`); `Authorization` and
    /// `Cookie` are dropped when a redirect leaves the host they were sent to.
    public private(set) var extraHeaders: [(name: String, value: String)] = []
    /// The proxies (``ProxySettings/init(environment:)``).
    public var proxies = ProxySettings()
    /// A PEM file of CA certificates trusted in addition to the system's (`--ca-cert`, or
    /// `SSL_CERT_FILE`).
    public var extraCAFile: String?
    /// Connections open at once, in total (`--connections`).
    public var maxConnections = 8
    /// Connections open at once to one host (scheme, host and port).
    public var maxConnectionsPerHost = 2
    /// How often a 429 or 503 answer is retried.
    public var maxRetries = 2
    /// The longest `Retry-After` wait honoured, in seconds; a longer one is shortened to this.
    public var maxRetryDelay: Double = 10
    /// The wait before a retry when the server gives no `Retry-After`, in seconds.
    public var defaultRetryDelay: Double = 1
    /// What may be fetched from where.
    public var policy = NetworkPolicy()
    /// How host names of page resources are resolved before their addresses are checked.
    public var resolver = HostResolver.system

    /// The default `User-Agent` for an ArticleKit version: `articlekit/0.1.0`.
    public static func defaultUserAgent(version: String) -> String { "articlekit/\(version)" }

    /// Creates the default configuration for ArticleKit `version`, with the proxies and the
    /// extra CA (`SSL_CERT_FILE`) read from `environment` (pass
    /// `ProcessInfo.processInfo.environment`; tests pass their own).
    public init(version: String, environment: [String: String] = [:]) throws(ArticleError) {
        userAgent = Self.defaultUserAgent(version: version)
        proxies = try ProxySettings(environment: environment)
        if let file = environment["SSL_CERT_FILE"], !file.isEmpty { extraCAFile = file }
    }

    /// Adds a header from a `Name: value` line (`--header`).
    ///
    /// Refuses a line without a colon, a name that is not an HTTP token, control characters
    /// in the value (a header must not smuggle a second one), and the headers the fetcher sets
    /// itself (`Host`, `Content-Length`, `Transfer-Encoding`, `Connection`).
    public mutating func addHeader(_ line: String) throws(ArticleError) {
        guard let colon = line.firstIndex(of: ":") else {
            throw ArticleError(.usage, "header '\(line)' is not 'Name: value'")
        }
        let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
        let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        let token = CharacterSet(charactersIn: "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(token.contains) else {
            throw ArticleError(.usage, "header '\(line)': '\(name)' is not a header name")
        }
        guard !value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7f }) else {
            throw ArticleError(.usage, "header '\(name)': the value holds a control character")
        }
        let reserved = ["host", "content-length", "transfer-encoding", "connection"]
        guard !reserved.contains(name.lowercased()) else {
            throw ArticleError(.usage, "header '\(name)' is set by ArticleKit and cannot be given")
        }
        if name.lowercased() == "user-agent" { userAgent = value; return }
        extraHeaders.append((name, value))
    }

    /// A number of seconds as a whole number of milliseconds: negative and NaN as 0, at most a
    /// day, so that no setting can trap a conversion.
    static func milliseconds(_ seconds: Double) -> Int64 {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return Int64(min(seconds, 86_400) * 1000)
    }

    /// The size cap for a kind of request.
    func maxBytes(for kind: FetchRequest.Kind) -> Int64 {
        kind == .image ? maxImageBytes : maxPageBytes
    }
}
