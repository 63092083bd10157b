import ArticleCore
import Foundation

/// Finds the photo credit written into a caption (`Photo: NAME`, `Foto: NAME`, `Ảnh: NAME`,
/// `(Bild: NAME)`, `© NAME`, `Photo by NAME`) and separates it from the caption text.
extension FigureExtractor {
    static let creditLabels = [
        "photo by", "photos by", "photograph by", "picture by", "image by", "foto von", "fotos von",
        "photo", "photos", "photograph", "foto", "fotos", "fotó", "bild", "bilder", "ảnh", "image", "images",
        "picture", "pictures", "credit", "credits", "crédit", "crédito", "créditos", "crédits", "quelle", "source",
        "fonte", "fuente", "zdjęcie", "zdjęcia", "fot", "kuva", "kép", "billede", "bilde", "foton", "φωτογραφία",
        "фото", "снимка", "photo credit", "photo credits", "image credit", "image source", "bildquelle",
        "fotografía", "fotografia", "illustration", "grafik", "video", "copyright",
    ]

    static let labelMatcher = WordMatcher(creditLabels)

    /// Splits a caption into its text and the credit written at its end, if any.
    static func splitCredit(_ caption: [Inline]) -> ([Inline], String?) {
        let text = caption.plainText
        guard let (captionText, credit) = splitCredit(text) else { return (caption, nil) }
        if captionText.isEmpty { return ([], credit) }
        return ([.text(captionText)], credit)
    }

    /// Splits plain caption text into text and credit.
    static func splitCredit(_ text: String) -> (String, String)? {
        let lower = text.lowercased()
        // Foundation's search (2.8% of the page benchmark) only where the bytes occur: neither
        // needle has another canonically equivalent spelling, so a miss here is a miss there.
        if TextTools.has(lower, "©") || TextTools.has(lower, "(c) "), let r = lower.range(of: "©") ?? lower.range(of: "(c) ") {
            let credit = String(text[r.upperBound...])
            let before = String(text[..<r.lowerBound])
            let c = cleanCredit(credit)
            if !c.isEmpty, c.count < 120 { return (trimCaption(stripLabel(before)), c) }
        }
        // The last label followed by a colon or slash ends the caption.
        var best: (Range<String.Index>, String.Index)?
        // One pass finds which labels occur at all; only those are located precisely.
        let present = labelMatcher.matches(in: lower).map { creditLabels[$0] }
        for label in present {
            var search = lower.startIndex..<lower.endIndex
            while let r = lower.range(of: label, range: search) {
                search = r.upperBound..<lower.endIndex
                // The label must start a word.
                if r.lowerBound > lower.startIndex {
                    let prev = lower[lower.index(before: r.lowerBound)]
                    if prev.isLetter || prev.isNumber { continue }
                }
                var i = r.upperBound
                while i < lower.endIndex, lower[i] == " " { i = lower.index(after: i) }
                let byForm = label.hasSuffix(" by") || label.hasSuffix(" von")
                guard i < lower.endIndex, byForm || lower[i] == ":" || lower[i] == "/" || lower[i] == "|" else { continue }
                let after = byForm ? i : lower.index(after: i)
                if let b = best, r.lowerBound <= b.0.lowerBound { continue }
                best = (r, after)
            }
        }
        guard let (range, after) = best else { return trailingCredit(text) }
        let credit = cleanCredit(String(text[after...]))
        guard !credit.isEmpty, credit.count < 150 else { return nil }
        let before = String(text[..<range.lowerBound])
        return (trimCaption(before), credit)
    }

