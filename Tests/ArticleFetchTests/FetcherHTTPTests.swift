import ArticleCore
@testable import ArticleFetch
import Foundation
import Testing

@Suite("Fetcher over HTTP on loopback")
struct FetcherHTTPTests {
    static let routes: TestServer.Route = { request in
        switch request.uri {
        case "/page": return .text("<p>Hello</p>")
        case "/latin1":
            return .send(status: 200, headers: [("Content-Type", "text/html; charset=ISO-8859-1")], body: [0x3C, 0x70, 0x3E, 0xE9, 0x3C, 0x2F, 0x70, 0x3E])
        case "/wrong-type": return .text("<html><p>page</p></html>", type: "application/octet-stream")
        case "/no-type": return .send(status: 200, body: Array("plain".utf8))
        case "/missing": return .send(status: 404, body: Array("gone".utf8))
        case "/boom": return .send(status: 500)
        case let path where path.hasPrefix("/headers"): return .text("ok")
        case "/hotlinked":
            return request.header("Referer") == "http://news.example/story"
                ? .send(status: 200, headers: [("Content-Type", "image/jpeg")], body: [0xFF, 0xD8, 0xFF])
                : .send(status: 403)
        default: return .send(status: 404)
        }
    }

    @Test("A page comes back with its final URL, media type and the charset of the header")
    func page() async throws {
        try await withServer(route: Self.routes) { server in
            let fetcher = try makeFetcher()
            let page = try await fetcher.fetch(server.url("/page"))
            #expect(page.data == Data("<p>Hello</p>".utf8))
            #expect(page.mediaType == "text/html")
            #expect(page.charset == "utf-8")
            #expect(page.url == server.url("/page"))
            #expect(page.provenance == .remote)
            #expect(page.readerInput.name == server.url("/page").absoluteString)
            let latin = try await fetcher.fetch(server.url("/latin1"))
            #expect(latin.charset == "iso-8859-1")
            #expect(latin.data.count == 8)  // bytes as sent, decoded later by the reader
            let wrong = try await fetcher.fetch(server.url("/wrong-type"))
            #expect(wrong.mediaType == "application/octet-stream")  // reported, the reader decides
            let none = try await fetcher.fetch(server.url("/no-type"))
            #expect(none.mediaType == nil && none.charset == nil)
            await fetcher.shutdown()
        }
    }

    @Test("HTTP errors name the URL and the status")
    func statusErrors() async throws {
        try await withServer(route: Self.routes) { server in
            let fetcher = try makeFetcher()
            let missing = await failure(fetcher, FetchRequest(url: server.url("/missing")))
            #expect(missing?.description == "\(server.url("/missing").absoluteString): HTTP 404 Not Found")
            #expect(missing?.code == .network)
            let boom = await failure(fetcher, FetchRequest(url: server.url("/boom")))
            #expect(boom?.message == "HTTP 500 Internal Server Error")
            await fetcher.shutdown()
        }
    }

    @Test("User-Agent, extra headers and Accept-Encoding reach the server")
    func headers() async throws {
        try await withServer(route: Self.routes) { server in
            let fetcher = try makeFetcher {
                try $0.addHeader("X-Token: abc 123")
                try $0.addHeader("Cookie: session=1")
            }
            _ = try await fetcher.fetch(server.url("/headers"))
            let seen = try #require(server.requests.last)
            #expect(seen.header("User-Agent") == "articlekit/9.9.9")
            #expect(seen.header("X-Token") == "abc 123")
            #expect(seen.header("Cookie") == "session=1")
            #expect(seen.header("Accept-Encoding")?.contains("gzip") == true)
            await fetcher.shutdown()

            let custom = try makeFetcher { try $0.addHeader("User-Agent: Mozilla/5.0 test") }
            _ = try await custom.fetch(server.url("/headers"))
            #expect(server.requests.last?.header("User-Agent") == "Mozilla/5.0 test")
            await custom.shutdown()
        }
    }

    @Test("A log-in cookie goes to the page's own host, not to resources on other hosts")
    func credentialsStayHome() async throws {
        try await withServer(route: Self.routes) { server in
            let fetcher = try makeFetcher {
                $0.policy.allowPrivateNetwork = true
                try $0.addHeader("Cookie: session=1")
                try $0.addHeader("X-Plain: yes")
            }
            let ownPage = server.url("/article")
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/headers-own"), origin: .pageResource, kind: .image, referer: ownPage))
            #expect(server.requests.last?.header("Cookie") == "session=1")
            let otherPage = URL(string: "http://news.example/article")!
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/headers-third"), origin: .pageResource, kind: .image, referer: otherPage))
            #expect(server.requests.last?.header("Cookie") == nil)
            #expect(server.requests.last?.header("X-Plain") == "yes")
            await fetcher.shutdown()
        }
    }

