import ArticleCore
import ArticleSupport
import Foundation

/// The one decision of what HTML may leave ArticleKit: raw HTML an article kept (Markdown's
/// HTML blocks and inline tags, JSON `html` blocks and inlines, the JSON stored in a book) is
/// parsed with libxml2 (``/ArticleSupport/HTMLParser``, the reader's safe settings) and written
/// again from the parsed tree, keeping only allowlisted elements and attributes
/// (`keptElements`, `attributes(of:)`). So no script, no event handler, no `style`, no
/// frame, object, form, `base` or `meta`, and no URL that ``/ArticleCore/URLSafety`` refuses
/// reaches the HTML writer or an EPUB chapter. Entities and letter case cannot hide anything:
/// the check reads the values libxml2 decoded, and the output is re-escaped, so a browser reads
/// exactly what was checked.
///
/// Markdown splits inline HTML into single tags (`<sup>`, then the text, then `</sup>`); a
/// fragment that is one start tag or one end tag is therefore kept as that one tag (sanitized)
/// rather than closed on the spot, so the formatting around Markdown text survives.
///
/// `--raw-html` (``/ArticleCore/ConversionOptions/rawHTML``) skips the sanitizer, for trusted input.
public enum HTMLSanitizer {
    /// The article with its raw HTML sanitized and its unsafe links and image sources removed
    /// (``/ArticleCore/Article/removingUnsafeURLs()``), in one walk.
    public static func sanitize(_ article: Article) -> Article {
        let resourcePaths = Set(article.resources.map(\.path))
        // Most articles have neither: no new tree for them (the EPUB batch writes thousands).
        var check = NeedsPass(resourcePaths: resourcePaths)
        if check.walk(blocks: article.blocks) { return article }
        var pass = Pass(resourcePaths: resourcePaths)
        return pass.rewrite(article)
    }

    /// `html` with everything the allowlist does not keep removed; the result is well-formed
    /// XHTML, except that a lone start or end tag stays a lone tag.
    public static func sanitize(html: String) -> String {
        // No tag and no reference: plain text, escaped the same way as any text.
        guard html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else { return XHTMLEscaping.text(html) }
        let trimmed = html.trimmingWhitespace
        if let end = loneEndTag(trimmed) {
            return keptElements.contains(end) && !voidElements.contains(end) ? "</\(end)>" : ""
        }
        let page = Data(("<!DOCTYPE html><html><head></head><body>" + html).utf8)
        guard let document = try? HTMLParser.parse(page, options: HTMLParser.Options(encoding: "utf-8")),
              let body = document.root.flatMap(Self.body(in:))
        else { return XHTMLEscaping.text(XHTMLEscaping.textOfHTML(html)) }
        var out = ""
        let children = Array(body.children)
        if children.count == 1, let only = children.first, only.isElement, only.firstChild == nil,
           isLoneStartTag(trimmed) {
            // Only the start tag: its content and end tag are in the fragments that follow.
            let name = only.name
            if voidElements.contains(name) {
                write(only, into: &out)  // complete as it is (an image is checked like any other)
            } else if keptElements.contains(name) {
                writeStartTag(only, name: name, into: &out, selfClosing: false)
            }
            return out
        }
        for child in children { write(child, into: &out) }
        return out
    }

    private static func body(in root: XMLNode) -> XMLNode? {
        if root.name == "body" { return root }
        for child in root.children where child.isElement {
            if let b = body(in: child) { return b }
        }
        return nil
    }

    private static func write(_ node: XMLNode, into out: inout String) {
        switch node.kind {
        case .text: out += XHTMLEscaping.text(node.content)
        case .comment, .other: return
        case .element:
            let name = node.name
            if droppedElements.contains(name) { return }
            guard keptElements.contains(name) else {
                // Not allowed, but harmless text inside (`font`, `center`, `form`, `button`): keep the text.
                for child in node.children { write(child, into: &out) }
                return
            }
            if name == "img", !hasSafeSource(node) {
                if let alt = node.attribute("alt"), !alt.isEmpty { out += XHTMLEscaping.text(alt) }
                return
            }
            if voidElements.contains(name) {
                writeStartTag(node, name: name, into: &out, selfClosing: true)
                return
            }
            writeStartTag(node, name: name, into: &out, selfClosing: false)
            for child in node.children { write(child, into: &out) }
            out += "</\(name)>"
        }
    }

