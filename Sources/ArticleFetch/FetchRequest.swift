import Foundation

/// One URL to fetch, with what the fetch is for.
public struct FetchRequest: Sendable, Hashable {
    /// Who named the URL, which decides the addresses it may be fetched from
    /// (see ``NetworkPolicy``).
    public enum Origin: String, Sendable, Hashable {
        /// A URL the person gave on the command line or in a list: any http(s) address.
        case userRequested
        /// A URL that a fetched page names (an image, a stylesheet): public addresses only,
        /// unless ``NetworkPolicy/allowPrivateNetwork``.
        case pageResource
    }

    /// What is fetched, which picks the size cap (``FetchConfiguration/maxPageBytes`` or
    /// ``FetchConfiguration/maxImageBytes``).
    public enum Kind: String, Sendable, Hashable {
        /// A page (HTML, Markdown, JSON, an EPUB).
        case page
        /// An image.
        case image
    }

    /// The URL; a fragment is not sent and does not make a second fetch.
    public var url: URL
    /// Who named the URL.
    public var origin: Origin
    /// What is fetched.
    public var kind: Kind
    /// The page that names this resource, sent as `Referer` (hotlink protection wants it);
    /// never sent from an https page to an http URL.
    public var referer: URL?

    /// Creates a request.
    public init(url: URL, origin: Origin = .userRequested, kind: Kind = .page, referer: URL? = nil) {
        self.url = url
        self.origin = origin
        self.kind = kind
        self.referer = referer
    }

    /// The URL without its fragment: what is sent, and the key of the fetch-once cache.
    var wireURL: URL {
        guard url.fragment != nil, var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        parts.fragment = nil
        return parts.url ?? url
    }
}
