import ArticleCore
import ArticleSupport
import Foundation

/// The whole extraction for one parsed page: metadata, body container, blocks, lead figures.
struct ArticleExtraction {
    /// Every attribute the extraction reads, anywhere (an element's `attribute(_:)` and
    /// `withAttribute(_:_:)` calls, the image attributes ``ImageSourceChooser`` reads,
    /// the `<meta>` keys in `PageScan`). The HTML reader has the parser drop all others, so a
    /// name read anywhere new must be added here.
    static let attributesRead = [
        "alt", "aria-hidden", "charset", "class", "content", "datetime", "height", "hidden", "href", "http-equiv",
        "id", "itemprop", "lang", "name", "property", "pubdate", "rel", "role", "src", "srcset", "start", "style",
        "title", "type", "width", "xml:lang",
    ] + ImageSourceChooser.attributesRead

    let document: XMLDocument
    let scan: PageScan
    let metadata: MetadataExtractor

    init(document: XMLDocument, fallbackBase: String?, remote: Bool = false, siteProfiles: HTMLSiteProfiles = .builtIn,
         imageWidth: Int = ImageOptions().maxDimension) {
        self.document = document
        self.remote = remote
        self.imageWidth = imageWidth
        scan = PageScan(document: document)
        metadata = MetadataExtractor(scan: scan, ld: JSONLDExtractor(scripts: scan.ldScripts), siteProfiles: siteProfiles)
        self.fallbackBase = fallbackBase
    }

    let fallbackBase: String?
    /// The width the book's images are scaled to: the `srcset` candidate chosen is the one nearest it.
    let imageWidth: Int
    /// Whether the page came from the network (its lead image must then be an absolute URL).
    let remote: Bool
    /// The address the page was fetched from (after redirects), which relative links resolve
    /// against before the page's own canonical address.
    var fetchedFrom: String?

    /// `ARTICLEKIT_DEBUG_EXTRACT` set: the candidates are listed on standard error. Read once a
    /// process (building the environment dictionary each page was 0.6% of the page benchmark).
    static let debug = ProcessInfo.processInfo.environment["ARTICLEKIT_DEBUG_EXTRACT"] != nil

    /// The article; with no blocks when no body is found on a page that declares itself an
    /// article (``MetadataExtractor/declaresArticle``); `nil` when the page holds no running
    /// text at all and declares no article.
    func article() -> Article? {
        let profileTitle = metadata.profileTitle
        var meta = metadata.metadata(profileTitle: profileTitle)
        let pageURL = fetchedFrom ?? meta.url ?? fallbackBase
        let baseURL = URLResolver.base(href: scan.baseHref, pageURL: pageURL)
        let resolver = URLResolver(base: baseURL)
        meta.image = metadata.leadImage(resolver: resolver, remote: remote)
        // The title is not repeated in the body, nor is the page's <h1> when a site profile took
        // the title from another source (a variant of the same headline).
        let h1 = profileTitle != nil ? metadata.titleText(.h1) : nil
        let headlines = Set([meta.title, h1].compactMap { $0.map(TextTools.normalized) })
        var blocks: [Block] = []
        if let body = scan.body ?? document.root {
            var extractor = ContentExtractor(expectedElements: scan.elementCount)
            extractor.measure(body)
            let candidates = extractor.candidates()
            let inlines = InlineBuilder(resolver: resolver) { [extractor] in extractor.isBoilerplate($0) }
            // Captions keep everything but hard furniture: their spans are often classed "caption".
            let captionInlines = InlineBuilder(resolver: resolver) { BoilerplateRules.isHardBoilerplate($0) || $0.isElement(named: "button") }
            let figures = FigureExtractor(inlines: captionInlines, resolver: resolver, targetWidth: imageWidth)
            let builder = BlockBuilder(extractor: extractor, inlines: inlines, figures: figures, headlines: headlines)
            if Self.debug {
                var count = 0
                body.forEachDescendant { _ in count += 1; return true }
                FileHandle.standardError.write(Data("body \(body.name) nodes \(count) children \(body.elementChildren.map(\.name).prefix(20))\n".utf8))
                for c in candidates {
                    let line = "candidate \(c.name).\(BoilerplateRules.classAndID(c).prefix(60)) score \(Int(extractor.score(c))) text \(extractor.textLength(c)) para \(extractor.paragraphLength(c))\n"
                    FileHandle.standardError.write(Data(line.utf8))
                }
            }
            if let top = chooseContainer(candidates, extractor: extractor) {
                for node in containerNodes(top, extractor: extractor) {
                    blocks += builder.blocks(of: node)
                }
                blocks = leadFigures(around: top, extractor: extractor, figures: figures, existing: blocks) + blocks
            }
        }
        blocks = BlockCleaner.clean(blocks, headlines: headlines, authors: meta.authors)
        blocks = FigureEnricher.enrich(blocks, images: metadata.ld.images)
        let letters = blocks.reduce(0) { $0 + ($1.isFigure ? 0 : TextTools.letterCount($1.plainText)) }
        if letters < 500, let body = metadata.articleBody, TextTools.letterCount(body) > 2 * letters {
            blocks = body.split(whereSeparator: \.isNewline).map { TextTools.collapse(String($0)) }.filter { !$0.isEmpty }
                .map { Block.paragraph([.text($0)]) } + blocks.filter(\.isFigure)
        }
        guard blocks.contains(where: { !$0.isFigure && !$0.plainText.trimmingWhitespace.isEmpty }) else {
            // No body found, but the page says it is an article: its metadata, with no blocks
            // (the reader warns).
            guard meta.title != nil, metadata.declaresArticle else { return nil }
            return Article(metadata: meta, blocks: [])
        }
        // A language the page does not declare is left unset: the pipeline's `detect-language`
        // step reads it from the text (ArticleLanguage), so this target needs no detector.
        return Article(metadata: meta, blocks: blocks)
    }

