import ArticleCore
import Foundation

/// What is particular to one site's scraped text: how it names itself in the lead, how it labels
/// photo credits, where its boilerplate starts, and its time zone.
///
/// Profiles are data (`Resources/site-profiles/*.json`, embedded in the binary); the reader picks
/// the one whose source prefix or boilerplate it sees, and falls back to `generic`.
public struct SiteProfile: Hashable, Sendable, Codable {
    /// A short identifier (`baonghean`).
    public var id: String
    /// A human-readable name.
    public var name: String
    /// Source names the site puts in the lead (`(Baonghean) -`), compared case-insensitively.
    public var sourcePrefixes: [String]
    /// Labels of photo-credit lines (`Photo`, `Ảnh`): `LABEL: NAME`.
    public var creditLabels: [String]
    /// Lines at which the article has ended and site boilerplate begins; a line matches when it
    /// equals a marker or starts with it followed by a space or punctuation.
    public var boilerplateMarkers: [String]
    /// The site's UTC offset (`+07:00`) for datelines that give none.
    public var utcOffset: String?
    /// Whether `05/09/2011` means 5 September (day first) rather than May 9.
    public var dayFirst: Bool

    /// The offset in minutes, when the profile has a valid one.
    public var utcOffsetMinutes: Int? {
        guard let s = utcOffset, let d = ArticleDate(iso8601: "2000-01-01T00:00" + s) else { return nil }
        return d.utcOffsetMinutes
    }

    /// The profiles shipped with ArticleKit, `generic` last.
    public static let builtIn: [SiteProfile] = {
        let decoder = JSONDecoder()
        var profiles: [SiteProfile] = []
        for name in EmbeddedSiteProfiles.files.keys.sorted() {
            guard let text = EmbeddedSiteProfiles.files[name],
                  let p = try? decoder.decode(SiteProfile.self, from: Data(text.utf8)) else { continue }
            profiles.append(p)
        }
        return profiles.filter { $0.id != "generic" } + profiles.filter { $0.id == "generic" }
    }()

    /// The fallback profile for sites with no profile of their own.
    public static let generic: SiteProfile = builtIn.first { $0.id == "generic" } ?? SiteProfile(
        id: "generic", name: "Any site", sourcePrefixes: [], creditLabels: ["Photo", "Ảnh"],
        boilerplateMarkers: ["POWERED BY"], utcOffset: nil, dayFirst: true)

    /// The profile for a text: the first whose source prefix matches `leadSource`, else the first
    /// whose own (non-generic) boilerplate marker appears as a line, else `generic`.
    public static func match(leadSource: String?, lines: [String], profiles: [SiteProfile] = builtIn) -> SiteProfile {
        let specific = profiles.filter { $0.id != "generic" }
        if let src = leadSource?.lowercased() {
            if let p = specific.first(where: { $0.sourcePrefixes.contains { $0.lowercased() == src } }) { return p }
        }
        for p in specific {
            let distinctive = p.boilerplateMarkers.filter { $0.split(separator: " ").count >= 2 }
            if lines.contains(where: { line in distinctive.contains { line.hasPrefix($0) } }) { return p }
        }
        return profiles.first { $0.id == "generic" } ?? generic
    }

    /// Whether a line is one of this site's boilerplate lines.
    func isBoilerplate(_ line: String) -> Bool {
        Self.matchesMarker(line, LoweredProfile.of(self).markers)
    }

    /// Whether `line` starts with one of `markers` as a whole phrase.
    static func matchesMarker(_ line: String, _ markers: MarkerSet) -> Bool {
        // Markers are short lines; a long line is body text, and lower-casing it is not free:
        // only as much of the line as the longest marker and the character after it is.
        guard line.utf8.count <= 160, !markers.lowered.isEmpty else { return false }
        guard markers.mayStart(line) else { return false }
        let l = String(line.prefix(markers.longest + 1)).lowercased()
        for mm in markers.lowered {
            guard l.hasPrefix(mm) else { continue }
            if l.count == mm.count { return true }
            let next = l[l.index(l.startIndex, offsetBy: mm.count)]
            // "Latest" matches "Latest" and "Latest news", not "Latest figures show that …".
            if next.isPunctuation || next.isWhitespace || next.isUppercase || mm.hasPrefix("powered") {
                if line.split(separator: " ").count <= 8 { return true }
            }
        }
        return false
    }
}
