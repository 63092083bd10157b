import ArticleCore
import ArticleSupport

extension FigureExtractor {
    /// The image in `node` (a figure, or an `<img>` itself), chosen by ``ImageSourceChooser``:
    /// the first `<img>` that names a real picture, its `<picture>`'s sources included; else
    /// the sources of a `<picture>` without an `<img>`.
    ///
    /// A `<noscript>` copy (lazy-loading libraries put the real `<img>` there) stands in for
    /// the visible image when that is a placeholder, or a plain `src` with nothing else (a
    /// blurred thumbnail the script swaps): the figure has one image, never two.
    func bestImage(in node: XMLNode) -> ImageReference? {
        let chooser = images
        let imgs = node.isElement(named: "img") || node.isElement(named: "amp-img") ? [node]
            : node.descendants(named: "img") + node.descendants(named: "amp-img")
        var visible: ImageSourceChooser.Choice?
        var fallback: ImageSourceChooser.Choice?
        var visibleAlt = ""
        for img in imgs where img == node || !img.isInsideNoscript(within: node) {
            if visibleAlt.isEmpty { visibleAlt = TextTools.collapse(img.attribute("alt") ?? "") }
            guard let choice = chooser.choose(img: img) else { continue }
            if choice.source.hasPrefix("data:") { fallback = fallback ?? choice; continue }
            visible = choice
            break
        }
        if visible == nil || visible?.plainSource == true {
            for img in node.descendants(named: "img") where img.isInsideNoscript(within: node) {
                guard let choice = chooser.choose(img: img), !choice.source.hasPrefix("data:") else { continue }
                let alt = choice.alt.isEmpty ? (visible?.alt ?? visibleAlt) : choice.alt
                return ImageReference(source: choice.source, alt: alt, title: nil)
            }
        }
        if visible == nil {
            let sources = node.descendants(named: "source").filter { $0.enclosingPicture != nil }
            if !sources.isEmpty, let source = chooser.choose(sources: sources) {
                return ImageReference(source: source, alt: fallback?.alt ?? visibleAlt)
            }
        }
        guard let choice = visible ?? fallback else { return nil }
        return ImageReference(source: choice.source, alt: choice.alt, title: nil)
    }

    /// The image of a standalone `<img>` in running text, or of the `<noscript>` right after
    /// it when the `<img>` itself is only a placeholder.
    func standaloneImage(_ img: XMLNode) -> ImageReference? {
        if let image = bestImage(in: img), !image.source.hasPrefix("data:") { return image }
        guard let next = img.nextElementSibling, next.isElement(named: "noscript"),
              let image = bestImage(in: next), !image.source.hasPrefix("data:") else { return nil }
        if image.alt.isEmpty, let alt = img.attribute("alt") {
            return ImageReference(source: image.source, alt: TextTools.collapse(alt), title: image.title)
        }
        return image
    }
}

extension XMLNode {
    /// Whether this node lies in a `<noscript>` inside `scope` (or is `scope`'s own content
    /// when `scope` is a `<noscript>`).
    func isInsideNoscript(within scope: XMLNode) -> Bool {
        var p = parent
        while let n = p {
            if n.isElement(named: "noscript") { return true }
            if n == scope { return false }
            p = n.parent
        }
        return false
    }
}