    /// A credit without its label, brackets and separators (`Foto: APA` → `APA`).
    static func cleanCredit(_ raw: String) -> String {
        var s = TextTools.collapse(raw)
        s = stripLabel(s)
        s = TextTools.trimming(s, creditEdges)
        // Outer brackets go; brackets that belong to the credit ("Urs Flueeler (Keystone)") stay.
        // On a Substring, so that a thousand nested brackets cost a thousand steps, not a copy each.
        var inner = Substring(s)
        while inner.hasPrefix("("), inner.hasSuffix(")") {
            inner = inner.dropFirst().dropLast().drop { $0.isWhitespace }
            while let last = inner.last, last.isWhitespace { inner = inner.dropLast() }
        }
        s = String(inner)
        if s.hasPrefix("("), !s.contains(")") { s = String(s.dropFirst()) }
        if s.hasSuffix(")"), !s.contains("(") { s = String(s.dropLast()) }
        return s.trimmingWhitespace
    }

    /// News agencies and picture libraries that captions name at their end with no label.
    static let agencies: Set<String> = [
        "ap", "afp", "reuters", "dpa", "epa", "getty images", "getty", "keystone", "imago", "apa", "anp", "ansa",
        "xinhua", "efe", "tass", "sda", "supplied", "istock", "shutterstock", "picture alliance", "ddp", "aap",
        "pa", "pa wire", "bloomberg", "ritzau", "ntb", "tt", "belga", "kyodo", "yonhap", "sipa", "zuma", "alamy",
        "ap photo", "afp via getty images", "unsplash", "pexels", "handout", "file photo", "archive", "archiv",
    ]

    /// The agencies, longest first, so "pa wire" is tried before "pa" (sorted once, not per caption).
    static let agenciesLongestFirst = agencies.sorted { $0.count > $1.count }
    /// The labels, longest first, so "photo by" is tried before "photo".
    static let labelsLongestFirst = creditLabels.sorted { $0.count > $1.count }

    /// A credit at the end of a caption without a label: `… the hearing. (AP)`, `… hour. AP`.
    static func trailingCredit(_ text: String) -> (String, String)? {
        let t = text.trimmingWhitespace
        if t.hasSuffix(")"), let open = t.lastIndex(of: "(") {
            let inner = String(t[t.index(after: open)..<t.index(before: t.endIndex)]).trimmingWhitespace
            let lower = inner.lowercased()
            let isCredit = agencies.contains(lower) || lower.contains("/") || agencies.contains(where: { lower.hasPrefix($0 + " ") || lower.hasSuffix(" " + $0) })
            if isCredit, inner.count <= 60, !inner.isEmpty {
                return (trimCaption(String(t[..<open])), inner)
            }
        }
        let lower = t.lowercased()
        for agency in agenciesLongestFirst {
            guard lower.hasSuffix(" " + agency) || lower.hasSuffix("." + agency) else { continue }
            let cut = t.index(t.endIndex, offsetBy: -agency.count)
            let before = String(t[..<cut]).trimmingWhitespace
            guard let last = before.last, ".!?”\"'".contains(last) else { continue }
            return (before, String(t[cut...]))
        }
        return nil
    }

    private static func stripLabel(_ s: String) -> String {
        var t = TextTools.trimming(s, labelEdges)
        if t.hasPrefix("©") { t = String(t.dropFirst()) }
        let lower = t.lowercased()
        for label in labelsLongestFirst where lower.hasPrefix(label) {
            var rest = t.dropFirst(label.count)
            rest = rest.drop { $0 == " " }
            if rest.first == ":" || rest.first == "/" || label.hasSuffix(" by") || label.hasSuffix(" von") {
                if rest.first == ":" || rest.first == "/" { rest = rest.dropFirst() }
                return TextTools.trimming(String(rest), .whitespaces)
            }
        }
        return t
    }

    private static func trimCaption(_ s: String) -> String {
        TextTools.trimming(s, captionEdges)
    }

    /// What `cleanCredit`, `stripLabel` and `trimCaption` trim (built once:
    /// a `CharacterSet` made for each call cost more than the trimming).
    private static let creditEdges = CharacterSet(charactersIn: " []|/-–—:.,;©")
    private static let labelEdges = CharacterSet(charactersIn: " ([|")
    private static let captionEdges = CharacterSet(charactersIn: " |/-–—(:;,\u{A0}")
}
