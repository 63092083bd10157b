extension Article {
    /// The article with every link and image source that ``URLSafety`` refuses taken out: an
    /// unsafe link leaves its content as plain content, an unsafe image leaves its alternative
    /// text (a figure keeps its caption and credit). An image whose source names one of the
    /// article's ``resources`` is kept: its bytes are in the article (they passed the local-file
    /// policy) and writers embed them. Raw HTML is left as it is; writers that emit HTML
    /// sanitize it themselves.
    ///
    /// Writers call this before writing links (Markdown, JSON), so a page's `javascript:` link
    /// is never turned into a link by ArticleKit. An article with nothing to remove is returned
    /// without being copied.
    public func removingUnsafeURLs() -> Article {
        var check = UnsafeURLFinder(resourcePaths: Set(resources.map(\.path)))
        if check.walk(blocks: blocks) { return self }
        var pass = UnsafeURLRemover(resourcePaths: check.resourcePaths)
        return pass.rewrite(self)
    }

    /// Whether some link or image source in the body is one ``URLSafety`` refuses.
    public var containsUnsafeURL: Bool {
        var check = UnsafeURLFinder(resourcePaths: Set(resources.map(\.path)))
        return !check.walk(blocks: blocks)
    }
}

/// Stops at the first unsafe link or image source.
struct UnsafeURLFinder: ArticleVisitor {
    let resourcePaths: Set<String>

    mutating func visit(inline: Inline) -> Bool {
        if case .link(let url, _, _) = inline { return URLSafety.isSafeLink(url) }
        return true
    }

    mutating func visit(image: ImageReference) -> Bool {
        resourcePaths.contains(image.source) || URLSafety.isSafeImageSource(image.source)
    }
}

/// Unwraps unsafe links and removes unsafe images.
struct UnsafeURLRemover: ArticleRewriter {
    let resourcePaths: Set<String>

    mutating func rewrite(inline: Inline) -> [Inline] {
        if case .link(let url, _, let content) = inline, !URLSafety.isSafeLink(url) { return content }
        return [inline]
    }

    mutating func rewrite(image: ImageReference) -> ImageReference? {
        resourcePaths.contains(image.source) || URLSafety.isSafeImageSource(image.source) ? image : nil
    }
}
