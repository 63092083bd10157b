import ArticleCore
import ArticleHTML
import Foundation

/// The generated cover: an SVG page with the title, the source, the date and the authors, in
/// black on white so it reads on e-ink, and the XHTML page that shows whichever cover the book has.
enum EPUBCover {
    static let svgHref = "images/cover.svg"
    static let pageHref = "text/cover.xhtml"

    /// The SVG cover for a book titled `title` made of `articles`.
    static func svg(for title: String, articles: [Article]) -> String {
        let width = 1200, height = 1800
        var lines = wrap(title, maxCharacters: 20, maxLines: 8)
        var fontSize = 88
        if lines.count > 5 { lines = wrap(title, maxCharacters: 26, maxLines: 9); fontSize = 68 }
        let lineHeight = fontSize * 5 / 4
        var y = 520 - (lines.count * lineHeight) / 4
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\">\n"
        out += "<title>\(XHTMLEscaping.text(title))</title>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        out += "<rect x=\"60\" y=\"60\" width=\"\(width - 120)\" height=\"\(height - 120)\" fill=\"none\" stroke=\"#000000\" stroke-width=\"6\"/>\n"
        let design = design(for: title, articles: articles)
        if let s = design.kicker {
            out += text(s, x: width / 2, y: 250, size: 44, weight: "bold", family: "sans-serif")
        }
        out += "<line x1=\"200\" y1=\"320\" x2=\"\(width - 200)\" y2=\"320\" stroke=\"#000000\" stroke-width=\"4\"/>\n"
        for line in lines {
            y += lineHeight
            out += text(line, x: width / 2, y: y, size: fontSize, weight: "bold", family: "serif")
        }
        y += lineHeight / 2
        out += "<line x1=\"200\" y1=\"\(y)\" x2=\"\(width - 200)\" y2=\"\(y)\" stroke=\"#000000\" stroke-width=\"4\"/>\n"
        if let shown = design.byline {
            for (i, line) in wrap(shown, maxCharacters: 36, maxLines: 3).enumerated() {
                out += text(line, x: width / 2, y: y + 110 + i * 66, size: 52, weight: "normal", family: "serif")
            }
        }
        if let date = design.footer {
            out += text(date, x: width / 2, y: height - 200, size: 44, weight: "normal", family: "sans-serif")
        }
        if let note = design.note {
            out += text(note, x: width / 2, y: height - 270, size: 44, weight: "normal", family: "sans-serif")
        }
        out += "</svg>\n"
        return out
    }

    /// The catalog index of the `--cover` image at `path`, or `nil` (a warning says why) when it
    /// cannot be the cover. The user named this file on the command line, so unlike a
    /// document's images it may be anywhere (``/ArticleCore/LocalFilePolicy/userImage(atPath:maximumSize:)``);
    /// it must still be a regular file whose bytes are a raster image, so a device, a pipe or a
    /// text file named by mistake is never read into the book.
    static func userCover(atPath path: String, catalog: EPUBImageCatalog, warn: (String) -> Void) -> Int? {
        switch LocalFilePolicy.userImage(atPath: path, maximumSize: EPUBImageCatalog.maximumSize) {
        case .success(let image) where image.format.isRaster:
            return catalog.add(image.data, label: path, isCover: true)
        case .success:
            warn("the --cover file \(path) is not used (not a JPEG, PNG, GIF or WebP image); a cover is generated instead")
        case .failure(let refusal):
            warn("the --cover file \(path) is not used (\(refusal)); a cover is generated instead")
        }
        return nil
    }

    /// What the covers show (the SVG, and the raster cover drawn from it): the sources (two at
    /// most, upper case), the authors (three at most), the date or dates, and how many articles.
    static func design(for title: String, articles: [Article]) -> CoverDesign {
        var design = CoverDesign(title: title)
        let source = EPUBBookBuilder.distinct(articles.compactMap(\.metadata.source))
        if !source.isEmpty {
            let s = source.count > 2 ? source.prefix(2).joined(separator: " · ") + " …" : source.joined(separator: " · ")
            design.kicker = s.uppercased()
        }
        let authors = EPUBBookBuilder.distinct(articles.flatMap(\.metadata.authors))
        if !authors.isEmpty {
            design.byline = authors.count > 3 ? authors.prefix(3).joined(separator: ", ") + " …" : authors.joined(separator: ", ")
        }
        design.footer = dateText(articles)
        if articles.count > 1 { design.note = "\(articles.count) articles" }
        if articles.count > 1 { paper(&design, articles) }
        return design
    }

    /// A paper (articles in sections: feeds) names its sections above the title, and its date,
    /// the newest article's, at the foot.
    private static func paper(_ design: inout CoverDesign, _ articles: [Article]) {
        let sections = EPUBBookBuilder.distinct(articles.compactMap(\.metadata.section))
        guard !sections.isEmpty else { return }
        design.kicker = (sections.count > 3 ? sections.prefix(3).joined(separator: " · ") + " …" : sections.joined(separator: " · ")).uppercased()
        if let newest = articles.compactMap(\.metadata.published).max() { design.footer = String(newest.iso8601.prefix(10)) }
        design.note = "\(articles.count) articles from \(sections.count) \(sections.count == 1 ? "feed" : "feeds")"
    }

    /// The XHTML page that shows the cover image; `showsTitle` for a photo (the lead image),
    /// which has the title under it.
    static func page(imageHref: String, title: String, language: String, showsTitle: Bool = false) -> String {
        let img = "<img src=\"../\(XHTMLEscaping.attribute(imageHref))\" alt=\"\(XHTMLEscaping.attribute("Cover: " + title))\""
        let shown = showsTitle
            ? img + " class=\"cover-photo\"/>\n<p class=\"cover-title\">\(XHTMLEscaping.text(title))</p>\n"
            : img + "/>\n"
        let body = """
        <section epub:type="cover" class="cover">
        \(shown)</section>

        """
        return EPUBDocument.xhtml(title: "Cover", language: language, stylesheet: "../" + EPUBStylesheet.href,
                                  bodyClass: "cover-page", body: body)
    }

    private static func text(_ s: String, x: Int, y: Int, size: Int, weight: String, family: String) -> String {
        "<text x=\"\(x)\" y=\"\(y)\" font-family=\"\(family)\" font-size=\"\(size)\" font-weight=\"\(weight)\" text-anchor=\"middle\" fill=\"#000000\">\(XHTMLEscaping.text(s))</text>\n"
    }

    /// The dates of the articles: one date, or the first and last.
    private static func dateText(_ articles: [Article]) -> String? {
        let dates = articles.compactMap(\.metadata.published).sorted()
        guard let first = dates.first, let last = dates.last else {
            if articles.count == 1, let d = articles.first?.metadata.dateline, !d.isEmpty, !d.hasPrefix("DNUM_") { return d }
            return nil
        }
        let a = String(first.iso8601.prefix(10)), b = String(last.iso8601.prefix(10))
        return a == b ? a : a + " – " + b
    }

    /// Greedy word wrap; the last line ends in an ellipsis when text is cut.
    static func wrap(_ s: String, maxCharacters: Int, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in s.split(whereSeparator: \.isWhitespace) {
            var w = String(word)
            while w.count > maxCharacters {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(w.prefix(maxCharacters)))
                w = String(w.dropFirst(maxCharacters))
            }
            if current.isEmpty { current = w }
            else if current.count + 1 + w.count <= maxCharacters { current += " " + w }
            else { lines.append(current); current = w }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] += " …"
        }
        return lines.isEmpty ? [" "] : lines
    }
}
