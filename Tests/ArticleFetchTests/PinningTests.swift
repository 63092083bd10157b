import ArticleCore
@testable import ArticleFetch
import Foundation
import Testing

/// The address check connects a page resource to the address it checked (``ClientPool/Pin``);
/// the policy itself never lets a loopback address through, so these tests use the pinned
/// client directly, with a made-up public name pinned to the loopback test server.
@Suite("Connections pinned to a checked address")
struct PinningTests {
    @Test("A pinned name connects to the pinned address and still sends its own Host header")
    func pinnedHTTP() async throws {
        try await withServer(route: { request in .text("host \(request.header("Host") ?? "")") }) { server in
            let pool = ClientPool(configuration: try FetchConfiguration(version: "1"), tls: .makeClientConfiguration())
            let client = try await pool.client(proxy: nil, pin: .init(host: "cdn.example", address: "127.0.0.1"))
            let response = try await client.execute(.init(url: "http://cdn.example:\(server.port)/a.jpg"), timeout: .seconds(5))
            var body = try await response.body.collect(upTo: 1000)
            #expect(body.readString(length: body.readableBytes) == "host cdn.example:\(server.port)")
            await pool.shutdown()
        }
    }

    @Test("Over TLS the certificate is checked against the name, not the pinned address")
    func pinnedTLS() async throws {
        let certificates = try TestCertificates()
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.additionalTrustRoots = [.certificates([try NIOSSLCertificate(bytes: Array(certificates.ca.serializeAsPEM().pemString.utf8), format: .pem)])]
        try await withServer(tls: try certificates.serverTLS(dnsName: "images.example"), route: { _ in .text("ok") }) { server in
            let pool = ClientPool(configuration: try FetchConfiguration(version: "1"), tls: tls)
            let right = try await pool.client(proxy: nil, pin: .init(host: "images.example", address: "127.0.0.1"))
            let response = try await right.execute(.init(url: "https://images.example:\(server.port)/"), timeout: .seconds(5))
            #expect(response.status.code == 200)
            _ = try await response.body.collect(upTo: 1000)
            let wrong = try await pool.client(proxy: nil, pin: .init(host: "other.example", address: "127.0.0.1"))
            await #expect(throws: (any Error).self) {
                _ = try await wrong.execute(.init(url: "https://other.example:\(server.port)/"), timeout: .seconds(5))
            }
            await pool.shutdown()
        }
    }

    @Test("A user-requested name that does not exist fails as a DNS failure")
    func dnsFailure() async throws {
        let fetcher = try makeFetcher()
        let error = await failure(fetcher, FetchRequest(url: URL(string: "http://no-such-host.invalid/")!))
        #expect(error?.description.hasPrefix("http://no-such-host.invalid/: DNS lookup failed") == true, "\(String(describing: error))")
        await fetcher.shutdown()
    }
}

import NIOSSL
