import ArticleCore
import Foundation

extension Fetcher {
    /// What one hop gave: a document, or a redirect to follow.
    enum HopResult: Sendable {
        case document(FetchedDocument)
        case redirect(String)
    }

    /// Fetches a request, following redirects itself (so that each hop passes the policy) and
    /// retrying 429 and 503 answers.
    ///
    /// Credential headers are sent to the host of the URL asked for, as long as redirects stay
    /// there, and for a page resource only when it is on the same host as the page naming it.
    func perform(_ request: FetchRequest) async throws -> FetchedDocument {
        let start = request.wireURL
        var current = start
        var visited: Set<String> = [start.absoluteString]
        var redirects = 0
        while true {
            let result: HopResult
            do {
                try configuration.policy.check(current, origin: request.origin)
                let ownSite = request.origin == .userRequested || request.referer.map { Self.sameHost($0, start) } == true
                result = try await hopWithRetries(current, request: request, sameHostAsStart: ownSite && Self.sameHost(current, start))
            } catch {
                var failure = FetchErrors.articleError(error, url: current.absoluteString, configuration: configuration)
                if current != start {
                    failure.message = "redirected to \(current.absoluteString): \(failure.message)"
                    failure.file = start.absoluteString
                }
                throw failure
            }
            switch result {
            case .document(var document):
                document.requestedURL = request.url
                return document
            case .redirect(let location):
                guard let next = Self.resolve(location, against: current) else {
                    throw FetchError.network(start.absoluteString, "redirect to an invalid URL '\(location.prefix(200))'")
                }
                redirects += 1
                guard redirects <= configuration.maxRedirects else {
                    throw FetchError.network(start.absoluteString, "too many redirects (more than \(configuration.maxRedirects))")
                }
                guard visited.insert(next.absoluteString).inserted else {
                    throw FetchError.network(start.absoluteString, "redirect loop (back to \(next.absoluteString))")
                }
                current = next
            }
        }
    }

    /// One hop, retried when the server answers 429 or 503 (after `Retry-After`, capped).
    func hopWithRetries(_ url: URL, request: FetchRequest, sameHostAsStart: Bool) async throws -> HopResult {
        var attempt = 0
        while true {
            switch try await hop(url, request: request, credentials: sameHostAsStart) {
            case .done(let result):
                return result
            case .retry(let status, let delay):
                guard attempt < configuration.maxRetries else {
                    throw FetchError.network(url.absoluteString, "HTTP \(status) (still after \(attempt) retries)")
                }
                attempt += 1
                try await Task.sleep(nanoseconds: UInt64(FetchConfiguration.milliseconds(delay)) * 1_000_000)
            }
        }
    }

    /// The address a page resource's host is pinned to, checked; `nil` when no check is due.
    func pinnedAddress(for url: URL, origin: FetchRequest.Origin) async throws -> String? {
        // `url.host`, as AsyncHTTPClient reads it, so that the pin (a `dnsOverride` keyed by
        // that host) is sure to apply.
        guard configuration.policy.checksAddresses(for: origin),
              let host = url.host, IPAddressClass(address: host) == nil
        else { return nil }
        let policy = configuration.policy
        let resolver = configuration.resolver
        let task = await pins.address(of: host.lowercased()) {
            let addresses = try await resolver.resolve(host)
            // Every address must be public: which one the connection would use is not ours to pick.
            for address in addresses { try policy.check(address: address, of: url, origin: origin) }
            guard let first = addresses.first else { throw HostResolver.Failure(description: "DNS lookup failed (no address)") }
            return first
        }
        do {
            return try await task.value
        } catch var error as ArticleError {
            error.file = url.absoluteString  // the refusal names the URL asked for, not the first one
            throw error
        }
    }

    /// The target of a `Location` header: absolute, without a fragment.
    static func resolve(_ location: String, against base: URL) -> URL? {
        let trimmed = location.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, let url = URL(string: trimmed, relativeTo: base)?.absoluteURL,
              var parts = URLComponents(url: url, resolvingAgainstBaseURL: false)
        else { return nil }
        parts.fragment = nil
        return parts.url
    }

    static func sameHost(_ a: URL, _ b: URL) -> Bool {
        a.host(percentEncoded: false)?.lowercased() == b.host(percentEncoded: false)?.lowercased()
    }

    /// `scheme://host:port`, the key of the per-host connection limit.
    static func originKey(_ url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(url.host(percentEncoded: false)?.lowercased() ?? ""):\(port)"
    }
}
