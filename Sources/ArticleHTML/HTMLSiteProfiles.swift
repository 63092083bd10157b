import ArticleCore
import Foundation

/// A list of ``HTMLSiteProfile``s, the file format of `Resources/html-sites.json`.
struct HTMLSiteProfiles: Hashable, Sendable, Codable {
    var sites: [HTMLSiteProfile]

    /// No profiles: every page gets the generic title choice.
    static let none = HTMLSiteProfiles(sites: [])

    /// The profiles shipped with ArticleKit; none if the embedded file does not decode (a test
    /// checks that it does).
    static let builtIn: HTMLSiteProfiles = {
        guard let text = EmbeddedHTMLSites.files["html-sites.json"] else { return .none }
        return (try? decode(Data(text.utf8))) ?? .none
    }()

    static func decode(_ data: Data) throws -> HTMLSiteProfiles {
        try JSONDecoder().decode(HTMLSiteProfiles.self, from: data)
    }

    /// The profiles a conversion asks for: the reader option `html-site-profiles` names a file
    /// of profiles to use instead of the built-in ones, or is `none` for no profiles.
    static func forOptions(_ options: ConversionOptions) throws(ArticleError) -> HTMLSiteProfiles {
        guard let path = options.extra[optionName] else { return builtIn }
        if path == "none" { return .none }
        // A batch run reads its profiles file once, not once a page.
        if let cached = FileCache.shared.get(path) { return cached }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ArticleError(.io, "cannot read the HTML site profiles: \(error.localizedDescription)", file: path)
        }
        let profiles: HTMLSiteProfiles
        do { profiles = try decode(data) } catch {
            throw ArticleError(.malformed, "not a list of HTML site profiles (see Resources/html-sites.json)", file: path)
        }
        FileCache.shared.set(path, profiles)
        return profiles
    }

    /// Profiles read from files, by path, for the life of the process.
    private final class FileCache: @unchecked Sendable {
        static let shared = FileCache()
        private let lock = NSLock()
        private var byPath: [String: HTMLSiteProfiles] = [:]
        func get(_ path: String) -> HTMLSiteProfiles? { lock.withLock { byPath[path] } }
        func set(_ path: String, _ p: HTMLSiteProfiles) { lock.withLock { byPath[path] = p } }
    }

    /// The name of the reader option (`--html-site-profiles`).
    static let optionName = "html-site-profiles"

    /// The profile for a page at `url`, if one of its hosts is the URL's host or a parent of it.
    func match(url: String?) -> HTMLSiteProfile? {
        guard let host = url.flatMap(Self.host) else { return nil }
        return sites.first { site in
            site.hosts.contains { h in
                let h = Self.withoutWWW(h.lowercased())
                return host == h || host.hasSuffix("." + h)
            }
        }
    }

    /// The lower-cased host of an absolute `http(s)` URL, without `www.`.
    static func host(_ url: String) -> String? {
        guard let h = URLComponents(string: TextTools.trimming(url, .whitespacesAndNewlines))?.host?.lowercased(), !h.isEmpty else { return nil }
        return withoutWWW(h)
    }

    private static func withoutWWW(_ h: String) -> String {
        h.hasPrefix("www.") ? String(h.dropFirst(4)) : h
    }
}
