import ArticleCore
import Foundation

/// The one network policy of ``Fetcher``: which URLs may be fetched, and from which addresses.
///
/// - Only `http` and `https` URLs are fetched.
/// - ``FetchRequest/Origin-swift.enum/userRequested`` URLs (the ones a person typed) may be on
///   any address, loopback included, and so may the redirects they lead to: the person chose the
///   site.
/// - ``FetchRequest/Origin-swift.enum/pageResource`` URLs (named by a page from the network) must
///   be on a ``IPAddressClass/public`` address unless ``allowPrivateNetwork`` is set, so that a
///   page cannot make ArticleKit reach a router, a local service or the cloud metadata endpoint.
///   The check is made on the address that is actually connected to, after DNS resolution, on
///   every redirect hop (see ``Fetcher`` for how the connection is pinned to the checked address).
/// - ``networkEnabled`` false refuses every fetch.
public struct NetworkPolicy: Sendable, Hashable {
    /// Whether resources named by a remote page may be fetched from non-public addresses.
    public var allowPrivateNetwork: Bool
    /// Whether anything may be fetched at all (`false` for `--no-fetch`).
    public var networkEnabled: Bool

    /// Creates a policy; the default refuses private addresses for page resources.
    public init(allowPrivateNetwork: Bool = false, networkEnabled: Bool = true) {
        self.allowPrivateNetwork = allowPrivateNetwork
        self.networkEnabled = networkEnabled
    }

    /// Whether the address of a request's host has to be checked (resolved and classified).
    public func checksAddresses(for origin: FetchRequest.Origin) -> Bool {
        origin == .pageResource && !allowPrivateNetwork
    }

    /// Checks what can be checked from the URL alone: the network is on, the scheme is http or
    /// https, there is a host, and (when addresses are checked) the host is not a literal
    /// non-public address or a loopback name.
    public func check(_ url: URL, origin: FetchRequest.Origin) throws(ArticleError) {
        let text = url.absoluteString
        guard networkEnabled else { throw FetchError.refused(text, "network access is turned off (--no-fetch)") }
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw FetchError.refused(text, "scheme '\(url.scheme ?? "")' not allowed (only http and https are fetched)")
        }
        guard let host = url.host(percentEncoded: false), !host.isEmpty else {
            throw FetchError.refused(text, "no host in the URL")
        }
        guard checksAddresses(for: origin) else { return }
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        if name == "localhost" || name.hasSuffix(".localhost") {
            throw Self.refusal(text, address: host, class: .loopback)
        }
        if let kind = IPAddressClass(address: host) {
            if kind != .public { throw Self.refusal(text, address: host, class: kind) }
        } else if Self.looksNumeric(name) {
            // `127.1`, `0x7f.1`, `2130706433`: resolvers read these as IPv4 addresses.
            throw FetchError.refused(text, "numeric host '\(host)' is not a dotted-quad address")
        }
    }

    /// Checks one resolved address of a page resource's host.
    public func check(address: String, of url: URL, origin: FetchRequest.Origin) throws(ArticleError) {
        guard checksAddresses(for: origin) else { return }
        let kind = IPAddressClass(address: address) ?? .reserved
        if kind != .public { throw Self.refusal(url.absoluteString, address: address, class: kind) }
    }

    static func refusal(_ url: String, address: String, class kind: IPAddressClass) -> ArticleError {
        FetchError.refused(
            url, "\(kind.rawValue) address \(address) refused for a resource named by a page (--allow-private-network allows it)")
    }

    /// Hosts made only of digits, dots and hex notation, which some resolvers read as IPv4.
    static func looksNumeric(_ host: String) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard let last = labels.last, !last.isEmpty else { return false }
        // A name whose last label is numeric is never a DNS name (top-level domains are letters).
        return last.allSatisfy(\.isNumber) || (last.lowercased().hasPrefix("0x") && last.dropFirst(2).allSatisfy(\.isHexDigit))
    }
}
