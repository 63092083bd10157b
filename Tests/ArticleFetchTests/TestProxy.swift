import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A tiny HTTP proxy on 127.0.0.1: `CONNECT host:port` tunnels, and absolute-form requests
/// (`GET http://host/path`) are passed on as they are. Whatever host is asked for, it connects
/// only to 127.0.0.1, at the port of `upstream` (so made-up host names work offline).
final class TestProxy: Sendable {
    let channel: Channel
    let port: Int
    /// The first line of every request the proxy got (`CONNECT localhost:443 HTTP/1.1`).
    let seen = NIOLockedValueBox<[String]>([])

    init(upstream: @escaping @Sendable (_ host: String, _ port: Int) -> Int) async throws {
        let seen = self.seen
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ProxyHeadHandler(seen: seen, upstream: upstream))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        port = channel.localAddress?.port ?? 0
    }

    var requestLines: [String] { seen.withLockedValue { $0 } }
    func close() async { try? await channel.close() }
}

/// Reads the request head, connects to the loopback upstream and then copies bytes both ways.
final class ProxyHeadHandler: ChannelInboundHandler, RemovableChannelHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    let seen: NIOLockedValueBox<[String]>
    let upstream: @Sendable (String, Int) -> Int
    var buffer = ByteBuffer()
    var started = false

    init(seen: NIOLockedValueBox<[String]>, upstream: @escaping @Sendable (String, Int) -> Int) {
        self.seen = seen
        self.upstream = upstream
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var chunk = unwrapInboundIn(data)
        buffer.writeBuffer(&chunk)
        guard !started, let text = buffer.getString(at: buffer.readerIndex, length: buffer.readableBytes),
              let end = text.range(of: "\r\n\r\n") else { return }
        started = true
        let line = String(text[..<(text.range(of: "\r\n")?.lowerBound ?? end.lowerBound)])
        seen.withLockedValue { $0.append(line) }
        let parts = line.split(separator: " ")
        guard parts.count >= 2 else { context.close(promise: nil); return }
        let isConnect = parts[0] == "CONNECT"
        let target: (String, Int)
        if isConnect {
            let hostPort = parts[1].split(separator: ":")
            target = (String(hostPort.first ?? ""), Int(hostPort.last ?? "") ?? 443)
        } else {
            let url = URL(string: String(parts[1]))
            target = (url?.host ?? "", url?.port ?? 80)
        }
        let port = upstream(target.0, target.1)
        let client = context.channel
        let pending = buffer
        let loop = context.eventLoop
        ClientBootstrap(group: loop)
            .connect(host: "127.0.0.1", port: port)
            .whenComplete { result in
                loop.assumeIsolated().execute {
                    switch result {
                    case .failure:
                        client.close(promise: nil)
                    case .success(let server):
                        _ = try? client.pipeline.syncOperations.addHandler(Glue(partner: server))
                        _ = server.pipeline.addHandler(Glue(partner: client))
                        if isConnect {
                            client.writeAndFlush(ByteBuffer(string: "HTTP/1.1 200 Connection established\r\n\r\n"), promise: nil)
                        } else {
                            server.writeAndFlush(pending, promise: nil)
                        }
                        if let me = try? client.pipeline.syncOperations.handler(type: ProxyHeadHandler.self) {
                            client.pipeline.syncOperations.removeHandler(me, promise: nil)
                        }
                    }
                }
            }
    }
}

/// Copies what one channel reads to its partner, and closes the partner when it closes.
final class Glue: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    let partner: Channel
    init(partner: Channel) { self.partner = partner }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        partner.writeAndFlush(unwrapInboundIn(data), promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        partner.close(promise: nil)
    }
}
