import ArticleCore
@testable import ArticleFetch
import Foundation
import Testing

@Suite("Redirects, retries and the address policy")
struct FetcherRedirectTests {
    static let routes: TestServer.Route = { request in
        let path = request.uri
        if path.hasPrefix("/chain/") {
            // /chain/N redirects to /chain/N-1; /chain/0 is the page.
            let n = Int(path.dropFirst("/chain/".count)) ?? 0
            return n == 0 ? .text("end") : .redirect("/chain/\(n - 1)", status: n % 2 == 0 ? 301 : 307)
        }
        switch path {
        case "/loop-a": return .redirect("/loop-b")
        case "/loop-b": return .redirect("http://127.0.0.1:\(request.header("Host")?.split(separator: ":").last ?? "")/loop-a")
        case "/to-file": return .redirect("file:///etc/passwd")
        case "/to-metadata": return .redirect("http://169.254.169.254/latest/meta-data/")
        case "/busy-once":
            return .send(status: 429, headers: [("Retry-After", "1")])
        case "/unavailable": return .send(status: 503, headers: [("Retry-After", "0")])
        default: return .text("ok")
        }
    }

    @Test("A redirect chain of 10 is followed to its end, and the final URL is reported")
    func chain() async throws {
        try await withServer(route: Self.routes) { server in
            let fetcher = try makeFetcher()
            let page = try await fetcher.fetch(server.url("/chain/10"))
            #expect(page.url == server.url("/chain/0"))
            #expect(page.requestedURL == server.url("/chain/10"))
            #expect(page.data == Data("end".utf8))
            await fetcher.shutdown()
        }
    }

    @Test("An 11th redirect fails, and so does a loop")
    func tooMany() async throws {
        try await withServer(route: Self.routes) { server in
            let fetcher = try makeFetcher()
            let eleven = await failure(fetcher, FetchRequest(url: server.url("/chain/11")))
            #expect(eleven?.description == "\(server.url("/chain/11").absoluteString): too many redirects (more than 10)")
            let loop = await failure(fetcher, FetchRequest(url: server.url("/loop-a")))
            #expect(loop?.message.hasPrefix("redirect loop") == true)
            #expect(server.count("/loop-a") == 1 && server.count("/loop-b") == 1)
            await fetcher.shutdown()
        }
    }

    @Test("A redirect to another scheme is refused")
    func redirectScheme() async throws {
        try await withServer(route: Self.routes) { server in
            let fetcher = try makeFetcher()
            let error = await failure(fetcher, FetchRequest(url: server.url("/to-file")))
            #expect(error?.file == server.url("/to-file").absoluteString)
            #expect(error?.message.hasPrefix("redirected to file:///etc/passwd: scheme 'file' not allowed") == true)
            await fetcher.shutdown()
        }
    }

    @Test("A user-requested URL may be on loopback; a page resource there is refused unless allowed")
    func loopbackPolicy() async throws {
        try await withServer(route: Self.routes) { server in
            let fetcher = try makeFetcher()
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/x"), origin: .userRequested))
            let asResource = FetchRequest(url: server.url("/img"), origin: .pageResource, kind: .image)
            let refused = await failure(fetcher, asResource)
            #expect(refused?.code == .fetchRefused)
            #expect(refused?.message.hasPrefix("loopback address 127.0.0.1 refused") == true)
            // After DNS: `localhost` is a name, and it resolves to loopback.
            let named = await failure(fetcher, FetchRequest(url: server.url("/img", host: "localhost"), origin: .pageResource))
            #expect(named?.message.contains("loopback") == true)
            #expect(server.count("/img") == 0)
            await fetcher.shutdown()

            let allowed = try makeFetcher { $0.policy.allowPrivateNetwork = true }
            _ = try await allowed.fetch(asResource)
            #expect(server.count("/img") == 1)
            await allowed.shutdown()
        }
    }

    @Test("A page resource whose name resolves to a private address is refused before connecting")
    func resolvedPrivate() async throws {
        let fetcher = try makeFetcher {
            $0.resolver = HostResolver { host in
                host == "cdn.example" ? ["93.184.216.34", "10.1.2.3"] : ["fd00:ec2::254"]
            }
        }
        let mixed = await failure(fetcher, FetchRequest(url: URL(string: "http://cdn.example/a.jpg")!, origin: .pageResource))
        #expect(mixed?.description == "http://cdn.example/a.jpg: private address 10.1.2.3 refused for a resource named by a page (--allow-private-network allows it)")
        let metadata = await failure(fetcher, FetchRequest(url: URL(string: "http://meta.example/")!, origin: .pageResource))
        #expect(metadata?.message.hasPrefix("private address fd00:ec2::254") == true)
        await fetcher.shutdown()
    }

    @Test("A page resource redirected to the cloud metadata address is refused on that hop")
    func redirectToMetadata() async throws {
        try await withServer(route: Self.routes) { server in
            // The first hop goes through a proxy (which resolves names itself), the second is a literal.
            let proxy = try await TestProxy { _, _ in server.port }
            let fetcher = try makeFetcher {
                $0.proxies = try ProxySettings(environment: ["http_proxy": "http://127.0.0.1:\(proxy.port)"])
            }
            let error = await failure(fetcher, FetchRequest(url: URL(string: "http://images.example/to-metadata")!, origin: .pageResource))
            #expect(error?.file == "http://images.example/to-metadata")
            #expect(error?.message.hasPrefix("redirected to http://169.254.169.254/latest/meta-data/: link-local address 169.254.169.254 refused") == true)
            #expect(server.count("/to-metadata") == 1)
            await fetcher.shutdown()
            await proxy.close()
        }
    }

    @Test("429 is retried after Retry-After; 503 fails after two retries")
    func retries() async throws {
        let calls = Counter()
        try await withServer(route: { request in
            if request.uri == "/busy-once" { return calls.next() == 1 ? .send(status: 429, headers: [("Retry-After", "1")]) : .text("fine") }
            return Self.routes(request)
        }) { server in
            let fetcher = try makeFetcher()
            let started = Date()
            let page = try await fetcher.fetch(server.url("/busy-once"))
            #expect(page.data == Data("fine".utf8))
            #expect(Date().timeIntervalSince(started) >= 0.9)
            let error = await failure(fetcher, FetchRequest(url: server.url("/unavailable")))
            #expect(error?.message == "HTTP 503 (still after 2 retries)")
            #expect(server.count("/unavailable") == 3)
            await fetcher.shutdown()
        }
    }

    @Test("Retry-After as seconds or an HTTP date, capped")
    func retryAfter() throws {
        var configuration = try FetchConfiguration(version: "1")
        configuration.maxRetryDelay = 10
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(Fetcher.retryDelay("1", configuration: configuration, now: now) == 1)
        #expect(Fetcher.retryDelay("3600", configuration: configuration, now: now) == 10)
        #expect(Fetcher.retryDelay("Tue, 14 Nov 2023 22:13:25 GMT", configuration: configuration, now: now) == 5)
        #expect(Fetcher.retryDelay("Tue, 14 Nov 2023 20:00:00 GMT", configuration: configuration, now: now) == 0)
        #expect(Fetcher.retryDelay("soon", configuration: configuration, now: now) == 1)
        #expect(Fetcher.retryDelay(nil, configuration: configuration, now: now) == 1)
    }
}

/// A thread-safe counter for routes.
final class Counter: Sendable {
    private let value = NIOLockedValueBox(0)
    func next() -> Int { value.withLockedValue { $0 += 1; return $0 } }
}

import NIOConcurrencyHelpers
