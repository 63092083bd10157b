import ArticleCore

/// Completes figures from the page's JSON-LD `ImageObject`s: a caption or credit the markup
/// lacks, and the lead image with its caption when the body has no figure for it.
enum FigureEnricher {
    /// The last path component of a URL, without query or fragment: image CDNs rewrite
    /// hosts and sizes but keep the file name.
    static func fileKey(_ url: String) -> String {
        var s = Substring(url)
        if let q = s.firstIndex(where: { $0 == "?" || $0 == "#" }) { s = s[..<q] }
        while s.hasSuffix("/") { s = s.dropLast() }
        if let slash = s.lastIndex(of: "/") { s = s[s.index(after: slash)...] }
        return s.lowercased()
    }

    static func enrich(_ blocks: [Block], images: [JSONLDExtractor.Image]) -> [Block] {
        let described = images.filter { ($0.caption?.count ?? 0) > 3 || $0.credit != nil }
        guard !described.isEmpty else { return blocks }
        var byKey: [String: JSONLDExtractor.Image] = [:]
        for img in described where byKey[fileKey(img.url)] == nil { byKey[fileKey(img.url)] = img }
        var used: Set<String> = []
        var out = blocks.map { block -> Block in
            guard case .figure(var f) = block, let src = f.image?.source else { return block }
            let key = fileKey(src)
            guard let img = byKey[key] else { return block }
            used.insert(key)
            if f.caption.isEmpty, let c = img.caption { f.caption = [.text(c)] }
            if f.credit == nil { f.credit = img.credit.map(FigureExtractor.cleanCredit) }
            return .figure(f)
        }
        // The article's own image (the first described one) leads when no figure shows it.
        if let lead = described.first, !used.contains(fileKey(lead.url)), let caption = lead.caption, caption.count > 3 {
            var f = Figure(image: ImageReference(source: lead.url), caption: [.text(caption)],
                           credit: lead.credit.map(FigureExtractor.cleanCredit))
            if f.credit == nil {
                let (c, cr) = FigureExtractor.splitCredit(f.caption)
                f.caption = c
                f.credit = cr
            }
            out.insert(.figure(f), at: 0)
        }
        return out
    }
}
