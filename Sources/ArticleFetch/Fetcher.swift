import ArticleCore
import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOSSL

/// Fetches http(s) URLs under one ``FetchConfiguration``: redirects, timeouts, size caps,
/// decompression, proxies, retries, connection limits and the ``NetworkPolicy``.
///
/// Each URL is fetched once per fetcher: a second request for it (even one made while the
/// first is still running) gets the first one's result, a failure included, and the first
/// request's `Referer`. Requests differing in ``FetchRequest/origin-swift.property`` or
/// ``FetchRequest/kind-swift.property`` are fetched separately, since their policy and cap differ. Make one fetcher per run (or per book:
/// ``FetchConfiguration/maxTotalBytes`` counts everything it downloads), and call
/// ``shutdown()`` when done.
///
/// ## How the address check is made
/// AsyncHTTPClient resolves host names itself and does not say which address it connected to,
/// so for a ``FetchRequest/Origin-swift.enum/pageResource`` whose addresses must be checked the
/// fetcher resolves the name itself (``FetchConfiguration/resolver``), refuses it when any of
/// its addresses is not public, and then connects through a client whose `dnsOverride` pins the
/// name to the checked address: the `Host` header, TLS SNI and the certificate check still use
/// the name, but no second DNS answer is ever asked for. A name is resolved once per fetcher
/// and every later request and redirect hop to it uses the same pinned address, so a DNS server
/// that answers with a public address first and a private one next (DNS rebinding) gains
/// nothing. IP literals are checked as they are. Through a proxy the proxy resolves names, so
/// only literal addresses and `localhost` names can be refused there.
public final class Fetcher: Sendable {
    /// The configuration the fetcher was made with.
    public let configuration: FetchConfiguration
    let clients: ClientPool
    let limiter: ConnectionLimiter
    let cache = FetchCache()
    let pins = PinCache()
    let downloaded = NIOLockedValueBox<Int64>(0)

    /// Creates a fetcher; fails when the extra CA file cannot be read.
    public init(configuration: FetchConfiguration) throws(ArticleError) {
        self.configuration = configuration
        var tls = TLSConfiguration.makeClientConfiguration()
        if let file = configuration.extraCAFile {
            do {
                let certificates = try NIOSSLCertificate.fromPEMFile(file)
                guard !certificates.isEmpty else { throw ArticleError(.malformed, "no certificate in the file", file: file) }
                tls.additionalTrustRoots = [.certificates(certificates)]
            } catch let error as ArticleError {
                throw error
            } catch {
                throw ArticleError(.malformed, "not a PEM file of CA certificates", file: file)
            }
        }
        clients = ClientPool(configuration: configuration, tls: tls)
        limiter = ConnectionLimiter(total: configuration.maxConnections, perHost: configuration.maxConnectionsPerHost)
    }

    /// Fetches a URL: the document after redirects, or an error naming the URL and the reason.
    public func fetch(_ request: FetchRequest) async throws(ArticleError) -> FetchedDocument {
        let key = "\(request.origin.rawValue) \(request.kind.rawValue) \(request.wireURL.absoluteString)"
        let task = await cache.task(for: key) {
            Task { try await self.perform(request) }
        }
        do {
            return try await task.value
        } catch {
            throw FetchErrors.articleError(error, url: request.url.absoluteString, configuration: configuration)
        }
    }

    /// Fetches a URL the person gave (a page, on any address).
    public func fetch(_ url: URL) async throws(ArticleError) -> FetchedDocument {
        try await fetch(FetchRequest(url: url))
    }

    /// Bytes downloaded so far, all requests together.
    public var bytesDownloaded: Int64 { downloaded.withLockedValue { $0 } }

    /// Closes every connection. Requests made after it fail.
    public func shutdown() async {
        await clients.shutdown()
    }

    /// Counts `count` more bytes against ``FetchConfiguration/maxTotalBytes``.
    func take(_ count: Int64, for url: URL) throws(ArticleError) {
        let limit = configuration.maxTotalBytes
        let fits = downloaded.withLockedValue { total in
            let (sum, overflow) = total.addingReportingOverflow(max(0, count))
            guard !overflow, sum <= limit else { return false }
            total = sum
            return true
        }
        guard fits else {
            throw FetchError.tooLarge(url.absoluteString, "all downloads together would pass the \(FetchError.size(limit)) cap (--max-download)")
        }
    }
}

/// The fetch-once cache: one task per request key, running or finished.
actor FetchCache {
    private var tasks: [String: Task<FetchedDocument, any Error>] = [:]

    func task(for key: String, start: () -> Task<FetchedDocument, any Error>) -> Task<FetchedDocument, any Error> {
        if let task = tasks[key] { return task }
        let task = start()
        tasks[key] = task
        return task
    }
}

/// The checked address of each page-resource host, resolved once per fetcher.
actor PinCache {
    private var pins: [String: Task<String, any Error>] = [:]

    func address(of host: String, resolve: @escaping @Sendable () async throws -> String) -> Task<String, any Error> {
        if let task = pins[host] { return task }
        let task = Task { try await resolve() }
        pins[host] = task
        return task
    }
}
