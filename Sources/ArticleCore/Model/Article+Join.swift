extension Article {
    /// Several articles as one: the first one's metadata (or `title`), then each article's
    /// blocks under a heading with its title. Authors and tags of all are kept, in order.
    /// Used when several articles (a book's chapters) must go into one document.
    public static func joined(_ articles: [Article], title: String? = nil) -> Article {
        guard articles.count > 1 || title != nil, let first = articles.first else { return articles.first ?? Article() }
        var meta = first.metadata
        if let title { meta.title = title }
        var authors: [String] = []
        var tags: [String] = []
        var blocks: [Block] = []
        var resources: [Resource] = []
        for a in articles {
            for n in a.metadata.authors where !authors.contains(n) { authors.append(n) }
            for t in a.metadata.tags where !tags.contains(t) { tags.append(t) }
            if let t = a.metadata.title, !t.isEmpty {
                let heading = Block.heading(level: 1, content: [.text(t)])
                if a.blocks.first != heading { blocks.append(heading) }
            }
            blocks += a.blocks
            for r in a.resources where !resources.contains(where: { $0.path == r.path }) { resources.append(r) }
        }
        meta.authors = authors
        meta.tags = tags
        return Article(metadata: meta, blocks: blocks, resources: resources)
    }
}
