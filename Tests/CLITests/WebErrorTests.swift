import Foundation
import Testing

/// A URL that cannot be had: one line naming it and the reason, exit status 1, no output file.
@Suite struct WebErrorTests {
    /// Converts `url` to an EPUB in a fresh folder and checks the failure: status 1, one line on
    /// standard error naming the URL and holding `reason`, and no file left behind.
    func expectFailure(_ url: String, _ reason: String, _ extra: [String] = [], environment: [String: String] = [:],
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = try CLIRunner.temporaryDirectory()
        let book = dir.appendingPathComponent("story.epub")
        let r = try CLIRunner.run(["convert", url, "--to", "epub", "--output", book.path] + extra, environment: environment)
        #expect(r.status == 1, "\(r.stderr)", sourceLocation: sourceLocation)
        let lines = WebPages.lines(r.stderr)
        #expect(lines.count == 1, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(lines.first?.hasPrefix("articlekit: \(url)") == true, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(lines.first?.contains(reason) == true, "wanted \(reason): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "no output", sourceLocation: sourceLocation)
    }

    @Test func httpErrorsTimeoutsCapsAndPagesWithoutAnArticleFailWithOneLine() async throws {
        try await WebPages.withServer({ request in
            switch request.uri {
            case "/gone": return .text("gone", status: 404)
            case "/broken": return .text("oops", status: 500)
            case "/slow": return .send(status: 200, headers: [("Content-Type", "text/html")], body: Array(WebPages.article("Slow").utf8), delay: 4)
            case "/big": return .text(WebPages.article("Big", extra: String(repeating: "<p>More words about the harvest.</p>", count: 2000)))
            case "/links": return .text(WebPages.linksOnly)
            default: return .text(WebPages.article("Fine"))
            }
        }) { server in
            try expectFailure(server.url("/gone").absoluteString, "404")
            try expectFailure(server.url("/broken").absoluteString, "500")
            try expectFailure(server.url("/slow").absoluteString, "timed out after 1 s", ["--timeout", "1"])
            try expectFailure(server.url("/big").absoluteString, "cap", ["--max-download", "16K"])
            try expectFailure(server.url("/links").absoluteString, "no article content found")
            // A plain HTTP server spoken to in TLS.
            try expectFailure(server.url("/fine", scheme: "https").absoluteString, "TLS failed")
        }
    }

    @Test func aRefusedConnectionAndAnUnresolvableNameFailWithOneLine() async throws {
        let server = try await TestServer { _ in .text("") }
        let closed = server.url("/story").absoluteString
        await server.close()
        try expectFailure(closed, "connection refused")
        // A label longer than DNS allows (63 bytes): the resolver refuses the name without
        // sending a query, so no DNS server is asked. Without the closed proxy the CLI tests
        // otherwise send every real name to, so that the resolver is reached at all.
        let direct = Dictionary(uniqueKeysWithValues: ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"].map { ($0, "") })
        try expectFailure("http://" + String(repeating: "a", count: 64) + ".invalid/story", "DNS lookup failed", environment: direct)
    }

    @Test func noFetchTurnsTheNetworkOff() async throws {
        try await WebPages.withServer({ _ in .text(WebPages.article("Never fetched")) }) { server in
            let url = server.url("/story").absoluteString
            try expectFailure(url, "network access is turned off (--no-fetch)", ["--no-fetch"])
            #expect(server.requests.isEmpty)
        }
    }

    @Test func otherSchemesAreRefused() throws {
        try expectFailure("ftp://127.0.0.1/story.html", "only http and https URLs can be converted")
        try expectFailure("file:///etc/passwd", "only http and https URLs can be converted")
    }
}