    private static func hasSafeSource(_ img: XMLNode) -> Bool {
        img.attribute("src").flatMap(XHTMLEscaping.safeImageURL) != nil
    }

    private static func writeStartTag(_ node: XMLNode, name: String, into out: inout String, selfClosing: Bool) {
        out += "<" + name
        let allowed = attributes(of: name)
        var seen: Set<String> = []
        for (rawName, value) in node.attributes {
            let attr = rawName.lowercased()
            guard seen.insert(attr).inserted else { continue }
            var written = value
            if let kind = allowed[attr] {
                switch kind {
                case .link?: guard let u = XHTMLEscaping.safeLinkURL(value) else { continue }; written = u
                case .image?: guard let u = XHTMLEscaping.safeImageURL(value) else { continue }; written = u
                case nil: break
                }
            } else if !globalAttributes.contains(attr) {
                continue
            }
            out += " \(attr)=\"\(XHTMLEscaping.attribute(written))\""
        }
        out += selfClosing ? "/>" : ">"
    }

    /// The lower-case name of a fragment that is exactly one end tag (`</sup>`), else `nil`.
    private static func loneEndTag(_ s: String) -> String? {
        guard s.hasPrefix("</"), s.hasSuffix(">") else { return nil }
        let inner = s.dropFirst(2).dropLast()
        let name = inner.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        guard !name.isEmpty, inner.dropFirst(name.count).allSatisfy(\.isWhitespace) else { return nil }
        return name.lowercased()
    }

    /// Whether a fragment is one start tag and nothing else (`<sup>`, `<a href="…">`).
    private static func isLoneStartTag(_ s: String) -> Bool {
        guard s.hasPrefix("<"), s.hasSuffix(">"), !s.hasSuffix("/>"), !s.contains("</"),
              let second = s.dropFirst().first, second.isASCII, second.isLetter
        else { return false }
        return true
    }

    /// Sanitizes raw HTML and removes unsafe URLs.
    struct Pass: ArticleRewriter {
        /// Images stored in the article are its own files, embedded by the writer.
        let resourcePaths: Set<String>

        mutating func rewrite(block: Block) -> [Block] {
            if case .html(let h) = block {
                let clean = HTMLSanitizer.sanitize(html: h)
                return clean.isEmpty ? [] : [.html(clean)]
            }
            return [block]
        }

        mutating func rewrite(inline: Inline) -> [Inline] {
            switch inline {
            case .html(let h):
                let clean = HTMLSanitizer.sanitize(html: h)
                return clean.isEmpty ? [] : [.html(clean)]
            case .link(let url, _, let content) where !URLSafety.isSafeLink(url):
                return content
            default:
                return [inline]
            }
        }

        mutating func rewrite(image: ImageReference) -> ImageReference? {
            resourcePaths.contains(image.source) || URLSafety.isSafeImageSource(image.source) ? image : nil
        }
    }

    /// Stops at the first raw HTML or unsafe URL: the article needs the pass.
    struct NeedsPass: ArticleVisitor {
        let resourcePaths: Set<String>

        mutating func visit(block: Block) -> Bool {
            if case .html = block { return false }
            return true
        }

        mutating func visit(inline: Inline) -> Bool {
            switch inline {
            case .html: return false
            case .link(let url, _, _): return URLSafety.isSafeLink(url)
            default: return true
            }
        }

        mutating func visit(image: ImageReference) -> Bool {
            resourcePaths.contains(image.source) || URLSafety.isSafeImageSource(image.source)
        }
    }
}
