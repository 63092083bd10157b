import ArticleKit
import CVips
import Foundation
import Testing

/// The photos of a page on the web end up in the book: FetchRemoteImages, through the
/// standard pipeline, against a loopback image site.
@Suite("Remote images fetched into books")
struct RemoteImagesTests {
    /// Converts a Markdown file naming `images` into an EPUB with the fetcher of `site`.
    static func book(_ markdown: String, fetcher: Fetcher, options: ConversionOptions = ConversionOptions()) async throws -> (files: [String: Data], warnings: [String]) {
        try await onThread { try bookNow(markdown, fetcher: fetcher, options: options) }
    }

    static func bookNow(_ markdown: String, fetcher: Fetcher, options: ConversionOptions) throws -> (files: [String: Data], warnings: [String]) {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("story.md")
        try markdown.write(to: file, atomically: true, encoding: .utf8)
        var context = ConversionContext(options: options)
        let converter = Converter(registry: .standard(remoteImages: FetchRemoteImages(fetcher: fetcher)))
        let data = try converter.convert([try ReaderInput(path: file.path)], to: "epub", context: &context)
        return (try epubFiles(data), context.warnings.map(\.description))
    }

    static func images(_ files: [String: Data]) -> [Data] {
        files.filter { $0.key.hasPrefix("EPUB/images/img-") }.sorted { $0.key < $1.key }.map(\.value)
    }

    static func chapter(_ files: [String: Data]) -> String {
        files.filter { $0.key.hasPrefix("EPUB/text/chapter-") }.sorted { $0.key < $1.key }
            .map { String(decoding: $0.value, as: UTF8.self) }.joined()
    }

    @Test("A local Markdown file's WebP, transparent PNG, CMYK and EXIF-rotated photos become JPEG (PNG for transparency)")
    func imagesBecomeReaderReady() async throws {
        let webp = try TestImages.make(1200, 800, suffix: ".webp[Q=85]")
        let png = try TestImages.make(300, 200, bands: 4, suffix: ".png")
        let cmyk = try TestImages.make(400, 300, bands: 4, suffix: ".jpg") { cvips_as_cmyk($0) }
        let rotated = try TestImages.make(400, 300, suffix: ".jpg") { cvips_with_int($0, "orientation", 6) }
        let bodies = ["/a.webp": webp, "/b.png": png, "/c.jpg": cmyk, "/d.jpg": rotated]
        // Served under misleading types: the type must come from the bytes.
        let site = try await ImageSite { request in
            guard let body = bodies[request.uri] else { return .send(status: 404) }
            return .send(status: 200, headers: [("Content-Type", "application/octet-stream")], body: Array(body))
        }
        let fetcher = try site.fetcher()
        let urls = bodies.keys.sorted().map { "http://photos.example\($0)" }
        let (files, warnings) = try await Self.book(markdownStory(urls), fetcher: fetcher)
        #expect(warnings.isEmpty, "\(warnings)")
        let infos = try Self.images(files).map(TestImages.info)
        #expect(infos.count == 4)
        #expect(infos.filter { $0.loader.lowercased().contains("jpeg") }.count == 3)
        #expect(infos.filter { $0.loader.lowercased().contains("png") }.count == 1)
        #expect(infos.allSatisfy { !$0.isCMYK && !$0.hasMetadata })
        #expect(infos.contains { $0.width == 300 && $0.height == 400 }, "the EXIF-rotated photo stands upright")
        let opf = String(decoding: files["EPUB/package.opf"] ?? Data(), as: UTF8.self)
        #expect(!opf.contains("image/webp"))
        #expect(Self.chapter(files).contains("Agency 4"))
        #expect(fetcher.bytesDownloaded == Int64(bodies.values.map(\.count).reduce(0, +)))
        await fetcher.shutdown()
        await site.close()
    }

    @Test("Hotlink protection: the article's page goes as Referer; without it the server's 403 is one warning")
    func refererIsSent() async throws {
        let jpeg = try TestImages.make(64, 48, suffix: ".jpg")
        let site = try await ImageSite { request in
            request.header("Referer") == "http://news.example/story" ? .send(status: 200, body: Array(jpeg)) : .send(status: 403)
        }
        let fetcher = try site.fetcher()
        let page = "---\ntitle: Story\nurl: http://news.example/story\n---\n\n" + markdownStory(["http://photos.example/p.jpg"]).split(separator: "\n", maxSplits: 1)[1]
        let (withPage, warned) = try await Self.book(page, fetcher: fetcher)
        #expect(warned.isEmpty, "\(warned)")
        #expect(Self.images(withPage).count == 1)
        let other = try site.fetcher()
        let (without, warnings) = try await Self.book(markdownStory(["http://photos.example/p.jpg"]), fetcher: other)
        #expect(Self.images(without).isEmpty)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("image http://photos.example/p.jpg left out: HTTP 403") == true, "\(warnings)")
        #expect(Self.chapter(without).contains("Caption 1") && Self.chapter(without).contains("Agency 1"))
        await fetcher.shutdown()
        await other.shutdown()
        await site.close()
    }

