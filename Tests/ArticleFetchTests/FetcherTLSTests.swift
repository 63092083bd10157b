import ArticleCore
@testable import ArticleFetch
import Foundation
import Testing

@Suite("HTTPS with a test CA")
struct FetcherTLSTests {
    let certificates: TestCertificates
    init() throws { certificates = try TestCertificates() }

    @Test("A certificate from an unknown CA is refused; with the CA as an extra root it is trusted")
    func extraCA() async throws {
        try await withServer(tls: try certificates.serverTLS(), route: { _ in .text("secret") }) { server in
            let url = server.url("/", host: "localhost", scheme: "https")
            let plain = try makeFetcher()
            let error = await failure(plain, FetchRequest(url: url))
            #expect(error?.description.hasPrefix("\(url.absoluteString): certificate not trusted") == true)
            await plain.shutdown()

            let file = try certificates.caFile()
            defer { try? FileManager.default.removeItem(atPath: file) }
            let trusting = try makeFetcher { $0.extraCAFile = file }
            let page = try await trusting.fetch(url)
            #expect(page.data == Data("secret".utf8))
            await trusting.shutdown()

            // SSL_CERT_FILE does the same, read from the environment given.
            let fromEnvironment = try Fetcher(configuration: try FetchConfiguration(version: "1", environment: ["SSL_CERT_FILE": file]))
            #expect(try await fromEnvironment.fetch(url).data == Data("secret".utf8))
            await fromEnvironment.shutdown()
        }
    }

    @Test("A certificate for another host name is refused")
    func wrongHost() async throws {
        let file = try certificates.caFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await withServer(tls: try certificates.serverTLS(dnsName: "other.example"), route: { _ in .text("x") }) { server in
            let fetcher = try makeFetcher { $0.extraCAFile = file }
            let url = server.url("/", host: "localhost", scheme: "https")
            let error = await failure(fetcher, FetchRequest(url: url))
            #expect(error?.description == "\(url.absoluteString): certificate does not match the host name")
            await fetcher.shutdown()
        }
    }

    @Test("An expired certificate is refused")
    func expired() async throws {
        let file = try certificates.caFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try await withServer(tls: try certificates.serverTLS(expired: true), route: { _ in .text("x") }) { server in
            let fetcher = try makeFetcher { $0.extraCAFile = file }
            let error = await failure(fetcher, FetchRequest(url: server.url("/", host: "localhost", scheme: "https")))
            #expect(error?.message.hasPrefix("certificate not trusted") == true)
            await fetcher.shutdown()
        }
    }

    @Test("An unreadable CA file is one clear error")
    func badCAFile() throws {
        #expect(throws: ArticleError.self) {
            _ = try makeFetcher { $0.extraCAFile = "/nonexistent/ca.pem" }
        }
    }
}
