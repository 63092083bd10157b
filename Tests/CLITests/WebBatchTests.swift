import Foundation
import NIOConcurrencyHelpers
import Testing

/// Folder runs over URLs: names from host and path, reruns, lists, failures, concurrency.
@Suite struct WebBatchTests {
    func outputs(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func aFolderRunNamesEachPageWithoutCollisionsAndARerunSkipsUnlessForced() async throws {
        try await WebPages.withServer({ request in .text(WebPages.article("Page \(request.uri)")) }) { server in
            let dir = try CLIRunner.temporaryDirectory()
            let out = dir.appendingPathComponent("out")
            let urls = ["/a/b", "/a_b", "/q?x=1", "/q?x=2", "/q?x=2#part"].map { server.url($0).absoluteString }
            let first = try CLIRunner.run(["convert"] + urls + ["--to", "json", "--output", out.path + "/"])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stderr.contains("4 converted, 0 skipped, 0 failed"), "\(first.stderr)")
            let names = try outputs(out)
            #expect(names.count == 4, "\(names)")
            let prefix = "127.0.0.1_\(server.port)_"
            #expect(names.allSatisfy { $0.hasPrefix(prefix) && $0.hasSuffix(".json") && $0.utf8.count < 150 }, "\(names)")
            #expect(names.allSatisfy { $0.unicodeScalars.allSatisfy { "abcdefghijklmnopqrstuvwxyz0123456789._-".unicodeScalars.contains($0) } })
            #expect(server.requests.count == 4, "the fragment is the same page")

            let again = try CLIRunner.run(["convert"] + urls + ["--to", "json", "--output", out.path + "/"])
            #expect(again.status == 0 && again.stderr.contains("0 converted, 4 skipped"), "\(again.stderr)")
            #expect(try outputs(out) == names, "the same names on every run")
            #expect(server.requests.count == 4, "a rerun fetches nothing")

            let forced = try CLIRunner.run(["convert"] + urls + ["--to", "json", "--output", out.path + "/", "--force"])
            #expect(forced.status == 0 && forced.stderr.contains("4 converted, 0 skipped"), "\(forced.stderr)")
            #expect(server.requests.count == 8)
        }
    }

    @Test func aListMixesURLsAndFilesAndAFailedPageIsOneRecord() async throws {
        try await WebPages.withServer({ request in
            request.uri == "/gone" ? .text("gone", status: 404) : .text(WebPages.article("Listed"))
        }) { server in
            let dir = try CLIRunner.temporaryDirectory()
            let list = dir.appendingPathComponent("list.txt")
            let gone = server.url("/gone").absoluteString
            try "\(server.url("/listed").absoluteString)\n\(CLIRunner.seed.path)\n\(gone)\n".write(to: list, atomically: true, encoding: .utf8)
            let out = dir.appendingPathComponent("out"), report = dir.appendingPathComponent("report.json")
            let r = try CLIRunner.run(["convert", "--from-list", list.path, "--to", "md", "--output", out.path, "--report", report.path])
            #expect(r.status == 1, "\(r.stderr)")
            #expect(r.stderr.contains("articlekit: \(gone): HTTP 404"), "\(r.stderr)")
            #expect(r.stderr.contains("2 converted, 0 skipped, 1 failed"), "\(r.stderr)")
            let records = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [[String: Any]])
            let failed = records.first { $0["path"] as? String == gone }
            #expect(failed?["status"] as? String == "failed" && (failed?["error"] as? String)?.contains("404") == true, "\(records)")
            let made = try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".md") }
            #expect(made.count == 2 && made.contains { $0.hasPrefix("127.0.0.1_\(server.port)_listed") }, "\(made)")
        }
    }

    @Test func pagesAreFetchedConcurrentlyWithinTheConnectionLimits() async throws {
        let shared = NIOLockedValueBox(TestServer.Stats())
        var servers: [TestServer] = []
        for _ in 0..<4 {
            servers.append(try await TestServer(shared: shared) { request in
                .send(status: 200, headers: [("Content-Type", "text/html")], body: Array(WebPages.article("P \(request.uri)").utf8), delay: 0.4)
            })
        }
        let urls = servers.flatMap { s in (1...4).map { s.url("/p\($0)").absoluteString } }
        let dir = try CLIRunner.temporaryDirectory()
        let start = Date()
        let r = try CLIRunner.run(["convert"] + urls + ["--to", "json", "--output", dir.appendingPathComponent("out").path + "/"])
        let elapsed = Date().timeIntervalSince(start)
        #expect(r.status == 0 && r.stderr.contains("16 converted"), "\(r.stderr)")
        // One after another, 16 pages of 0.4 s take 6.4 s (a loose bound: the machine may be
        // busy; the server's count of requests at once is the exact check).
        #expect(elapsed < 6.4, "took \(elapsed) s")
        let stats = shared.withLockedValue { $0 }
        #expect(stats.maxInFlight <= 8 && stats.maxInFlight >= 4, "\(stats.maxInFlight) at once")
        for s in servers { #expect(s.stats.withLockedValue { $0.maxInFlight } <= 2, "at most 2 per host") }
        #expect(stats.requests.count == 16, "each page fetched once")

        shared.withLockedValue { $0 = TestServer.Stats() }
        let limited = try CLIRunner.run(["convert"] + urls.prefix(8) + ["--to", "json", "--connections", "3",
                                         "--output", dir.appendingPathComponent("three").path + "/"])
        for s in servers { await s.close() }
        #expect(limited.status == 0, "\(limited.stderr)")
        #expect(shared.withLockedValue { $0.maxInFlight } == 3, "--connections 3 across the run")
    }

    /// The workers of a batch fetch their books' images themselves: between them they stay
    /// within the run's 2 connections to one host.
    @Test func workersFetchImagesWithinTheRunsPerHostLimit() async throws {
        let jpeg = try TestImages.make(64, 48, suffix: ".jpg")
        let images = try await TestServer { _ in .send(status: 200, headers: [("Content-Type", "image/jpeg")], body: Array(jpeg), delay: 0.3) }
        let dir = try CLIRunner.temporaryDirectory()
        let input = dir.appendingPathComponent("in", isDirectory: true)
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for n in 1...6 {
            let photos = (1...3).map { "![Photo \($0)](\(images.url("/s\(n)/p\($0).jpg").absoluteString))" }.joined(separator: "\n\n")
            try "# Story \(n)\n\nText.\n\n\(photos)\n".write(to: input.appendingPathComponent("s\(n).md"), atomically: true, encoding: .utf8)
        }
        let r = try CLIRunner.run(["convert", input.path, "--to", "epub", "--jobs", "2", "--allow-private-network",
                                   "--output", dir.appendingPathComponent("out").path + "/"])
        await images.close()
        #expect(r.status == 0 && r.stderr.contains("6 converted"), "\(r.stderr)")
        let stats = images.stats.withLockedValue { $0 }
        #expect(stats.requests.count == 18, "every photo fetched once")
        #expect(stats.maxInFlight >= 1 && stats.maxInFlight <= 2, "\(stats.maxInFlight) at once to one host")
    }
}