    @Test("Header lines that are not 'Name: value' or that smuggle a second header are refused")
    func badHeaders() throws {
        var configuration = try FetchConfiguration(version: "1")
        #expect(throws: ArticleError.self) { try configuration.addHeader("no colon") }
        #expect(throws: ArticleError.self) { try configuration.addHeader("Bad Name: x") }
        #expect(throws: ArticleError.self) { try configuration.addHeader("X-A: b\r\nX-Evil: 1") }
        #expect(throws: ArticleError.self) { try configuration.addHeader("Host: other.example") }
        try configuration.addHeader("X-Ok:  spaced value ")
        #expect(configuration.extraHeaders.first?.value == "spaced value")
    }

    @Test("Hotlink protection: the Referer the request carries is sent")
    func referer() async throws {
        try await withServer(route: Self.routes) { server in
            let fetcher = try makeFetcher()
            let refused = await failure(fetcher, FetchRequest(url: server.url("/hotlinked"), kind: .image))
            #expect(refused?.message == "HTTP 403 Forbidden")
            await fetcher.shutdown()
            // A new fetcher: the first one remembers the failure (each URL is fetched once).
            let withReferer = try makeFetcher()
            let image = try await withReferer.fetch(FetchRequest(
                url: server.url("/hotlinked"), origin: .userRequested, kind: .image,
                referer: URL(string: "http://news.example/story#top")))
            #expect(image.mediaType == "image/jpeg")
            #expect(server.requests.last?.header("Referer") == "http://news.example/story")
            await withReferer.shutdown()
        }
    }

    @Test("Each URL is fetched once, also when asked for concurrently")
    func fetchOnce() async throws {
        try await withServer(route: { _ in .send(status: 200, body: Array("x".utf8), delay: 0.2) }) { server in
            let fetcher = try makeFetcher()
            let url = server.url("/once")
            try await withThrowingTaskGroup(of: Data.self) { group in
                for _ in 0..<10 { group.addTask { try await fetcher.fetch(url).data } }
                for try await data in group { #expect(data == Data("x".utf8)) }
            }
            _ = try await fetcher.fetch(URL(string: url.absoluteString + "#fragment")!)
            #expect(server.count("/once") == 1)
            await fetcher.shutdown()
        }
    }

    @Test("gzip bodies are decompressed")
    func gzip() async throws {
        let text = String(repeating: "<p>compressible text</p>\n", count: 2000)
        try await withServer(compress: true, route: { _ in .text(text) }) { server in
            let fetcher = try makeFetcher()
            let page = try await fetcher.fetch(server.url("/gz"))
            #expect(String(decoding: page.data, as: UTF8.self) == text)
            await fetcher.shutdown()
        }
    }

    @Test("A decompression bomb fails instead of filling memory")
    func gzipBomb() async throws {
        let zeros = [UInt8](repeating: 0, count: 30_000_000)
        try await withServer(compress: true, route: { _ in .send(status: 200, headers: [("Content-Type", "text/html")], body: zeros) }) { server in
            let fetcher = try makeFetcher()
            let error = await failure(fetcher, FetchRequest(url: server.url("/bomb")))
            #expect(error?.description == "\(server.url("/bomb").absoluteString): the compressed body expands past the 20 MB cap")
            #expect(fetcher.bytesDownloaded <= 20_000_000)
            await fetcher.shutdown()
        }
    }

    @Test("Nothing is connected to when the network is off, and only http and https are fetched")
    func refusals() async throws {
        try await withServer(route: Self.routes) { server in
            let off = try makeFetcher { $0.policy.networkEnabled = false }
            let error = await failure(off, FetchRequest(url: server.url("/page")))
            #expect(error?.message.contains("turned off") == true)
            #expect(server.requests.isEmpty)
            await off.shutdown()
        }
        let fetcher = try makeFetcher()
        for text in ["file:///etc/passwd", "ftp://example.com/x", "gopher://example.com/", "data:text/html,hi"] {
            let error = await failure(fetcher, FetchRequest(url: URL(string: text)!))
            #expect(error?.code == .fetchRefused, "\(text)")
            #expect(error?.description.hasPrefix(text) == true)
        }
        await fetcher.shutdown()
    }

    @Test("The blocking wrapper returns the document from a plain thread")
    func blocking() async throws {
        try await withServer(route: Self.routes) { server in
            let fetcher = try makeFetcher()
            let url = server.url("/page")
            let data: Data? = await withCheckedContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(returning: try? fetcher.fetchBlocking(FetchRequest(url: url)).data)
                }
            }
            #expect(data == Data("<p>Hello</p>".utf8))
            await fetcher.shutdown()
        }
    }
}
