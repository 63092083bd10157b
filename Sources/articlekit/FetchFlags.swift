import ArgumentParser
import ArticleKit
import Foundation

/// The options for URL inputs (and, later, a book's images): how ArticleKit talks to web servers.
/// `HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY` and `SSL_CERT_FILE` come from the environment.
struct FetchFlags: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Seconds one download may take, body included.", valueName: "seconds"))
    var timeout: Double = 30

    @Option(name: .customLong("header"), help: ArgumentHelp("A header sent with every request, 'Name: value' (a site you are logged in to wants its Cookie); repeatable. Sent only to the host of the URL given (and its redirects there).", valueName: "line"))
    var headers: [String] = []

    @Option(name: .long, help: ArgumentHelp("The User-Agent header (default: articlekit/VERSION).", valueName: "text"))
    var userAgent: String?

    @Option(name: .customLong("ca-cert"), help: ArgumentHelp("A PEM file of CA certificates to trust besides the system's (a company proxy's); SSL_CERT_FILE does the same.", valueName: "file"))
    var caCert: String?

    @Option(name: .long, help: ArgumentHelp("The most one book may download, pages and images together, in bytes or with K, M or G (default: 500M, as 500 MB).", valueName: "size"))
    var maxDownload: ByteSize?

    @Option(name: .long, help: ArgumentHelp("Connections open at once across the run (at most 2 to one host).", valueName: "n"))
    var connections: Int = 8

    @Flag(name: .long, help: "Turn the network off: a URL input is an error, and nothing is downloaded.")
    var noFetch = false

    @Flag(name: .long, help: "Let what a page refers to (its images) come from loopback, private, link-local and cloud-metadata addresses too; the URLs you give may always be on any address.")
    var allowPrivateNetwork = false

    func validate() throws {
        if !(timeout > 0 && timeout <= 86_400) { throw ValidationError("--timeout must be more than 0 seconds, and at most a day") }
        if connections < 1 || connections > 1024 { throw ValidationError("--connections must be from 1 to 1024") }
    }

    /// The fetch configuration these flags describe, on top of the environment's proxies and
    /// `SSL_CERT_FILE` (`--ca-cert` wins over it).
    ///
    /// `share` is how many processes split the limits (a batch's workers, each fetching its
    /// books' images): each gets `--connections / share` connections and `2 / share` to one
    /// host, at least one of each, so that two workers together stay within them.
    func configuration(environment: [String: String] = ProcessInfo.processInfo.environment, share: Int = 1) throws(ArticleError) -> FetchConfiguration {
        var c = try FetchConfiguration(version: ArticleKitVersion.current, environment: environment)
        c.timeout = timeout
        c.connectTimeout = min(c.connectTimeout, timeout)
        if let userAgent { c.userAgent = userAgent }
        for line in headers { try c.addHeader(line) }
        if let caCert { c.extraCAFile = caCert }
        if let maxDownload {
            c.maxTotalBytes = Int64(maxDownload.bytes)
            // One page or image can never be more than the whole book may be.
            c.maxPageBytes = min(c.maxPageBytes, c.maxTotalBytes)
            c.maxImageBytes = min(c.maxImageBytes, c.maxTotalBytes)
        }
        let parts = max(1, share)
        c.maxConnections = max(1, connections / parts)
        c.maxConnectionsPerHost = max(1, min(2, connections) / parts)
        c.policy = NetworkPolicy(allowPrivateNetwork: allowPrivateNetwork, networkEnabled: !noFetch)
        return c
    }

    /// The fetcher these flags describe: the one every download of a run goes through (call
    /// `shutdownBlocking()` when done). Fails with a one-line error for a bad `--header` or an
    /// unreadable `--ca-cert`.
    func makeFetcher(environment: [String: String] = ProcessInfo.processInfo.environment, share: Int = 1) throws(ArticleError) -> Fetcher {
        try Fetcher(configuration: configuration(environment: environment, share: share))
    }
}
