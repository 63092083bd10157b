import ArticleCore
@testable import ArticleFetch
import Foundation
import Testing

@Suite("Proxies from the environment")
struct FetcherProxyTests {
    @Test("http URLs go through http_proxy and https URLs through HTTPS_PROXY, with CONNECT")
    func throughProxy() async throws {
        let certificates = try TestCertificates()
        let file = try certificates.caFile()
        defer { try? FileManager.default.removeItem(atPath: file) }
        let plain = try await TestServer { request in .text("plain \(request.uri)") }
        let secure = try await TestServer(tls: try certificates.serverTLS(dnsName: "news.example")) { request in .text("secure \(request.uri)") }
        let proxy = try await TestProxy { _, port in port == 443 ? secure.port : plain.port }
        let environment = [
            "http_proxy": "127.0.0.1:\(proxy.port)",
            "HTTPS_PROXY": "http://127.0.0.1:\(proxy.port)",
            "SSL_CERT_FILE": file,
        ]
        let fetcher = try Fetcher(configuration: try FetchConfiguration(version: "1", environment: environment))
        let page = try await fetcher.fetch(URL(string: "http://news.example/story")!)
        #expect(page.data == Data("plain /story".utf8))
        let secret = try await fetcher.fetch(URL(string: "https://news.example/story")!)
        #expect(secret.data == Data("secure /story".utf8))
        // AsyncHTTPClient tunnels http URLs with CONNECT too (not curl's absolute-form GET).
        #expect(proxy.requestLines.contains("CONNECT news.example:80 HTTP/1.1"))
        #expect(proxy.requestLines.contains("CONNECT news.example:443 HTTP/1.1"))
        await fetcher.shutdown()
        await proxy.close()
        await plain.close()
        await secure.close()
    }

    @Test("no_proxy hosts go direct")
    func noProxy() async throws {
        let server = try await TestServer { _ in .text("direct") }
        let proxy = try await TestProxy { _, _ in server.port }
        let fetcher = try Fetcher(configuration: try FetchConfiguration(version: "1", environment: [
            "http_proxy": "http://127.0.0.1:\(proxy.port)", "NO_PROXY": "example.org, 127.0.0.1",
        ]))
        _ = try await fetcher.fetch(server.url("/x"))
        #expect(proxy.requestLines.isEmpty)
        #expect(server.count("/x") == 1)
        await fetcher.shutdown()
        await proxy.close()
        await server.close()
    }

    @Test("The environment is read as curl reads it")
    func environment() throws {
        let upper = try ProxySettings(environment: ["HTTP_PROXY": "http://evil:1", "HTTPS_PROXY": "proxy.corp:3128"])
        #expect(upper.http == nil)  // upper-case HTTP_PROXY is ignored (httpoxy), as by curl
        #expect(upper.https == .init(host: "proxy.corp", port: 3128))
        let both = try ProxySettings(environment: ["https_proxy": "http://lower:1", "HTTPS_PROXY": "http://upper:2", "all_proxy": "fallback"])
        #expect(both.https?.host == "lower")
        #expect(both.http == .init(host: "fallback", port: 1080))
        let auth = try ProxySettings(environment: ["http_proxy": "http://user:p%40ss@p.example:8080/"])
        #expect(auth.http == .init(host: "p.example", port: 8080, credentials: "user:p@ss"))
        #expect(throws: ArticleError.self) { try ProxySettings(environment: ["https_proxy": "socks5://p:1080"]) }

        let rules = ProxySettings(http: .init(host: "p", port: 1), https: .init(host: "p", port: 1),
                                  noProxy: ["example.com", ".corp.example", "10.0.0.0/8", "localhost:8080", "::1"])
        #expect(rules.server(for: URL(string: "http://example.com/")!) == nil)
        #expect(rules.server(for: URL(string: "http://www.example.com/")!) == nil)
        #expect(rules.server(for: URL(string: "http://notexample.com/")!) != nil)
        #expect(rules.server(for: URL(string: "https://a.corp.example/")!) == nil)
        #expect(rules.server(for: URL(string: "http://10.2.3.4/")!) == nil)
        #expect(rules.server(for: URL(string: "http://11.2.3.4/")!) != nil)
        #expect(rules.server(for: URL(string: "http://localhost:8080/")!) == nil)
        #expect(rules.server(for: URL(string: "http://localhost:9090/")!) != nil)
        #expect(rules.server(for: URL(string: "http://[::1]/")!) == nil)
        let star = ProxySettings(http: .init(host: "p", port: 1), noProxy: ["*"])
        #expect(star.server(for: URL(string: "http://anything.example/")!) == nil)
    }
}
