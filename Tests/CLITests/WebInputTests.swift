import Foundation
import Testing

/// `articlekit convert URL`: one page, or several pages and files, into one output.
@Suite struct WebInputTests {
    @Test func aURLBecomesAnEPUBAndJSONWhoseAddressIsTheFinalURLAfterRedirects() async throws {
        try await WebPages.withServer({ request in
            switch request.uri {
            case "/old": return .redirect("/news/story")
            case "/news/story": return .text(WebPages.article("Harvest comes early"))
            default: return .text("not here", status: 404)
            }
        }) { server in
            let dir = try CLIRunner.temporaryDirectory()
            let book = dir.appendingPathComponent("story.epub")
            let epub = try CLIRunner.run(["convert", server.url("/old").absoluteString, "--to", "epub", "--output", book.path])
            #expect(epub.status == 0, "\(epub.stderr)")
            let data = try Data(contentsOf: book)
            #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a zip")

            let r = try CLIRunner.run(["convert", server.url("/old").absoluteString, "--to", "json", "--output", "-"])
            #expect(r.status == 0, "\(r.stderr)")
            let json = try WebPages.json(r.stdout)
            #expect(json["title"] as? String == "Harvest comes early")
            #expect(json["url"] as? String == server.url("/news/story").absoluteString)
            // Relative links and images resolve against the final URL.
            #expect(r.stdout.contains(server.url("/news/more/story.html").absoluteString), "\(r.stdout)")
            #expect(r.stdout.contains(server.url("/news/img/field.jpg").absoluteString), "\(r.stdout)")
        }
    }

    @Test func theCanonicalLinkIsTheURLButRelativeLinksFollowTheFetchedAddress() async throws {
        try await WebPages.withServer({ _ in .text(WebPages.article("Canonical", canonical: "https://news.example/2024/canonical")) }) { server in
            let r = try CLIRunner.run(["convert", server.url("/amp/canonical").absoluteString, "--to", "json", "--output", "-"])
            #expect(r.status == 0, "\(r.stderr)")
            let json = try WebPages.json(r.stdout)
            #expect(json["url"] as? String == "https://news.example/2024/canonical")
            #expect(r.stdout.contains(server.url("/amp/more/story.html").absoluteString), "\(r.stdout)")
        }
    }

