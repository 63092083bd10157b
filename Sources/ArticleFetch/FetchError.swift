import ArticleCore

extension ArticleError.Code {
    /// A network fetch failed: the name did not resolve, the connection was refused or timed
    /// out, TLS failed, or the server answered with an error status.
    public static let network = ArticleError.Code(rawValue: "network")
    /// A fetch was refused by the network policy (a scheme other than http and https, a page
    /// resource on a private address) or because the network is turned off.
    public static let fetchRefused = ArticleError.Code(rawValue: "fetch-refused")
}

/// The one-line errors of ``Fetcher``: each names the URL (as the error's `file`) and the reason,
/// so that `description` reads `https://x/y: certificate not trusted (unknown authority)`.
enum FetchError {
    static func make(_ code: ArticleError.Code, _ url: String, _ reason: String) -> ArticleError {
        ArticleError(code, reason, file: url)
    }

    static func network(_ url: String, _ reason: String) -> ArticleError { make(.network, url, reason) }
    static func refused(_ url: String, _ reason: String) -> ArticleError { make(.fetchRefused, url, reason) }
    static func tooLarge(_ url: String, _ reason: String) -> ArticleError { make(.limitExceeded, url, reason) }

    /// A byte count for a message: `20 MB`, `512 KB`, `300 bytes`.
    static func size(_ bytes: Int64) -> String {
        if bytes >= 1_000_000, bytes % 1_000_000 == 0 { return "\(bytes / 1_000_000) MB" }
        if bytes >= 1_000_000 { return "\(bytes / 100_000 / 10).\(bytes / 100_000 % 10) MB" }
        if bytes >= 1_000 { return "\(bytes / 1_000) KB" }
        return "\(bytes) bytes"
    }
}
