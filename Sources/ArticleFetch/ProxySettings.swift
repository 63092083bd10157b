import ArticleCore
import Foundation

/// The proxies to use, read from the environment as curl reads it.
///
/// - `http_proxy` for http URLs: lower case only, as curl (an upper-case `HTTP_PROXY` can be
///   set by a web server's `Proxy:` request header in CGI programs, the "httpoxy" problem).
/// - `https_proxy` or `HTTPS_PROXY` for https URLs, tunnelled with `CONNECT`. (AsyncHTTPClient
///   tunnels http URLs with `CONNECT` as well, where curl sends an absolute-form `GET`; a proxy
///   that allows `CONNECT` only to port 443, as Squid does by default, refuses those.)
/// - `all_proxy` or `ALL_PROXY` when the scheme's own variable is not set.
/// - `no_proxy` or `NO_PROXY`: comma-separated hosts that go direct. `*` alone matches every
///   host; `example.com` and `.example.com` match that host and its subdomains; an IP address
///   matches itself and `10.0.0.0/8` a range; `host:port` matches that port only.
///
/// The lower-case variable wins when both are set. A proxy is `[http://][user:password@]host[:port]`
/// (port 1080 when none is given, as curl); other proxy schemes (socks, https) are refused.
public struct ProxySettings: Sendable, Hashable {
    /// One proxy server.
    public struct Server: Sendable, Hashable {
        /// The proxy's host.
        public var host: String
        /// The proxy's port.
        public var port: Int
        /// `user:password` for `Proxy-Authorization: Basic`, when the proxy URL has one.
        public var credentials: String?

        /// Creates a proxy server.
        public init(host: String, port: Int, credentials: String? = nil) {
            self.host = host
            self.port = port
            self.credentials = credentials
        }
    }

    /// The proxy for http URLs.
    public var http: Server?
    /// The proxy for https URLs.
    public var https: Server?
    /// The `no_proxy` entries, lower-cased and trimmed.
    public var noProxy: [String]

    /// No proxies.
    public init(http: Server? = nil, https: Server? = nil, noProxy: [String] = []) {
        self.http = http
        self.https = https
        self.noProxy = noProxy
    }

    /// Reads the proxies from environment variables (pass `ProcessInfo.processInfo.environment`).
    public init(environment env: [String: String]) throws(ArticleError) {
        func value(_ names: String...) -> String? {
            names.lazy.compactMap { env[$0] }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        let all = value("all_proxy", "ALL_PROXY")
        self.http = try (value("http_proxy") ?? all).map { v throws(ArticleError) in try Self.parse(v) }
        self.https = try (value("https_proxy", "HTTPS_PROXY") ?? all).map { v throws(ArticleError) in try Self.parse(v) }
        self.noProxy = (value("no_proxy", "NO_PROXY") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }
    }

    /// The proxy for a URL, or `nil` when it goes direct.
    public func server(for url: URL) -> Server? {
        let server = url.scheme?.lowercased() == "https" ? https : http
        guard let server, let host = url.host(percentEncoded: false) else { return nil }
        let port = url.port ?? (url.scheme?.lowercased() == "https" ? 443 : 80)
        return bypasses(host: host, port: port) ? nil : server
    }

    /// Whether `no_proxy` sends this host direct.
    public func bypasses(host rawHost: String, port: Int) -> Bool {
        let host = Self.bare(rawHost).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        for entry in noProxy {
            if entry == "*" { return true }
            var pattern = entry
            var wantedPort: Int?
            // `host:port`, `[v6]:port`; a bare IPv6 address has more than one colon.
            if let colon = pattern.lastIndex(of: ":"), pattern.filter({ $0 == ":" }).count == 1 || pattern.hasPrefix("[") {
                let tail = pattern[pattern.index(after: colon)...]
                if let number = Int(tail), !pattern.hasSuffix("]") {
                    wantedPort = number
                    pattern = String(pattern[..<colon])
                }
            }
            if let wantedPort, wantedPort != port { continue }
            pattern = Self.bare(pattern)
            if let slash = pattern.firstIndex(of: "/"), let bits = Int(pattern[pattern.index(after: slash)...]) {
                if Self.address(host, isIn: String(pattern[..<slash]), prefix: bits) { return true }
                continue
            }
            pattern = pattern.trimmingCharacters(in: CharacterSet(charactersIn: "."))
            if pattern.isEmpty { continue }
            if host == pattern || host.hasSuffix("." + pattern) { return true }
        }
        return false
    }

    static func bare(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    static func address(_ host: String, isIn network: String, prefix: Int) -> Bool {
        let a = IPAddressClass.parseIPv4(host) ?? IPAddressClass.parseIPv6(host)
        let n = IPAddressClass.parseIPv4(network) ?? IPAddressClass.parseIPv6(network)
        guard let a, let n, a.count == n.count, prefix >= 0, prefix <= a.count * 8 else { return false }
        for bit in 0..<prefix {
            let mask = UInt8(0x80) >> UInt8(bit % 8)
            if a[bit / 8] & mask != n[bit / 8] & mask { return false }
        }
        return true
    }

    /// Parses `[http://][user:password@]host[:port][/]`.
    static func parse(_ raw: String) throws(ArticleError) -> Server {
        var text = raw.trimmingCharacters(in: .whitespaces)
        if !text.contains("://") { text = "http://" + text }
        guard let parts = URLComponents(string: text), let host = parts.host, !host.isEmpty else {
            throw ArticleError(.usage, "proxy '\(raw)' is not a URL")
        }
        guard parts.scheme?.lowercased() == "http" else {
            throw ArticleError(.usage, "proxy '\(raw)': only http:// proxies are supported (https URLs go through CONNECT)")
        }
        var credentials: String?
        if let user = parts.user { credentials = user + ":" + (parts.password ?? "") }
        return Server(host: bare(host), port: parts.port ?? 1080, credentials: credentials)
    }
}
