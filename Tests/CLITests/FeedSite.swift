import Foundation

/// A news site for the feed tests, served on 127.0.0.1: an RSS 2.0 feed with `content:encoded`,
/// an Atom feed and a JSON Feed (`count` items each, every item's page with a photo of its own),
/// and whatever broken feeds a test adds by path.
final class FeedSite: Sendable {
    let server: TestServer
    let count: Int
    let latency: Double

    /// `extra` answers paths the site does not (a test's broken feeds); `compress` gzips what
    /// the client accepts gzipped.
    init(count: Int = 10, latency: Double = 0, compress: Bool = false, extra: @escaping @Sendable (SeenRequest) -> Reply? = { _ in nil }) async throws {
        self.count = count
        self.latency = latency
        // A photo of its own for every path (the book keeps one copy of identical bytes).
        var photos: [String: Data] = [:]
        for (k, feed) in ["rss", "atom", "json"].enumerated() {
            photos["/\(feed)/img/field.jpg"] = try TestImages.make(600 + k, 180, suffix: ".jpg[Q=80]")
            for n in 0...count { photos["/photos/\(feed)-\(n).jpg"] = try TestImages.make(200 + n + (feed == "rss" ? 0 : feed == "atom" ? 100 : 200), 160, suffix: ".jpg[Q=80]") }
        }
        let photo = try TestImages.make(320, 200, suffix: ".jpg[Q=80]")
        let byPath = photos
        let holder = PortHolder()
        server = try await TestServer(compress: compress) { request in
            if let reply = extra(request) { return reply }
            let base = "http://127.0.0.1:\(holder.port)"
            let path = request.uri.split(separator: "?").first.map(String.init) ?? request.uri
            switch path {
            case "/rss.xml": return .text(FeedSite.rss(count: count, base: base), type: "application/rss+xml")
            case "/atom.xml": return .text(FeedSite.atom(count: count, base: base), type: "application/atom+xml")
            case "/feed.json": return .text(FeedSite.jsonFeed(count: count, base: base), type: "application/feed+json")
            default: break
            }
            if path.hasSuffix(".jpg") {
                return .send(status: 200, headers: [("Content-Type", "image/jpeg")], body: Array(byPath[path] ?? photo), delay: latency)
            }
            let parts = path.split(separator: "/")
            if parts.count == 2, ["rss", "atom", "json"].contains(parts[0]), parts[1].hasSuffix(".html") {
                let n = parts[1].dropLast(5)
                let title = FeedSite.title(String(parts[0]), String(n))
                let figure = "<figure><img src=\"/photos/\(parts[0])-\(n).jpg\" alt=\"Photo \(n)\"><figcaption>The harbour, picture \(n).</figcaption></figure>"
                guard case .send(let status, let headers, let body, _, _) = Reply.text(WebPages.article(title, extra: figure)) else { return .send(status: 500) }
                return .send(status: status, headers: headers, body: body, delay: latency)
            }
            return .send(status: 404)
        }
        holder.port = server.port
    }

    func url(_ path: String) -> String { server.url(path).absoluteString }

    func close() async { await server.close() }

    static func title(_ feed: String, _ n: String) -> String {
        ["rss": "Harbour story", "atom": "Atom report", "json": "JSON dispatch"][feed, default: "Story"] + " " + n
    }

    /// RSS 2.0: relative links, `dc:creator`, RFC 822 dates with a named zone, a short
    /// `content:encoded` (so `auto` fetches the page), a `media:content` photo.
    static func rss(count: Int, base: String) -> String {
        var s = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
            <channel><title>Harbour Times</title><link>\(base)/</link><language>en</language>

            """
        for i in 1...max(count, 1) {
            s += """
                <item><title>\(title("rss", String(i)))</title><link>/rss/\(i).html</link><guid>rss-\(i)</guid>
                <dc:creator>Reporter \(i)</dc:creator><pubDate>Mon, 0\(1 + i % 9) Jan 2024 08:00:00 EST</pubDate>
                <description>Summary of story \(i).</description>
                <content:encoded><![CDATA[<p>Short teaser \(i) with <a href="/rss/\(i).html">a link</a>.</p>]]></content:encoded>
                <media:content url="/photos/rss-\(i).jpg" medium="image"/></item>

                """
        }
        return s + "</channel></rss>\n"
    }

    static func atom(count: Int, base: String) -> String {
        var s = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom Weekly</title><link href=\"\(base)/\"/><id>urn:atom</id><updated>2024-01-09T00:00:00Z</updated>\n"
        for i in 1...max(count, 1) {
            s += "<entry><id>urn:atom:\(i)</id><title>\(title("atom", String(i)))</title><link rel=\"alternate\" href=\"\(base)/atom/\(i).html\"/><author><name>Atom Writer</name></author><published>2024-01-0\(1 + i % 9)T09:00:00Z</published><updated>2024-01-09T00:00:00Z</updated><summary>Atom summary \(i).</summary></entry>\n"
        }
        return s + "</feed>\n"
    }

    static func jsonFeed(count: Int, base: String) -> String {
        let items = (1...max(count, 1)).map { i -> [String: Any] in
            ["id": "json-\(i)", "url": "\(base)/json/\(i).html", "title": title("json", String(i)),
             "date_published": "2024-01-0\(1 + i % 9)T10:00:00+01:00", "authors": [["name": "JSON Desk"]],
             "summary": "JSON summary \(i)."]
        }
        let feed: [String: Any] = ["version": "https://jsonfeed.org/version/1.1", "title": "JSON Daily", "home_page_url": base + "/", "items": items]
        let data = (try? JSONSerialization.data(withJSONObject: feed, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

/// The server's port, known once it listens (the route is made before).
final class PortHolder: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    var port: Int {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
