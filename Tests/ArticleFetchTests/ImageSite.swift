import ArticleKit
import Foundation
import ZIPFoundation

/// A scripted image site on loopback: a ``TestServer`` behind a ``TestProxy``, so that image URLs
/// carry made-up public host names (`photos.example`) and pass the address policy as pages on
/// the web do, while nothing but 127.0.0.1 is ever connected to. The policy still checks every
/// URL and redirect hop: a literal private address is refused before any connection is made.
final class ImageSite: Sendable {
    let server: TestServer
    let proxy: TestProxy

    init(route: @escaping TestServer.Route) async throws {
        let server = try await TestServer(route: route)
        self.server = server
        proxy = try await TestProxy { _, _ in server.port }
    }

    /// The environment a fetcher (or the command line) reads its proxy from.
    var environment: [String: String] { ["http_proxy": "http://127.0.0.1:\(proxy.port)"] }

    /// A fetcher through the proxy, with the defaults changed by `edit`.
    func fetcher(_ edit: (inout FetchConfiguration) throws -> Void = { _ in }) throws -> Fetcher {
        var configuration = try FetchConfiguration(version: "9.9.9", environment: environment)
        configuration.timeout = 5
        try edit(&configuration)
        return try Fetcher(configuration: configuration)
    }

    /// Whether the proxy was ever asked for `host`.
    func proxySaw(_ host: String) -> Bool { proxy.requestLines.contains { $0.contains(host) } }

    func close() async {
        await proxy.close()
        await server.close()
    }
}

/// A folder for one test's files.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ak-remote-images-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The files of an EPUB, by path.
func epubFiles(_ data: Data) throws -> [String: Data] {
    let archive = try Archive(data: data, accessMode: .read)
    var files: [String: Data] = [:]
    for entry in archive {
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        files[entry.path] = bytes
    }
    return files
}

/// A Markdown story whose figures show `images` (URLs), each with a caption and a credit.
func markdownStory(_ images: [String], title: String = "Photos from the web") -> String {
    var md = "# \(title)\n\nIntro paragraph.\n\n"
    for (i, url) in images.enumerated() {
        md += "![Photo \(i + 1)](\(url))\n\n*Caption \(i + 1)* (Photo: Agency \(i + 1))\n\n"
    }
    return md
}

/// Runs synchronous pipeline code on a thread of its own, as the command line does: the image
/// step waits for downloads that need the concurrency pool, whose few threads a test's own
/// (async) body must not hold while it waits.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}
