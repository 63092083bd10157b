extension Article {
    /// Several articles flattened into one, for a writer whose document cannot hold several
    /// (one that is not an ``ArticleCollectionWriter``); the EPUB reader's `--join-chapters`
    /// uses it too.
    ///
    /// The result's metadata is the collection's, not the first article's: only `title`, and the
    /// language when every article has the same one. No article's authors or tags are merged
    /// into it. Each article becomes a level-1 heading with its title (unless its body already
    /// starts with that heading), then one emphasized paragraph with its byline, date or
    /// dateline and source when it has any, then its blocks. Resources of all are kept, the
    /// first of each path.
    ///
    /// This flattening keeps each article's metadata only as text. Writers that can, render an
    /// ``ArticleCollection`` instead, where every article keeps its metadata as metadata and
    /// reads back whole.
    ///
    /// - Parameters:
    ///   - articles: The articles, in order.
    ///   - title: The document's title; `nil` for none.
    /// - Returns: One article: the only one unchanged when there is one and no `title`.
    public static func joined(_ articles: [Article], title: String? = nil) -> Article {
        guard articles.count > 1 || title != nil, !articles.isEmpty else { return articles.first ?? Article() }
        var meta = Metadata()
        meta.title = title
        meta.language = ArticleCollection(articles, title: nil).sharedLanguage
        var blocks: [Block] = []
        var resources: [Resource] = []
        for a in articles {
            var body = a.blocks[...]
            if let t = a.metadata.title, !t.isEmpty {
                let heading = Block.heading(level: 1, content: [.text(t)])
                blocks.append(heading)
                if body.first == heading { body = body.dropFirst() }
            }
            if let byline = a.metadata.bylineText { blocks.append(.paragraph([.emphasis([.text(byline)])])) }
            blocks += body
            for r in a.resources where !resources.contains(where: { $0.path == r.path }) { resources.append(r) }
        }
        return Article(metadata: meta, blocks: blocks, resources: resources)
    }
}

extension Metadata {
    /// The byline, date (the dateline as written, else the ISO date) and source on one line,
    /// `By A and B · HANOI, Sept. 5 · Source`; `nil` when there is none of them.
    public var bylineText: String? {
        var parts: [String] = []
        let names = authors.filter { !$0.isEmpty }
        if let last = names.last {
            parts.append("By " + (names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last))
        }
        if let d = dateline, !d.isEmpty {
            parts.append(d)
        } else if let p = published {
            parts.append(p.iso8601)
        }
        if let s = source, !s.isEmpty { parts.append(s) }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}
