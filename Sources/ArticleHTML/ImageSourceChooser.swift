import ArticleCore
import ArticleSupport

/// Finds the real picture of an `<img>` (or `<amp-img>`) the way a reader would see it once
/// the page's scripts ran: lazy-loading pages leave a placeholder in `src` (a transparent GIF,
/// a spinner, `/spacer.gif`) and put the image in another attribute (``urlAttributes``,
/// ``srcsetAttributes``), in a `<picture>`'s `<source>`s, or in a `<noscript>` copy.
///
/// Every address the element offers is a candidate; the one chosen is the width nearest the
/// book's image size (``targetWidth``, from ``/ArticleCore/ImageOptions/maxDimension``): the
/// smallest candidate at least that wide, else the widest. Candidates of unknown width come
/// after those of known width, the large variants (`data-full-src`) first and `src` last. A
/// placeholder is never chosen (``PlaceholderImage``), a `data:` image only when no address
/// is left, and every candidate passes ``URLResolver/image(_:)`` (resolved against the page's
/// base, refused when unsafe).
struct ImageSourceChooser {
    let resolver: URLResolver
    /// The width, in pixels, a book's image is scaled to.
    let targetWidth: Int

    /// Attributes holding one image address: the large variants first, then the lazy-loading
    /// ones real sites use (WordPress, lazysizes, jQuery lazyload, Flickity, Le Monde, …).
    static let largeURLAttributes = [
        "data-full-src", "data-hi-res-src", "data-big-src", "data-large-src", "data-retina-src", "data-lazy-retina",
        "data-src-retina", "data-highres",
    ]
    static let lazyURLAttributes = [
        "data-src", "data-lazy-src", "data-original", "data-lazy", "data-lazyload", "data-echo", "data-actualsrc",
        "data-orig-src", "data-original-src", "data-img-src", "data-image-src", "data-image-url", "data-flickity-lazyload",
        "data-original-mos", "data-url", "nitro-lazy-src",
    ]
    /// Attributes holding a `srcset`.
    static let srcsetAttributes = [
        "data-srcset", "data-lazy-srcset", "data-flickity-lazyload-srcset", "data-original-set", "nitro-lazy-srcset", "srcset",
    ]
    /// Every attribute read here (the reader keeps them through its parse).
    static let attributesRead = largeURLAttributes + lazyURLAttributes + srcsetAttributes + ["src", "width", "height", "type", "media"]

    /// What a choice gives: the resolved source, the element's alt text, and whether it was
    /// the element's plain `src` with nothing else offered (a thumbnail a script replaces).
    struct Choice {
        var source: String
        var alt: String
        var plainSource: Bool
    }

    /// One address an element offers.
    struct Candidate {
        var url: String
        /// The width in pixels, when a `w` descriptor or an `x` descriptor with the element's
        /// width says it.
        var width: Int?
        /// Which kind of attribute: 0 a large variant, 1 a `srcset`, 2 a lazy address, 3 `src`.
        var rank: Int
        /// The pixel density of an `x` candidate of unknown width (higher is larger).
        var density: Double
        /// 0 JPEG, PNG, GIF or unknown; 1 WebP; 2 AVIF: what an e-reader takes with least work.
        var typeRank: Int
    }

    /// The image of `img`, looking into its `<picture>` when it has one.
    func choose(img: XMLNode) -> Choice? {
        if PlaceholderImage.isTiny(img) { return nil }
        var pool: [Candidate] = []
        var plain = true
        if let picture = img.enclosingPicture {
            for source in picture.descendants(named: "source") {
                let before = pool.count
                addSource(source, to: &pool)
                if pool.count > before { plain = false }
            }
        }
        let before = pool.count
        add(img, to: &pool)
        let own = pool[before...]
        if own.contains(where: { $0.rank != 3 }) { plain = false }
        guard let source = pick(pool) else { return nil }
        return Choice(source: source, alt: TextTools.collapse(img.attribute("alt") ?? ""), plainSource: plain)
    }

    /// The image of `<source>` elements alone (a `<picture>` without an `<img>`).
    func choose(sources: [XMLNode]) -> String? {
        var pool: [Candidate] = []
        for s in sources { addSource(s, to: &pool) }
        return pick(pool)
    }

