import ArticleCore
@testable import ArticleFetch
import Foundation
import Testing

@Suite("Timeouts, size caps and connection limits")
struct FetcherLimitTests {
    @Test("A slow answer and a never-ending body time out, naming the URL")
    func timeouts() async throws {
        try await withServer(route: { request in
            request.uri == "/slow"
                ? .send(status: 200, body: Array("late".utf8), delay: 3)
                : .trickle(size: 10, count: 100, interval: 0.1)
        }) { server in
            let fetcher = try makeFetcher { $0.timeout = 1 }
            let slow = await failure(fetcher, FetchRequest(url: server.url("/slow")))
            #expect(slow?.description == "\(server.url("/slow").absoluteString): timed out after 1 s")
            let endless = await failure(fetcher, FetchRequest(url: server.url("/endless")))
            // The body would end after 10 s: a timeout means the deadline covers the body too.
            #expect(endless?.message == "timed out after 1 s")
            await fetcher.shutdown()
        }
    }

    @Test("Bodies over the cap fail, declared by Content-Length or not")
    func caps() async throws {
        let big = [UInt8](repeating: 0x61, count: 3_000)
        try await withServer(route: { request in
            switch request.uri {
            case "/declared": return .send(status: 200, body: big)
            case "/lying": return .send(status: 200, headers: [("Content-Length", "100")], body: [])
            default: return .trickle(size: 1_000, count: 50, interval: 0.01)
            }
        }) { server in
            let fetcher = try makeFetcher {
                $0.maxPageBytes = 2_000
                $0.maxImageBytes = 5_000
            }
            let declared = await failure(fetcher, FetchRequest(url: server.url("/declared")))
            #expect(declared?.code == .limitExceeded)
            #expect(declared?.message == "3 KB is over the 2 KB cap for a page")
            let chunked = await failure(fetcher, FetchRequest(url: server.url("/chunked")))
            #expect(chunked?.message == "the body is over the 2 KB cap for a page")
            let image = await failure(fetcher, FetchRequest(url: server.url("/chunked"), kind: .image))
            #expect(image?.message == "the body is over the 5 KB cap for an image")
            #expect(fetcher.bytesDownloaded <= 7_000)
            _ = try await fetcher.fetch(FetchRequest(url: server.url("/declared"), kind: .image))
            await fetcher.shutdown()
        }
    }

    @Test("All downloads together stop at the total cap")
    func totalCap() async throws {
        let body = [UInt8](repeating: 0x62, count: 4_000)
        try await withServer(route: { _ in .send(status: 200, body: body) }) { server in
            let fetcher = try makeFetcher { $0.maxTotalBytes = 10_000 }
            _ = try await fetcher.fetch(server.url("/1"))
            _ = try await fetcher.fetch(server.url("/2"))
            let third = await failure(fetcher, FetchRequest(url: server.url("/3")))
            #expect(third?.message == "all downloads together would pass the 10 KB cap (--max-download)")
            await fetcher.shutdown()
        }
    }

    @Test("At most 2 connections to one host and 8 in all (or --connections)", arguments: [8, 3])
    func connectionLimits(limit: Int) async throws {
        let all = NIOLockedValueBox(TestServer.Stats())
        let servers = try await (0..<5).asyncMap { _ in
            try await TestServer(shared: all) { _ in .send(status: 200, body: Array("x".utf8), delay: 0.1) }
        }
        let fetcher = try makeFetcher { $0.maxConnections = limit }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, server) in servers.enumerated() {
                for n in 0..<6 {
                    group.addTask { _ = try await fetcher.fetch(server.url("/\(index)/\(n)")) }
                }
            }
            try await group.waitForAll()
        }
        for server in servers {
            #expect(server.stats.withLockedValue { $0.maxOpenConnections } <= 2)
            #expect(server.stats.withLockedValue { $0.maxInFlight } <= 2)
            #expect(server.requests.count == 6)
        }
        let peak = all.withLockedValue { $0.maxInFlight }
        #expect(peak <= limit && peak >= min(limit, 3))
        await fetcher.shutdown()
        for server in servers { await server.close() }
    }

    @Test("A refused connection fails at once with its reason")
    func refused() async throws {
        let server = try await TestServer { _ in .text("x") }
        let url = server.url("/gone")
        await server.close()
        // 30 s, so that a client retrying the connection until the deadline would say "timed out".
        let fetcher = try makeFetcher { $0.timeout = 30 }
        let error = await failure(fetcher, FetchRequest(url: url))
        #expect(error?.description == "\(url.absoluteString): connection refused")
        await fetcher.shutdown()
    }

    @Test("A name that does not resolve fails as a DNS failure")
    func dns() async throws {
        let fetcher = try makeFetcher {
            $0.resolver = HostResolver { _ in throw HostResolver.Failure(description: "DNS lookup failed (host not found)") }
        }
        let error = await failure(fetcher, FetchRequest(url: URL(string: "http://no-such-host.invalid/")!, origin: .pageResource))
        #expect(error?.description == "http://no-such-host.invalid/: DNS lookup failed (host not found)")
        await fetcher.shutdown()
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var out: [T] = []
        for element in self { out.append(try await transform(element)) }
        return out
    }
}

import NIOConcurrencyHelpers
