import ArticleCore
import AsyncHTTPClient
import NIOCore
import NIOHTTPCompression
import NIOPosix
import NIOSSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the errors of AsyncHTTPClient, SwiftNIO and swift-nio-ssl into one-line
/// ``ArticleCore/ArticleError`` values naming the URL.
enum FetchErrors {
    static func articleError(_ error: any Error, url: String, configuration: FetchConfiguration) -> ArticleError {
        if let error = error as? ArticleError { return error.file == nil ? error.inFile(url) : error }
        if error is CancellationError { return FetchError.network(url, "cancelled") }
        if let failure = error as? HostResolver.Failure { return FetchError.network(url, failure.description) }
        return FetchError.network(url, reason(error, configuration: configuration))
    }

    static func reason(_ error: any Error, configuration: FetchConfiguration) -> String {
        let seconds = { (value: Double) in value == value.rounded() ? "\(Int(value)) s" : "\(value) s" }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return "timed out after \(seconds(configuration.timeout))"
            case .connectTimeout, .socksHandshakeTimeout, .tlsHandshakeTimeout, .httpProxyHandshakeTimeout:
                return "connection timed out after \(seconds(configuration.connectTimeout))"
            case .remoteConnectionClosed:
                return "the server closed the connection before answering"
            case .invalidProxyResponse:
                return "the proxy refused the connection"
            case .proxyAuthenticationRequired:
                return "the proxy wants authentication (407)"
            case .cancelled:
                return "cancelled"
            default:
                return "HTTP error (\(error))"
            }
        }
        if error is NIOHTTPDecompression.DecompressionError || error is NIOHTTPDecompression.ExtraDecompressionError {
            if let limit = error as? NIOHTTPDecompression.DecompressionError, case .limit = limit {
                let cap = max(configuration.maxPageBytes, configuration.maxImageBytes)
                return "the compressed body expands past the \(FetchError.size(cap)) cap"
            }
            return "the compressed body is corrupt"
        }
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                return "DNS lookup failed (host not found: \(error.host))"
            }
            if let first = error.connectionErrors.first { return reason(first.error, configuration: configuration) }
            return "could not connect to \(error.host):\(error.port)"
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED: return "connection refused"
            case ECONNRESET: return "connection reset by the server"
            case ENETUNREACH, EHOSTUNREACH: return "network unreachable"
            case ETIMEDOUT: return "connection timed out"
            default: return "connection failed (\(String(cString: strerror(error.errnoCode))))"
            }
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return "connection timed out after \(seconds(configuration.connectTimeout))"
        }
        if let error = error as? NIOSSLExtraError, error == .failedToValidateHostname {
            return "certificate does not match the host name"
        }
        if let error = error as? NIOSSLError {
            switch error {
            case .handshakeFailed(let inner):
                return tlsReason(String(describing: inner))
            case .uncleanShutdown:
                return "the TLS connection was closed uncleanly"
            default:
                return "TLS failed (\(error))"
            }
        }
        if let error = error as? BoringSSLError { return tlsReason(String(describing: error)) }
        return String(describing: error)
    }

    /// BoringSSL reports every chain failure as `CERTIFICATE_VERIFY_FAILED`; the verify result
    /// (unknown CA, expired) is not passed through swift-nio-ssl, so the message names both.
    static func tlsReason(_ text: String) -> String {
        let upper = text.uppercased()
        if upper.contains("CERTIFICATE_VERIFY_FAILED") {
            return "certificate not trusted (unknown authority, expired or not yet valid)"
        }
        if upper.contains("WRONG_VERSION_NUMBER") { return "TLS failed (the server does not speak TLS on this port)" }
        if upper.contains("HANDSHAKE_FAILURE") || upper.contains("NO_SHARED_CIPHER") {
            return "TLS failed (no protocol version or cipher in common)"
        }
        return "TLS failed (\(text.prefix(200)))"
    }
}