    /// Adds a `<source>`'s candidates, unless its type is one neither the book nor the image
    /// conversion takes (`image/jxl`, `image/svg+xml`) or it is a dark-mode variant.
    private func addSource(_ source: XMLNode, to pool: inout [Candidate]) {
        var typeRank = 0
        if let type = source.attribute("type")?.trimmingWhitespace.lowercased(), !type.isEmpty {
            guard let r = Self.typeRanks[type] else { return }
            typeRank = r
        }
        if let media = source.attribute("media")?.lowercased(), media.contains("prefers-color-scheme"), media.contains("dark") {
            return
        }
        add(source, typeRank: typeRank, to: &pool)
    }

    static let typeRanks: [String: Int] = [
        "image/jpeg": 0, "image/jpg": 0, "image/pjpeg": 0, "image/png": 0, "image/gif": 0, "image/webp": 1, "image/avif": 2,
    ]

    /// Adds the candidates of an element's attributes.
    private func add(_ element: XMLNode, typeRank: Int = 0, to pool: inout [Candidate]) {
        let intrinsic = PlaceholderImage.pixels(element.attribute("width"))
        var densitySrcset = false
        for name in Self.srcsetAttributes {
            guard let value = element.attribute(name), !value.isEmpty else { continue }
            for c in Srcset(value).candidates {
                var width = c.width
                if c.width == nil { densitySrcset = true }
                if width == nil, let w = intrinsic, let x = c.density {
                    width = Int(min(Double(w) * x, 1_000_000))
                }
                pool.append(Candidate(url: c.url, width: width, rank: 1, density: c.density ?? 1, typeRank: typeRank))
            }
        }
        for (rank, names) in [(0, Self.largeURLAttributes), (2, Self.lazyURLAttributes)] {
            for name in names {
                guard let value = element.attribute(name)?.trimmingWhitespace, !value.isEmpty else { continue }
                pool.append(Candidate(url: value, width: nil, rank: rank, density: 1, typeRank: typeRank))
            }
        }
        if let src = element.attribute("src")?.trimmingWhitespace, !src.isEmpty {
            // `src` is the 1x image of a density srcset (its width is the element's); beside a
            // width srcset or a lazy address its size is unknown.
            pool.append(Candidate(url: src, width: densitySrcset ? intrinsic : nil, rank: 3, density: 1, typeRank: typeRank))
        }
    }

    /// The resolved source of the best candidate in `pool`.
    func pick(_ pool: [Candidate]) -> String? {
        var real: [Candidate] = []
        var inline: [Candidate] = []
        for c in pool where !PlaceholderImage.isTemplate(c.url) {
            if c.url.utf8.count >= 5, c.url.prefix(5).lowercased() == "data:" {
                if !PlaceholderImage.isPlaceholderData(c.url) { inline.append(c) }
            } else if !PlaceholderImage.isPlaceholderFile(c.url) {
                real.append(c)
            }
        }
        for c in order(real) {
            if let url = resolver.image(c.url) { return url }
        }
        // A data: image only when the element names no address at all.
        for c in inline {
            if let url = resolver.image(c.url) { return url }
        }
        return nil
    }

    /// Candidates in the order they are tried.
    func order(_ candidates: [Candidate]) -> [Candidate] {
        let target = targetWidth
        let known = candidates.filter { $0.width != nil }.sorted { a, b in
            let wa = a.width ?? 0, wb = b.width ?? 0
            let bigA = wa >= target, bigB = wb >= target
            if bigA != bigB { return bigA }
            if wa != wb { return bigA ? wa < wb : wa > wb }
            if a.typeRank != b.typeRank { return a.typeRank < b.typeRank }
            return a.rank < b.rank
        }
        let unknown = candidates.filter { $0.width == nil }.enumerated().sorted { a, b in
            if a.element.rank != b.element.rank { return a.element.rank < b.element.rank }
            if a.element.density != b.element.density { return a.element.density > b.element.density }
            if a.element.typeRank != b.element.typeRank { return a.element.typeRank < b.element.typeRank }
            return a.offset < b.offset
        }.map(\.element)
        return known + unknown
    }
}

extension XMLNode {
    /// The `<picture>` this element is in, a few levels up at most: libxml2 does not know
    /// `<source>` is a void element, so `<picture><source><source><img>` nests the `<img>` in
    /// the `<source>`s.
    var enclosingPicture: XMLNode? {
        var p = parent
        var level = 0
        while let n = p, level < 12 {
            if n.isElement(named: "picture") { return n }
            if !n.isElement(named: "source") { return nil }
            p = n.parent
            level += 1
        }
        return nil
    }
}
