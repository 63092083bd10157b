import Foundation
import Testing

/// `articlekit convert page.html --to json` on a saved news page whose photos load lazily: the
/// JSON names each figure's real picture, sized for `--image-max`, and keeps the captions of
/// figures whose picture cannot be told.
@Suite struct LazyImageCommandTests {
    static let gif = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
    static let paragraph = "<p>The council voted on Tuesday to expand the tram network, a decision debated for years, and work will begin next spring, officials said.</p>"

    /// A page as a browser's "Save page" writes it: lazy attributes, srcsets, a picture, noscript copies.
    static let savedPage = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Trams return to the old town</title>
        <base href="https://www.example-news.com/city/">
        <link rel="canonical" href="https://www.example-news.com/city/2024/05/trams">
        <meta property="og:image" content="https://www.example-news.com/og/trams.jpg"></head><body>
        <header><nav><a href="/">Home</a> <a href="/city">City</a></nav></header>
        <main><article><h1>Trams return to the old town</h1>
        \(String(repeating: paragraph, count: 3))
        <figure class="wp-caption"><img src="\(gif)" width="1200" height="800" class="lazyload" \
        data-srcset="media/depot-600.jpg 600w, media/depot-1200.jpg 1200w, media/depot-2400.jpg 2400w" alt="The depot">\
        <figcaption>The depot on Tuesday. Photo: Jane Roe</figcaption></figure>
        \(paragraph)
        <figure><picture><source type="image/avif" srcset="/img/bridge.avif 1600w"><source type="image/webp" srcset="/img/bridge.webp 1600w">\
        <img src="/img/bridge-640.jpg" srcset="/img/bridge-640.jpg 640w, /img/bridge-1600.jpg 1600w" alt="The bridge"></picture>\
        <figcaption>The bridge at night.</figcaption></figure>
        \(paragraph)
        <p><img src="/spacer.gif" width="1" height="1" alt=""><img src="\(gif)" class="js-lazy" alt="The square">\
        <noscript><img src="//static.example-news.com/square-1400.jpg" alt="The square"></noscript></p>
        \(paragraph)
        <figure><img src="\(gif)" data-src="javascript:alert(1)"><figcaption>Crowds at the opening. Photo: Max Muster</figcaption></figure>
        \(String(repeating: paragraph, count: 2))
        </article></main><footer><p>© Example News</p></footer></body></html>
        """

    func figures(_ extra: [String] = []) throws -> [[String: Any]] {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("trams.html")
        try Self.savedPage.write(to: file, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["convert", file.path, "--to", "json", "--output", "-"] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any]
        let blocks = json?["blocks"] as? [[String: Any]] ?? []
        return blocks.filter { $0["type"] as? String == "figure" }
    }

    static func source(_ figure: [String: Any]) -> String? {
        (figure["image"] as? [String: Any])?["src"] as? String
    }

    @Test func theRealPicturesAreChosen() throws {
        let f = try figures()
        #expect(f.map(Self.source) == [
            "https://www.example-news.com/city/media/depot-2400.jpg",
            "https://www.example-news.com/img/bridge-1600.jpg",
            "https://static.example-news.com/square-1400.jpg",
            nil,
        ])
        // The figure whose only address was refused keeps its caption and credit.
        let last = f.last
        #expect((last?["credit"] as? String) == "Max Muster")
        #expect(((last?["caption"] as? [[String: Any]])?.first?["text"] as? String)?.hasPrefix("Crowds at the opening") == true)
    }

    @Test func imageMaxPicksTheCandidateNearestIt() throws {
        let f = try figures(["--image-max", "1000"])
        #expect(f.first.flatMap(Self.source) == "https://www.example-news.com/city/media/depot-1200.jpg")
    }
}
