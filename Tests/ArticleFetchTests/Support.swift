import ArticleCore
@testable import ArticleFetch
import Foundation

/// A fetcher with the defaults, changed by `edit`.
func makeFetcher(_ edit: (inout FetchConfiguration) throws -> Void = { _ in }) throws -> Fetcher {
    var configuration = try FetchConfiguration(version: "9.9.9")
    configuration.timeout = 5
    try edit(&configuration)
    return try Fetcher(configuration: configuration)
}

/// The error a fetch fails with, or `nil` when it succeeds.
func failure(_ fetcher: Fetcher, _ request: FetchRequest) async -> ArticleError? {
    do {
        _ = try await fetcher.fetch(request)
        return nil
    } catch {
        return error
    }
}

/// Runs `body` with a server, and closes the server and the fetcher afterwards.
func withServer(
    tls: TLSConfiguration? = nil, compress: Bool = false, route: @escaping TestServer.Route,
    _ body: (TestServer) async throws -> Void
) async throws {
    let server = try await TestServer(tls: tls, compress: compress, route: route)
    do {
        try await body(server)
    } catch {
        await server.close()
        throw error
    }
    await server.close()
}

import NIOSSL
