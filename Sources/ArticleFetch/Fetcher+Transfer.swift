import ArticleCore
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

extension Fetcher {
    /// What one attempt at one hop gave.
    enum Attempt: Sendable {
        case done(HopResult)
        case retry(status: Int, delay: Double)
    }

    /// One request on the wire, holding a connection slot until its body is read.
    func hop(_ url: URL, request: FetchRequest, credentials: Bool) async throws -> Attempt {
        let proxy = configuration.proxies.server(for: url)
        var pin: ClientPool.Pin?
        if proxy == nil, let address = try await pinnedAddress(for: url, origin: request.origin), let host = url.host {
            pin = ClientPool.Pin(host: host, address: address)
        }
        let client = try await clients.client(proxy: proxy, pin: pin)
        let outgoing = makeRequest(url, request: request, credentials: credentials)
        let timeout = configuration.timeout
        return try await limiter.withSlot(for: Self.originKey(url)) {
            try await Self.withDeadline(seconds: timeout) {
                try await self.transfer(outgoing, url: url, kind: request.kind, client: client)
            }
        }
    }

    /// Builds the request. `Authorization`, `Cookie` and `Proxy-Authorization` from
    /// ``FetchConfiguration/extraHeaders`` go only where `credentials` says (see
    /// ``perform(_:)``), so a log-in cookie given for a site does not travel to other hosts.
    func makeRequest(_ url: URL, request: FetchRequest, credentials: Bool) -> HTTPClientRequest {
        var outgoing = HTTPClientRequest(url: url.absoluteString)
        outgoing.method = .GET
        outgoing.headers.add(name: "User-Agent", value: configuration.userAgent)
        outgoing.headers.add(name: "Accept", value: request.kind == .image
            ? "image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8,*/*;q=0.5"
            : "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        if configuration.decompress { outgoing.headers.add(name: "Accept-Encoding", value: "gzip, deflate") }
        if let referer = request.referer, Self.mayRefer(from: referer, to: url) {
            outgoing.headers.add(name: "Referer", value: Self.refererValue(referer))
        }
        for (name, value) in configuration.extraHeaders {
            let credential = ["authorization", "cookie", "proxy-authorization"].contains(name.lowercased())
            if credential && !credentials { continue }
            outgoing.headers.replaceOrAdd(name: name, value: value)
        }
        return outgoing
    }

    /// Reads the answer: a document, a redirect, a retry, or an error.
    func transfer(_ outgoing: HTTPClientRequest, url: URL, kind: FetchRequest.Kind, client: HTTPClient) async throws -> Attempt {
        let deadline = NIODeadline.now() + .milliseconds(FetchConfiguration.milliseconds(configuration.timeout))
        let response = try await client.execute(outgoing, deadline: deadline)
        let status = Int(response.status.code)
        switch status {
        case 301, 302, 303, 307, 308:
            guard let location = response.headers.first(name: "location") else {
                throw FetchError.network(url.absoluteString, "HTTP \(status) redirect without a Location")
            }
            await Self.drain(response)
            return .done(.redirect(location))
        case 429, 503:
            let delay = Self.retryDelay(response.headers.first(name: "retry-after"), configuration: configuration)
            await Self.drain(response)
            return .retry(status: status, delay: delay)
        case 200...299:
            break
        default:
            let phrase = response.status.reasonPhrase
            throw FetchError.network(url.absoluteString, "HTTP \(status)\(phrase.isEmpty ? "" : " " + phrase)")
        }
        let cap = configuration.maxBytes(for: kind)
        let what = kind == .image ? "an image" : "a page"
        let declared = response.headers.first(name: "content-length").flatMap { Int64($0) }.map { max(0, $0) }
        if let declared, declared > cap {
            throw FetchError.tooLarge(url.absoluteString,
                "\(FetchError.size(declared)) is over the \(FetchError.size(cap)) cap for \(what)")
        }
        var data = Data()
        if let declared { data.reserveCapacity(Int(min(declared, 8_000_000))) }
        for try await chunk in response.body {
            let count = Int64(chunk.readableBytes)
            let (total, overflow) = Int64(data.count).addingReportingOverflow(count)
            guard !overflow, total <= cap else {
                throw FetchError.tooLarge(url.absoluteString, "the body is over the \(FetchError.size(cap)) cap for \(what)")
            }
            try take(count, for: url)
            data.append(contentsOf: chunk.readableBytesView)
        }
        let (mediaType, charset) = FetchedDocument.parseContentType(response.headers.first(name: "content-type"))
        return .done(.document(FetchedDocument(requestedURL: url, url: url, mediaType: mediaType, charset: charset, data: data)))
    }

    /// Runs `body`, cancelling it and failing with a timeout after `seconds`. AsyncHTTPClient's
    /// own deadline ends at the response head; this one covers the body as well, so a server
    /// that trickles bytes for ever is stopped.
    static func withDeadline<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(FetchConfiguration.milliseconds(seconds)) * 1_000_000)
                throw HTTPClientError.deadlineExceeded
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw HTTPClientError.deadlineExceeded }
            return first
        }
    }

    /// Reads and drops a small body so that the connection can be used again; a larger one
    /// is abandoned (AsyncHTTPClient then closes the connection).
    static func drain(_ response: HTTPClientResponse) async {
        var seen = 0
        do {
            for try await chunk in response.body {
                seen += chunk.readableBytes
                if seen > 65_536 { break }
            }
        } catch {}
    }

    /// The wait a `Retry-After` value asks for (seconds, or an HTTP date), within the cap.
    static func retryDelay(_ value: String?, configuration: FetchConfiguration, now: Date = Date()) -> Double {
        let cap = max(0, configuration.maxRetryDelay)
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            return min(configuration.defaultRetryDelay, cap)
        }
        if let seconds = Int(value), seconds >= 0 { return min(Double(seconds), cap) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: value) { return min(max(0, date.timeIntervalSince(now)), cap) }
        }
        return min(configuration.defaultRetryDelay, cap)
    }

    /// An https page's address is never sent to an http URL (as browsers' default policy).
    static func mayRefer(from referer: URL, to url: URL) -> Bool {
        !(referer.scheme?.lowercased() == "https" && url.scheme?.lowercased() == "http")
    }

    /// The referring page without its fragment or any user:password.
    static func refererValue(_ referer: URL) -> String {
        guard var parts = URLComponents(url: referer, resolvingAgainstBaseURL: false) else { return referer.absoluteString }
        parts.fragment = nil
        parts.user = nil
        parts.password = nil
        return parts.url?.absoluteString ?? referer.absoluteString
    }
}