    @Test("Each image that cannot be had is one warning naming its URL and why; captions and credits stay")
    func failuresAreOneWarningEach() async throws {
        let jpeg = try TestImages.make(64, 48, suffix: ".jpg")
        let site = try await ImageSite { request in
            switch request.uri {
            case "/ok.jpg": return .send(status: 200, body: Array(jpeg))
            case "/slow.jpg": return .send(status: 200, body: Array(jpeg), delay: 10)
            case "/big.jpg": return .send(status: 200, body: Array(repeating: 0xFF, count: 50_000))
            case "/page.jpg": return .text("<html><body>Not a photo</body></html>", type: "image/jpeg")
            case "/meta.jpg": return .redirect("http://169.254.169.254/latest/meta-data/")
            case "/lan.jpg": return .redirect("http://10.0.0.1/router.jpg")
            default: return .send(status: 404, headers: [("Content-Type", "text/html")], body: Array("gone".utf8))
            }
        }
        let fetcher = try site.fetcher {
            // Long enough for the rest on a loaded machine, far shorter than the slow image.
            $0.timeout = 3
            $0.maxImageBytes = 20_000
            // A name that resolves to a private address (DNS answers are checked before connecting).
            $0.proxies.noProxy = ["intranet.example"]
            $0.resolver = HostResolver { _ in ["10.1.2.3"] }
        }
        let cases: [(path: String, reason: String)] = [
            ("http://photos.example/missing.jpg", "HTTP 404"),
            ("http://photos.example/slow.jpg", "timed out after 3 s"),
            ("http://photos.example/big.jpg", "over the 20 KB cap"),
            ("http://photos.example/page.jpg", "not an image, by its bytes (the server said image/jpeg)"),
            ("http://photos.example/meta.jpg", "redirected to http://169.254.169.254/latest/meta-data/: link-local address 169.254.169.254 refused"),
            ("http://photos.example/lan.jpg", "redirected to http://10.0.0.1/router.jpg: private address 10.0.0.1 refused"),
            ("http://intranet.example/x.jpg", "private address 10.1.2.3 refused"),
            ("http://127.0.0.1:\(site.server.port)/ok.jpg", "loopback address 127.0.0.1 refused"),
            ("ftp://photos.example/ok.jpg", ""),
        ]
        // (No wall-clock check: in the full suite other tests hold the concurrency pool for
        // minutes; the slow image's "timed out after 3 s" below is the check that it was cut.)
        let (files, warnings) = try await Self.book(markdownStory(["http://photos.example/ok.jpg"] + cases.map(\.path)), fetcher: fetcher)
        #expect(Self.images(files).count == 1)
        let fetched = cases.filter { !$0.reason.isEmpty }
        #expect(warnings.count == fetched.count, "\(warnings.joined(separator: "\n"))")  // the ftp image is not fetched at all
        for (url, reason) in fetched {
            let lines = warnings.filter { $0.contains("image \(url) left out: ") }
            #expect(lines.count == 1 && lines[0].contains(reason), "\(url): \(lines)")
        }
        #expect(warnings.allSatisfy { !$0.contains("\n") })
        let chapter = Self.chapter(files)
        for i in 1...(cases.count + 1) { #expect(chapter.contains("Caption \(i)") && chapter.contains("Agency \(i)")) }
        // Refused before connecting: the proxy was never asked for those addresses, and the
        // loopback server never saw the direct request.
        #expect(!site.proxySaw("ftp") && !site.proxySaw("169.254.169.254") && !site.proxySaw("10.0.0.1") && !site.proxySaw("intranet.example"))
        #expect(site.server.count("/router.jpg") == 0 && site.server.count("/latest/meta-data/") == 0)
        #expect(site.server.requests.filter { $0.uri == "/ok.jpg" }.count == 1)
        await fetcher.shutdown()
        await site.close()
    }

    @Test("An image two articles of one book share is downloaded once")
    func sharedImageFetchedOnce() async throws {
        let jpeg = try TestImages.make(64, 48, suffix: ".jpg")
        let site = try await ImageSite { _ in .send(status: 200, body: Array(jpeg)) }
        let fetcher = try site.fetcher()
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var inputs: [ReaderInput] = []
        for name in ["one", "two"] {
            let file = dir.appendingPathComponent("\(name).md")
            try markdownStory(["http://photos.example/shared.jpg"], title: name).write(to: file, atomically: true, encoding: .utf8)
            inputs.append(try ReaderInput(path: file.path))
        }
        let converter = Converter(registry: .standard(remoteImages: FetchRemoteImages(fetcher: fetcher)))
        let (data, warnings) = try await onThread { [inputs] in
            var options = ConversionOptions()
            options.title = "Two stories"
            var context = ConversionContext(options: options)
            return (try converter.convert(inputs, to: "epub", context: &context), context.warnings)
        }
        let files = try epubFiles(data)
        #expect(warnings.isEmpty)
        #expect(Self.images(files).count == 1)
        #expect(Self.chapter(files).components(separatedBy: "<img").count == 3)
        #expect(site.server.count("/shared.jpg") == 1)
        await fetcher.shutdown()
        await site.close()
    }

    @Test("A one-article book's cover is its lead image, fetched though no figure shows it; a book of two holds no lead image")
    func leadImageIsTheCover() async throws {
        let lead = try TestImages.make(2400, 1200, suffix: ".webp")
        let photo = try TestImages.make(64, 48, suffix: ".jpg")
        let site = try await ImageSite { request in
            switch request.uri {
            case "/lead.webp": .send(status: 200, body: Array(lead))
            case "/photo.jpg": .send(status: 200, body: Array(photo))
            default: .send(status: 404)
            }
        }
        let fetcher = try site.fetcher()
        let story = "---\nimage: http://photos.example/lead.webp\n---\n" + markdownStory(["http://photos.example/photo.jpg"])
        let (files, warnings) = try await Self.book(story, fetcher: fetcher)
        #expect(warnings.isEmpty, "\(warnings)")
        let cover = String(decoding: files["EPUB/text/cover.xhtml"] ?? Data(), as: UTF8.self)
        let images = Self.images(files)
        #expect(images.count == 2, "the figure's photo and the lead image")
        // Made reader-ready as it arrived: a JPEG no wider than --image-max.
        let infos = try images.map(TestImages.info)
        #expect(infos.contains { $0.loader.lowercased().contains("jpeg") && $0.width == 1600 && $0.height == 800 })
        #expect(cover.contains("<img") && cover.contains("images/img-002.jpg"), "\(cover)")
        #expect(!String(decoding: files["EPUB/package.opf"] ?? Data(), as: UTF8.self).contains("image/webp"))

        // Two articles: the lead images are no one's cover, and the book does not carry them.
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var inputs: [ReaderInput] = []
        for name in ["one", "two"] {
            let file = dir.appendingPathComponent("\(name).md")
            try ("---\nimage: http://photos.example/lead.webp\n---\n" + markdownStory(["http://photos.example/photo.jpg"], title: name))
                .write(to: file, atomically: true, encoding: .utf8)
            inputs.append(try ReaderInput(path: file.path))
        }
        let converter = Converter(registry: .standard(remoteImages: FetchRemoteImages(fetcher: fetcher)))
        let data = try await onThread { [inputs] in
            var options = ConversionOptions()
            options.title = "Two stories"
            var context = ConversionContext(options: options)
            return try converter.convert(inputs, to: "epub", context: &context)
        }
        let two = try epubFiles(data)
        #expect(Self.images(two).count == 1, "only the figures' photo: \(two.keys.sorted())")
        await fetcher.shutdown()
        await site.close()
    }

    @Test("--images none fetches nothing; allowing the private network reaches a loopback server")
    func noneAndAllowPrivate() async throws {
        let jpeg = try TestImages.make(64, 48, suffix: ".jpg")
        let server = try await TestServer { _ in .send(status: 200, body: Array(jpeg)) }
        let url = server.url("/direct.jpg").absoluteString
        var none = ConversionOptions()
        none.images.mode = .none
        let fetcher = try makeFetcher()
        let (noImages, _) = try await Self.book(markdownStory([url]), fetcher: fetcher, options: none)
        #expect(Self.images(noImages).isEmpty && server.requests.isEmpty)
        let open = try makeFetcher { $0.policy.allowPrivateNetwork = true }
        let (files, warnings) = try await Self.book(markdownStory([url]), fetcher: open)
        #expect(warnings.isEmpty && Self.images(files).count == 1)
        await fetcher.shutdown()
        await open.shutdown()
        await server.close()
    }
}
