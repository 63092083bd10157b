import Foundation

/// Pages the web tests serve, and the runs they make.
enum WebPages {
    /// A news article with enough running text to be one, a relative link and a relative image.
    static func article(_ title: String, canonical: String? = nil, extra: String = "", head: String = "") -> String {
        let link = canonical.map { "<link rel=\"canonical\" href=\"\($0)\">" } ?? ""
        return """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(title)</title>\(link)\(head)</head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>\(title)</h1>
            <p>Farmers in the delta brought in the rice harvest early this year, after weeks of heavy rain had threatened to flood the low fields along the river.</p>
            <p>Officials said the yield was the best in a decade, and that prices at the market had held steady all season, to the relief of the cooperatives. <a href="more/story.html">Read the follow-up</a>.</p>
            <figure><img src="img/field.jpg" alt="A field"><figcaption>The fields at dawn.</figcaption></figure>
            \(extra)
            <p>Next year the cooperatives plan to plant a faster-growing variety, which agronomists say could be harvested a month earlier and escape the worst of the rains.</p>
            </article></body></html>
            """
    }

    /// A page that is only links: no article in it.
    static let linksOnly = "<html><head><title>Index</title></head><body><nav><a href=\"/a\">A</a> <a href=\"/b\">B</a></nav></body></html>"

    /// Runs `body` with a server answering `route`, then closes the server.
    static func withServer(_ route: @escaping TestServer.Route, _ body: (TestServer) async throws -> Void) async throws {
        let server = try await TestServer(route: route)
        do {
            try await body(server)
        } catch {
            await server.close()
            throw error
        }
        await server.close()
    }

    /// The JSON object an `articlekit convert … --to json --output -` printed.
    static func json(_ text: String) throws -> [String: Any] {
        try (JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
    }

    /// The lines a run wrote to standard error.
    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }
}
