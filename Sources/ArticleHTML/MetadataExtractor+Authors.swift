import ArticleCore
import ArticleSupport
import Foundation

/// The article's authors: every person the JSON-LD article names, else the page's `<meta>`
/// author (Dublin Core first), else the bylines, read element by element so that a label or
/// role printed beside the name ("By", "Staff Writer", "Twitter") is not glued to it, and
/// interface strings ("Sign In") are not taken for people. A declared author that is only an
/// organisation (the site itself, its publisher or host, a newsroom or agency) gives way to a
/// person the bylines name; with none, the organisation the page declares is kept.
extension MetadataExtractor {
    /// The `<meta>` keys (lower-cased) that name the author, most specific first.
    static let authorMetaKeys = ["dc:creator", "dc.creator", "dcterms.creator", "author", "article:author", "parsely-author",
                                 "sailthru.author", "byl", "link:author"]

    func authors() -> [String] {
        let site = siteName.map(TextTools.normalized)
        let publisher = ld.article.flatMap { JSONLDExtractor.names($0["publisher"]).first?.name }.map(TextTools.normalized)
        let host = siteAddress.flatMap(HTMLSiteProfiles.host)
        func isSite(_ n: String) -> Bool {
            let x = TextTools.normalized(n)
            if x == site || x == publisher { return true }
            guard let host else { return false }
            let compact = x.replacingOccurrences(of: " ", with: "")
            return compact == host || host.hasPrefix(compact + ".") || compact.hasSuffix("." + host)
        }
        func clean(_ names: [String]) -> [String] {
            names.flatMap { AuthorNames.split($0) }.filter { !AuthorNames.isInterface($0) }
        }
        // What the page declares (JSON-LD, then <meta>) is taken as it stands, an organisation
        // included when no person is named.
        var declared: [String] = []
        if let a = ld.article {
            let names = JSONLDExtractor.names(a["author"]) + JSONLDExtractor.names(a["creator"])
            declared = clean(names.filter { !$0.isOrganization }.map(\.name))
            if declared.isEmpty { declared = clean(names.map(\.name)) }
        }
        if declared.isEmpty {
            for k in Self.authorMetaKeys {
                guard let m = scan.first(k), !m.hasPrefix("http") else { continue }
                declared = clean([m])
                if !declared.isEmpty { break }
            }
        }
        // A declared author that is only the site itself (its name, publisher or host) gives
        // way to a person the bylines name.
        let onlySite = !declared.isEmpty && declared.allSatisfy(isSite)
        var found = declared
        if declared.isEmpty || onlySite {
            for node in scan.bylines {
                // In place of the site, only a person: a name of its own element, not an organisation.
                let names = bylineNames(node, wholeText: !onlySite).filter { !isSite($0) && !(onlySite && AuthorNames.isOrganization($0)) }
                if !names.isEmpty { found = names; break }
            }
        }
        var seen: Set<String> = []
        return found.filter { seen.insert(TextTools.normalized($0)).inserted }
    }

    /// The names in a byline element: read one text node at a time (a label, a role or a
    /// "Twitter" link sits in its own element beside the name), else the whole text.
    func bylineNames(_ node: XMLNode, wholeText: Bool = true) -> [String] {
        func keep(_ parts: [String]) -> [String] {
            parts.filter { AuthorNames.looksLikeName($0) && !AuthorNames.isRole($0) && !AuthorNames.isInterface($0) }
        }
        var pieces: [String] = []
        var total = 0
        node.forEachDescendant { d in
            if d.isElement { return !BoilerplateRules.isHardBoilerplate(d) }
            if d.kind == .text {
                let t = TextTools.collapse(d.content)
                total += t.count
                if !t.isEmpty { pieces.append(t) }
            }
            return false
        }
        guard total < 200 else { return [] }
        let byPiece = keep(pieces.flatMap { AuthorNames.split($0) })
        // Pieces that are the interface ("Sign In", "Sign Up") make no name when joined.
        if !byPiece.isEmpty || !wholeText || pieces.contains(where: AuthorNames.isInterface) { return byPiece }
        let whole = TextTools.collapse(pieces.joined(separator: " "))
        guard !whole.isEmpty, whole.count < 120 else { return [] }
        return keep(AuthorNames.split(whole))
    }
}
