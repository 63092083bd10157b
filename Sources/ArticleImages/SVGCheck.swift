import ArticleCore
import ArticleSupport
import Foundation

/// Whether an SVG may go into a book as it is: a reading system renders it with a browser
/// engine, so script, event handlers, entity declarations and references to anything outside
/// the image itself (other files, the network) are refused.
enum SVGCheck {
    /// Elements that run code or pull in other documents.
    static let refusedElements: Set<String> = ["script", "foreignobject", "iframe", "object", "embed", "handler", "listener"]
    /// Attributes that hold a URL.
    static let urlAttributes: Set<String> = ["href", "src", "xlink:href"]

    /// Whether the bytes begin (after a BOM, white space, an XML declaration and comments) like
    /// an SVG document.
    static func looksLikeSVG(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        let trimmed = head.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        guard trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<svg") || trimmed.hasPrefix("<!--") || trimmed.hasPrefix("<!doctype svg") else {
            return false
        }
        return head.contains("<svg")
    }

    /// Throws unless the SVG is well-formed and self-contained.
    static func requireSafe(_ data: Data) throws(ArticleError) {
        // A DTD's entities would be expanded by the reading system, not by ArticleKit's parser.
        if data.range(of: Data("<!ENTITY".utf8)) != nil || data.range(of: Data("<!entity".utf8)) != nil {
            throw ArticleError(.unsafeInput, "the SVG image declares entities")
        }
        let doc = try XMLParser.parse([UInt8](data))
        guard let root = doc.root, root.name.lowercased() == "svg" else {
            throw ArticleError(.malformed, "not an SVG image")
        }
        var problem: String?
        func check(_ node: XMLNode) {
            let name = node.name.lowercased()
            if refusedElements.contains(name) { problem = "the SVG image holds a <\(node.name)> element"; return }
            for (attr, value) in node.attributes {
                let a = attr.lowercased()
                if a.hasPrefix("on") { problem = "the SVG image has an event handler (\(attr))"; return }
                if urlAttributes.contains(a) || a.hasSuffix(":href"), !isInternal(value) {
                    problem = "the SVG image refers to another document (\(attr)=\"\(value.prefix(60))\")"; return
                }
                if value.lowercased().contains("url("), !value.lowercased().replacingOccurrences(of: " ", with: "").contains("url(#") {
                    problem = "the SVG image refers to another document in \(attr)"; return
                }
            }
            if name == "style", node.text.lowercased().contains("url(") || node.text.lowercased().contains("@import") {
                problem = "the SVG image's style sheet refers to another document"
            }
        }
        check(root)
        root.forEachDescendant { node in
            if node.isElement { check(node) }
            return problem == nil
        }
        if let problem { throw ArticleError(.unsafeInput, problem) }
    }

    /// A reference to a part of the same image, or image bytes inline.
    static func isInternal(_ value: String) -> Bool {
        let v = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if v.hasPrefix("#") { return true }
        for type in ["png", "jpeg", "jpg", "gif", "webp"] where v.hasPrefix("data:image/\(type)") { return true }
        return false
    }
}