    /// The best candidate, checked against the JSON-LD `articleBody` when the page has one.
    private func chooseContainer(_ candidates: [XMLNode], extractor: ContentExtractor) -> XMLNode? {
        guard var top = candidates.first else { return nil }
        // Pages that append the next stories: the body belongs to the <article> holding the headline.
        if let h1 = metadata.headlineNode, let story = h1.enclosingArticle, top != story, !top.isDescendant(of: story) {
            let floor = extractor.score(top) * 0.3
            if let inStory = candidates.first(where: { ($0 == story || $0.isDescendant(of: story)) && extractor.score($0) >= floor }) {
                top = inStory
            }
        }
        if let body = metadata.articleBody {
            let want = Set(TextTools.words(body))
            if want.count >= 30 {
                var pool = candidates
                if let p = top.parent { pool.append(p) }
                var best = (node: top, f1: overlap(top, want, extractor))
                for c in pool.dropFirst() where best.f1 < 0.85 {
                    let f = overlap(c, want, extractor)
                    if f > best.f1 + 0.05 { best = (c, f) }
                }
                top = best.node
            }
        }
        // Climb while an ancestor holds clearly more paragraph text: bodies split into several
        // sections (between ads, product boxes or images) share a parent.
        var climbed = top
        var steps = 0
        // An <article> is one story: pages that load the next stories below keep each in its own.
        while climbed.name != "article", let p = climbed.parent, p.name != "body", p.name != "html", steps < 6 {
            steps += 1
            if extractor.paragraphLength(p) >= extractor.paragraphLength(top) * 5 / 4 + 200 {
                top = p
            }
            climbed = p
        }
        return top
    }

    private func overlap(_ node: XMLNode, _ want: Set<String>, _ extractor: ContentExtractor) -> Double {
        var words: Set<String> = []
        var text = ""
        node.forEachDescendant { d in
            if d.isElement { return !extractor.isBoilerplate(d) }
            if d.kind == .text { text += d.content; text += " " }
            return false
        }
        let list = TextTools.words(text)
        words.reserveCapacity(list.count)  // no rehashing of the words as the set grows
        for w in list { words.insert(w) }
        guard !words.isEmpty else { return 0 }
        let common = Double(words.intersection(want).count)
        return 2 * common / Double(words.count + want.count)
    }

    /// The container and those of its siblings that also read as article text.
    private func containerNodes(_ top: XMLNode, extractor: ContentExtractor) -> [XMLNode] {
        guard let parent = top.parent else { return [top] }
        let topScore = extractor.score(top) * (1 - extractor.linkDensity(top))
        let threshold = max(10, topScore * 0.2)
        let topClass = top.attribute("class")
        var out: [XMLNode] = []
        for s in parent.elementChildren {
            if s == top { out.append(s); continue }
            if extractor.isBoilerplate(s) { continue }
            var score = extractor.score(s) * (1 - extractor.linkDensity(s))
            if let c = topClass, !c.isEmpty, s.attribute("class") == c { score += topScore * 0.2 }
            if score >= threshold { out.append(s); continue }
            if s.name == "p" {
                let len = extractor.textLength(s)
                let density = extractor.linkDensity(s)
                if len > 80 && density < 0.25 { out.append(s) }
            }
        }
        return out
    }

    /// Figures near the body but outside it (the lead image above the text), looked for in the
    /// body's ancestors up to the enclosing `<article>` or `<main>`.
    private func leadFigures(around top: XMLNode, extractor: ContentExtractor, figures: FigureExtractor, existing: [Block]) -> [Block] {
        var scope = top
        var level = 0
        var found = false
        var probe = top.parent
        while let p = probe, p.name != "body", p.name != "html" {
            if p.name == "article" || p.name == "main" { scope = p; found = true; break }
            probe = p.parent
        }
        if !found {
            while let p = scope.parent, level < 3, p.name != "body" {
                scope = p
                level += 1
            }
        }
        guard scope != top else { return [] }
        var out: [Block] = []
        var known = Set(existing.compactMap { b -> String? in
            if case .figure(let f) = b { return f.image?.source } else { return nil }
        })
        scope.forEachDescendant { d in
            guard d.isElement else { return false }
            if d == top || extractor.isBoilerplate(d) { return false }
            if d.name == "figure" || FigureExtractor.looksLikeFigure(d), let f = figures.figure(from: d), !f.caption.isEmpty || f.credit != nil {
                if let src = f.image?.source, !known.insert(src).inserted { return false }
                out.append(.figure(f))
                return false
            }
            return true
        }
        return Array(out.prefix(4))
    }
}

extension XMLNode {
    /// The nearest `<article>` element around this node, if any.
    var enclosingArticle: XMLNode? {
        var p = parent
        while let n = p {
            if n.name == "article" { return n }
            p = n.parent
        }
        return nil
    }
}

extension Block {
    var isFigure: Bool {
        if case .figure = self { return true }
        return false
    }
}
