import ArticleCore
import AsyncHTTPClient
import Dispatch
import NIOCore
import NIOSSL

/// The AsyncHTTPClient instances of one ``Fetcher``, all on the shared event loop group:
/// one for direct connections, one per proxy, and one per pinned host (see
/// ``Fetcher`` for why a page resource's host gets a client of its own).
actor ClientPool {
    struct Key: Hashable {
        var proxy: ProxySettings.Server?
        /// The host name and the checked address its connections must go to.
        var pin: Pin?
    }

    struct Pin: Hashable {
        var host: String
        var address: String
    }

    private let base: HTTPClient.Configuration
    private var clients: [Key: HTTPClient] = [:]
    private var closed = false

    init(configuration: FetchConfiguration, tls: TLSConfiguration) {
        var base = HTTPClient.Configuration(
            tlsConfiguration: tls,
            // Redirects are followed by the fetcher, so that each hop passes the policy.
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(FetchConfiguration.milliseconds(configuration.connectTimeout)), read: nil),
            decompression: configuration.decompress
                ? .enabled(limit: .size(Int(clamping: max(configuration.maxPageBytes, configuration.maxImageBytes))))
                : .disabled
        )
        var pool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(5),
            concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, configuration.maxConnectionsPerHost))
        // A refused connection fails at once instead of being retried until the deadline.
        pool.retryConnectionEstablishment = false
        base.connectionPool = pool
        self.base = base
    }

    /// The client for a proxy (or none) and a pinned address (or none).
    func client(proxy: ProxySettings.Server?, pin: Pin?) throws(ArticleError) -> HTTPClient {
        let key = Key(proxy: proxy, pin: pin)
        if let client = clients[key] { return client }
        guard !closed else { throw ArticleError(.usage, "the fetcher has been shut down") }
        var configuration = base
        if let proxy {
            configuration.proxy = .server(
                host: proxy.host, port: proxy.port,
                authorization: proxy.credentials.map { credentials in
                    let user = credentials.prefix { $0 != ":" }
                    return .basic(username: String(user), password: String(credentials.dropFirst(user.count + 1)))
                })
        }
        if let pin {
            // Connect to the checked address; the Host header, SNI and the certificate check
            // still use the host name.
            configuration.dnsOverride = [pin.host: pin.address]
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        clients[key] = client
        return client
    }

    /// A fetcher dropped without ``Fetcher/shutdown()`` still closes its connections (an
    /// AsyncHTTPClient dropped while running stops the process in debug builds).
    deinit {
        for client in clients.values {
            client.shutdown(queue: .global()) { _ in _ = client }
        }
    }

    /// Shuts every client down; later requests fail.
    func shutdown() async {
        closed = true
        let all = clients.values
        clients = [:]
        for client in all { try? await client.shutdown() }
    }
}