    @Test func aSingleURLWithoutOutputIsNamedFromItsHostAndPath() async throws {
        try await WebPages.withServer({ _ in .text(WebPages.article("Named")) }) { server in
            let dir = try CLIRunner.temporaryDirectory()
            let r = try CLIRunner.run(["convert", server.url("/a/story").absoluteString, "--to", "md"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            #expect(names.count == 1 && names[0].hasPrefix("127.0.0.1_\(server.port)_a_story__") && names[0].hasSuffix(".md"), "\(names)")
        }
    }

    @Test func severalURLsAndAFileMakeOneBookAndAURLGivenTwiceIsFetchedOnce() async throws {
        try await WebPages.withServer({ request in .text(WebPages.article("Page \(request.uri.dropFirst())")) }) { server in
            let dir = try CLIRunner.temporaryDirectory()
            let out = dir.appendingPathComponent("all.json")
            let r = try CLIRunner.run(["convert", server.url("/one").absoluteString, CLIRunner.seed.path, server.url("/two").absoluteString,
                                       server.url("/one").absoluteString, "--title", "Week", "--output", out.path])
            #expect(r.status == 0, "\(r.stderr)")
            let text = try String(contentsOf: out, encoding: .utf8)
            let json = try WebPages.json(text)
            let titles = (json["articles"] as? [[String: Any]])?.compactMap { $0["title"] as? String } ?? []
            #expect(titles.count == 4, "\(text.prefix(300))")
            #expect(titles.first == "Page one" && titles.dropFirst(2).first == "Page two" && titles.last == "Page one", "\(titles)")
            #expect(server.count("/one") == 1 && server.count("/two") == 1, "each URL fetched once per run")
            let book = dir.appendingPathComponent("week.epub")
            let e = try CLIRunner.run(["convert", server.url("/one").absoluteString, server.url("/two").absoluteString, "--output", book.path])
            #expect(e.status == 0 && FileManager.default.fileExists(atPath: book.path), "\(e.stderr)")
        }
    }

    @Test func aPageNeverMakesArticleKitReadALocalFile() async throws {
        let dir = try CLIRunner.temporaryDirectory()
        let secret = dir.appendingPathComponent("secret.png")
        // A real PNG, which a local document beside it could embed.
        let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==") ?? Data()
        try png.write(to: secret)
        let extra = """
            <figure><img src="file:///etc/passwd" alt="pw"><figcaption>One.</figcaption></figure>
            <figure><img src="file://\(secret.path)" alt="s"><figcaption>Two.</figcaption></figure>
            <p>See <a href="file:///etc/passwd">the list</a> and <img src="\(secret.path)" alt="abs"> too.</p>
            """
        // Markdown keeps paths as written, so the book's image step meets them and refuses them.
        let markdown = "# Leak\n\nThe fields at dawn.\n\n![a](\(secret.path))\n\n![b](file:///etc/passwd)\n\n![c](/etc/passwd)\n"
        try await WebPages.withServer({ request in
            switch request.uri {
            case "/page": return .text(WebPages.article("Leak", extra: extra))
            case "/notes": return .text(markdown, type: "text/markdown")
            default: return .text("no", status: 404)
            }
        }) { server in
            let out = dir.appendingPathComponent("out")
            let r = try CLIRunner.run(["convert", server.url("/page").absoluteString, server.url("/notes").absoluteString,
                                       "--to", "epub,json,md", "--output", out.path + "/"])
            #expect(r.status == 0, "\(r.stderr)")
            let made = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }
            #expect(made.count == 6, "\(made)")
            // In a page, an absolute path is a path on the page's server: the book's image step
            // asks for it there (and, the server being loopback, refuses it by the network
            // policy), and the image is left out of every output with a warning naming that URL.
            #expect(r.stderr.contains(server.url(secret.path).absoluteString), "\(r.stderr)")
            for name in made where !name.hasSuffix(".epub") {
                let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
                #expect(!text.contains(png.base64EncodedString()) && !text.contains("root:x:0"), "\(name) holds a local file")
                #expect(!text.contains("\"data\""), "\(name) holds no resource")
            }
            for name in made where name.hasSuffix(".epub") {
                let book = try Data(contentsOf: out.appendingPathComponent(name))
                #expect(book.range(of: png) == nil && book.range(of: Data("root:x:0".utf8)) == nil, "\(name)")
            }
            let refusals = WebPages.lines(r.stderr).filter { $0.contains("the document came from the network") }
            #expect(refusals.count == 3, "\(r.stderr)")
        }
    }

    @Test func theContentTypePicksTheReaderBeforeTheURLsExtension() async throws {
        let jsonArticle = try CLIRunner.run(["convert", CLIRunner.seed.path, "--to", "json", "--output", "-"]).stdout
        try await WebPages.withServer({ request in
            switch request.uri {
            case "/page.html": return .text(jsonArticle, type: "application/json")
            case "/data.json": return .text(WebPages.article("Served as HTML"))
            default: return .text("", status: 404)
            }
        }) { server in
            let a = try CLIRunner.run(["convert", server.url("/page.html").absoluteString, "--to", "json", "--output", "-"])
            #expect(a.status == 0, "\(a.stderr)")
            #expect(try WebPages.json(a.stdout)["title"] as? String == (try WebPages.json(jsonArticle))["title"] as? String)
            let b = try CLIRunner.run(["convert", server.url("/data.json").absoluteString, "--to", "json", "--output", "-"])
            #expect(b.status == 0, "\(b.stderr)")
            #expect(try WebPages.json(b.stdout)["title"] as? String == "Served as HTML")
        }
    }

    @Test func aCharsetOnlyInTheHeaderDecodesThePage() async throws {
        let words = "Урожай риса в дельте собрали рано в этом году"
        var html = WebPages.article("Harvest").replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "")
        html = html.replacingOccurrences(of: "Farmers in the delta", with: words + ". Farmers in the delta")
        let body = try #require(html.data(using: .windowsCP1251))
        try await WebPages.withServer({ _ in .send(status: 200, headers: [("Content-Type", "text/html; charset=windows-1251")], body: Array(body)) }) { server in
            let r = try CLIRunner.run(["convert", server.url("/ru").absoluteString, "--to", "txt", "--output", "-", "--width", "0"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains(words), "\(r.stdout.prefix(300))")
        }
    }

    @Test func headersAndTheUserAgentReachTheServer() async throws {
        try await WebPages.withServer({ _ in .text(WebPages.article("Logged in")) }) { server in
            let r = try CLIRunner.run(["convert", server.url("/members").absoluteString, "--to", "json", "--output", "-",
                                       "--header", "Cookie: session=abc123", "--header", "X-Edition: morning", "--user-agent", "ReaderBot/2.0"])
            #expect(r.status == 0, "\(r.stderr)")
            let seen = try #require(server.requests.first)
            #expect(seen.header("Cookie") == "session=abc123")
            #expect(seen.header("X-Edition") == "morning")
            #expect(seen.header("User-Agent") == "ReaderBot/2.0")
            let plain = try CLIRunner.run(["convert", server.url("/plain").absoluteString, "--to", "json", "--output", "-"])
            #expect(plain.status == 0)
            #expect(server.requests.last?.header("User-Agent")?.hasPrefix("articlekit/") == true)
        }
    }
}
