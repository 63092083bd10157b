import ArticleCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves a host name to its IP addresses, for the address check of ``NetworkPolicy``.
///
/// ``system`` asks the system resolver (`getaddrinfo`, so `/etc/hosts` counts) on a thread of
/// its own, never on an event loop or the concurrency pool.
public struct HostResolver: Sendable {
    /// Resolves `host` (never an IP literal) to its addresses as text (`93.184.216.34`, `2606::1`),
    /// or throws a message such as `host not found`.
    public var resolve: @Sendable (_ host: String) async throws -> [String]

    /// Creates a resolver from a function.
    public init(resolve: @escaping @Sendable (_ host: String) async throws -> [String]) {
        self.resolve = resolve
    }

    /// The system resolver.
    public static let system = HostResolver { host in
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try systemResolve(host) })
            }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func systemResolve(_ host: String) throws -> [String] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let first = list else {
            let reason = status == EAI_NONAME ? "host not found" : String(cString: gai_strerror(status))
            throw Failure(description: "DNS lookup failed (\(reason))")
        }
        defer { freeaddrinfo(first) }
        var addresses: [String] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let entry = node {
            var buffer = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if let address = entry.pointee.ai_addr,
               getnameinfo(address, entry.pointee.ai_addrlen, &buffer, socklen_t(buffer.count), nil, 0, NI_NUMERICHOST) == 0 {
                let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !addresses.contains(text) { addresses.append(text) }
            }
            node = entry.pointee.ai_next
        }
        guard !addresses.isEmpty else { throw Failure(description: "DNS lookup failed (no address)") }
        return addresses
    }
}
