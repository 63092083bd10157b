import ArticleCore
import ArticleSupport
import Foundation

/// Parses HTML output with libxml2 (as a browser would build the tree) and lists what could run
/// script or load something unsafe: an element outside what may reach a reader, an event
/// handler or `style` attribute, a URL attribute that ``URLSafety`` refuses.
enum SafeHTMLAudit {
    static let forbiddenElements: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
        "base", "meta", "link", "svg", "math", "noscript", "template", "textarea", "video", "audio", "source", "isindex",
    ]
    static let forbiddenAttributes: Set<String> = ["style", "srcdoc", "action", "formaction", "background", "poster", "xlink:href", "srcset", "data"]

    /// The problems in the `<body>` of `html` (the page's own head holds its stylesheet), or in
    /// the whole of a fragment.
    static func problems(in html: String) -> [String] {
        var out: [String] = []
        if html.lowercased().contains("<script") { out.append("a <script tag") }
        // An empty fragment (everything removed) is a page with an empty body.
        guard let doc = try? HTMLParser.parse(Data((html.contains("<body") ? html : "<html><body>" + html).utf8), options: HTMLParser.Options(encoding: "utf-8")),
              let root = doc.root else { return out + ["not parsed"] }
        var body = root
        root.forEachDescendant { n in
            if n.isElement(named: "body") { body = n; return false }
            return true
        }
        body.forEachDescendant { n in
            guard n.isElement else { return true }
            if forbiddenElements.contains(n.name) { out.append("<\(n.name)>") }
            for (name, value) in n.attributes {
                let lower = name.lowercased()
                if lower.hasPrefix("on") || forbiddenAttributes.contains(lower) { out.append("\(n.name) \(name)=") }
                if ["href", "cite"].contains(lower), !URLSafety.isSafeLink(value) { out.append("\(n.name) \(name)=\(value)") }
                if lower == "src", !URLSafety.isSafeImageSource(value) { out.append("\(n.name) src=\(value)") }
                let v = URLSafety.scheme(of: value)
                if v == "javascript" || v == "vbscript" { out.append("\(n.name) \(name) holds a script URL") }
            }
            return true
        }
        return out
    }

    /// The vectors of `Tests/CLITests/Hostile/xss-vectors.txt`, one a line.
    static let vectors: [String] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CLITests/Hostile/xss-vectors.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }()
}
