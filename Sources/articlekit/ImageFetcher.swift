import ArticleKit
import Foundation

/// The fetcher a run downloads its images with: the defaults of ``FetchConfiguration`` for this
/// version, with the proxies and extra CA of the environment (`HTTPS_PROXY`, `SSL_CERT_FILE`).
/// The one place the command line makes it; the network flags (`--timeout`, `--header`,
/// `--no-fetch`, …) build their configuration here when they come.
func makeImageFetcher() throws(ArticleError) -> Fetcher {
    let configuration = try FetchConfiguration(version: ArticleKitVersion.current, environment: ProcessInfo.processInfo.environment)
    return try Fetcher(configuration: configuration)
}
