import ArticleCore

/// Last tidy-up of extracted blocks: drops a repeated headline at the top, empty blocks, and
/// exact repeats of a paragraph (pages that render the lead twice).
enum BlockCleaner {
    static func clean(_ blocks: [Block], title: String?) -> [Block] {
        var out: [Block] = []
        var seen: Set<String> = []
        let t = title.map(TextTools.normalized)
        for b in blocks {
            if case .figure = b { out.append(b); continue }
            let text = b.plainText
            if text.isEmpty, b != .rule { continue }
            if let t, out.allSatisfy(\.isFigure), TextTools.normalized(text) == t { continue }
            if text.count > 40, !seen.insert(text).inserted { continue }
            out.append(b)
        }
        while out.last == .rule { out.removeLast() }
        return out
    }
}
