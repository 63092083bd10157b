import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix
import NIOSSL

/// What a scripted route answers.
enum Reply: Sendable {
    /// A whole response (Content-Length is set unless `chunked`).
    case send(status: Int, headers: [(String, String)] = [], body: [UInt8] = [], chunked: Bool = false, delay: Double = 0)
    /// Headers now, then `count` chunks of `size` bytes every `interval` seconds (chunked),
    /// then the end: bounded, so a test that does not stop it still ends.
    case trickle(size: Int, count: Int, interval: Double, headers: [(String, String)] = [])

    static func text(_ body: String, type: String = "text/html; charset=utf-8", status: Int = 200) -> Reply {
        .send(status: status, headers: [("Content-Type", type)], body: Array(body.utf8))
    }

    static func redirect(_ location: String, status: Int = 302) -> Reply {
        .send(status: status, headers: [("Location", location)])
    }
}

/// What the server saw of one request.
struct SeenRequest: Sendable {
    var uri: String
    var headers: [(String, String)]
    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
}

/// A scripted HTTP(S) server on 127.0.0.1 only, with counters of what it saw. Copied from
/// Tests/ArticleFetchTests/TestServer.swift (the CLI tests need only this file of that support,
/// not its test CA or proxy, so a shared test-support target would hold one file).
final class TestServer: Sendable {
    typealias Route = @Sendable (SeenRequest) -> Reply
    let channel: Channel
    let port: Int
    let stats = NIOLockedValueBox(Stats())

    struct Stats {
        var requests: [SeenRequest] = []
        var openConnections = 0
        var maxOpenConnections = 0
        var inFlight = 0
        var maxInFlight = 0
        var connections = 0
    }

    static let group = MultiThreadedEventLoopGroup.singleton

    init(tls: TLSConfiguration? = nil, compress: Bool = false, shared: NIOLockedValueBox<Stats>? = nil, route: @escaping Route) async throws {
        let stats = self.stats
        let sslContext = try tls.map { try NIOSSLContext(configuration: $0) }
        channel = try await ServerBootstrap(group: Self.group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    if let sslContext { try sync.addHandler(NIOSSLServerHandler(context: sslContext)) }
                    try sync.configureHTTPServerPipeline(withErrorHandling: true)
                    if compress { try sync.addHandler(HTTPResponseCompressor()) }
                    try sync.addHandler(RouteHandler(route: route, stats: stats, shared: shared))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        port = channel.localAddress?.port ?? 0
    }

    func url(_ path: String, host: String = "127.0.0.1", scheme: String = "http") -> URL {
        URL(string: "\(scheme)://\(host):\(port)\(path)")!
    }

    var requests: [SeenRequest] { stats.withLockedValue { $0.requests } }
    func count(_ path: String) -> Int { requests.filter { $0.uri.hasSuffix(path) }.count }

    func close() async { try? await channel.close() }
}

/// Answers each request from the route, counting connections and requests in flight.
final class RouteHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart
    let route: TestServer.Route
    let stats: NIOLockedValueBox<TestServer.Stats>
    /// Counts of several servers together.
    let shared: NIOLockedValueBox<TestServer.Stats>?
    var head: HTTPRequestHead?

    init(route: @escaping TestServer.Route, stats: NIOLockedValueBox<TestServer.Stats>, shared: NIOLockedValueBox<TestServer.Stats>?) {
        self.route = route
        self.stats = stats
        self.shared = shared
    }

    private func tally(_ change: (inout TestServer.Stats) -> Void) {
        stats.withLockedValue(change)
        shared?.withLockedValue(change)
    }

    func channelActive(context: ChannelHandlerContext) {
        tally {
            $0.openConnections += 1
            $0.connections += 1
            $0.maxOpenConnections = max($0.maxOpenConnections, $0.openConnections)
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        tally { $0.openConnections -= 1 }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            guard let head else { return }
            let seen = SeenRequest(uri: head.uri, headers: head.headers.map { ($0.name, $0.value) })
            tally {
                $0.requests.append(seen)
                $0.inFlight += 1
                $0.maxInFlight = max($0.maxInFlight, $0.inFlight)
            }
            respond(route(seen), context: context, keepAlive: head.isKeepAlive)
        }
    }

    private func finish(_ context: ChannelHandlerContext, keepAlive: Bool) {
        tally { $0.inFlight -= 1 }
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        let channel = context.channel
        if !keepAlive { done.whenComplete { _ in channel.close(promise: nil) } }
    }

    private func respond(_ reply: Reply, context: ChannelHandlerContext, keepAlive: Bool) {
        let loop = context.eventLoop
        switch reply {
        case .send(let status, let headers, let body, let chunked, let delay):
            var fields = HTTPHeaders(headers)
            if !chunked && !fields.contains(name: "content-length") { fields.add(name: "Content-Length", value: "\(body.count)") }
            if chunked { fields.add(name: "Transfer-Encoding", value: "chunked") }
            let send = {
                context.write(self.wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: status), headers: fields))), promise: nil)
                if !body.isEmpty {
                    context.write(self.wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
                }
                self.finish(context, keepAlive: keepAlive)
            }
            if delay > 0 {
                loop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(delay * 1000))) { send() }
            } else {
                send()
            }
        case .trickle(let size, let count, let interval, let headers):
            var fields = HTTPHeaders(headers)
            fields.add(name: "Transfer-Encoding", value: "chunked")
            context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: fields))), promise: nil)
            let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: size)
            func step(_ left: Int) {
                guard left > 0, context.channel.isActive else {
                    if context.channel.isActive { finish(context, keepAlive: keepAlive) } else { tally { $0.inFlight -= 1 } }
                    return
                }
                context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: chunk)))), promise: nil)
                loop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(interval * 1000))) { step(left - 1) }
            }
            step(count)
        }
    }
}
