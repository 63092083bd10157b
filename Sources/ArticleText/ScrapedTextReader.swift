import ArticleCore
import Foundation

/// Reads scraped news-article text: a title line, a dateline, a `(Source) -` lead, paragraphs,
/// photo captions with `Photo: NAME` credits, lists, subheadings, an author signature, and site
/// boilerplate after it (which is dropped).
///
/// Site particulars come from a ``SiteProfile``; an unknown site gets the generic one.
public struct ScrapedTextReader: ArticleReader {
    /// The format: `text` (`txt`, `scraped`), `.txt` and `.text` files.
    public let format = FormatInfo(
        name: "text", aliases: ["txt", "scraped"], extensions: ["txt", "text"], mediaType: "text/plain",
        summary: "scraped article text: title, dateline, paragraphs, captions, lists, byline")

    /// The profiles to choose from; `generic` is used when none matches.
    public var profiles: [SiteProfile]

    /// Creates a reader with the built-in site profiles.
    public init(profiles: [SiteProfile] = SiteProfile.builtIn) {
        self.profiles = profiles
    }

    /// Reads the input into its articles; throws ``/ArticleCore/ArticleError`` for input it cannot
    /// or must not read.
    public func read(_ input: ReaderInput, context: inout ConversionContext) throws(ArticleError) -> [Article] {
        let text = try input.decodeText(encoding: context.options.encoding)
        var groups = TextLines(text).groups
        guard !groups.isEmpty else {
            throw ArticleError(.emptyInput, "the file holds only blank lines", file: input.name)
        }
        var meta = Metadata()

        // Title: the first line.
        meta.title = groups[0].lines[0]
        if groups[0].lines.count > 1 {
            groups[0].lines.removeFirst()
            groups[0].indents.removeFirst()
        } else {
            groups.removeFirst()
        }

        // Dateline: a short line with a date or time among the next lines.
        if let first = groups.first, first.lines.count == 1, DatelineParser.looksLikeDateline(first.lines[0]) {
            meta.dateline = first.lines[0]
            groups.removeFirst()
        }

        // Lead source prefix: "(Baonghean) - " on the first paragraph.
        if let (source, rest) = groups.first.flatMap({ Self.splitSourcePrefix($0.lines[0]) }) {
            meta.source = source
            groups[0].lines[0] = rest
        }

        let profile = SiteProfile.match(leadSource: meta.source, lines: groups.flatMap(\.lines), profiles: profiles)
        meta.tags = Self.tags(in: groups.suffix(8).flatMap(\.lines))
        groups = Self.droppingBoilerplate(groups, title: meta.title, profile: profile)

        // Author signature: the last group, when it is a short line of names.
        if let last = groups.last, last.lines.count == 1, let names = Self.signatureNames(last.lines[0]) {
            meta.authors = names
            groups.removeLast()
        }

        if let dateline = meta.dateline {
            meta.published = DatelineParser.parse(dateline, dayFirst: profile.dayFirst,
                                                  utcOffsetMinutes: profile.utcOffsetMinutes ?? Self.vietnameseOffset(groups))
        }
        let blocks = BlockClassifier(profile: profile).blocks(from: groups)
        if blocks.isEmpty && meta.title == nil {
            throw ArticleError(.noContent, "no article text found", file: input.name)
        }
        return [Article(metadata: meta, blocks: blocks)]
    }

    /// Labels of a keywords line in a site's trailer (`Tags: rice, storm`), lower-cased.
    static let tagLabels = ["tags:", "tag:", "keywords:", "từ khóa:", "từ khoá:", "chủ đề:"]
    private static let tagMarkers = MarkerSet(tagLabels)

    /// The keywords of a `Tags: a, b` line near the end, if there is one.
    static func tags(in lines: [String]) -> [String] {
        for line in lines where line.utf8.count <= 300 && tagMarkers.mayStart(line) {
            // Only as far as the longest label: lower-casing whole lines was a twentieth of
            // reading a scraped article.
            let lower = String(line.prefix(tagMarkers.longest)).lowercased()
            guard let label = tagLabels.first(where: { lower.hasPrefix($0) }) else { continue }
            return line.dropFirst(label.count).split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "|" })
                .map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        }
        return []
    }

    /// Vietnamese sites publish in UTC+7: an article whose text is Vietnamese gets that offset
    /// when its profile names none.
    static func vietnameseOffset(_ groups: [TextLines.Group]) -> Int? {
        let sample = groups.prefix(6).map(\.text).joined(separator: " ")
        return looksVietnamese(sample) ? 7 * 60 : nil
    }

    /// Whether more than one letter in twenty is one only Vietnamese uses among Latin-script
    /// languages: ơ, ư, đ and the tone-marked vowels of Latin Extended Additional (U+1EA0–1EF9).
    /// A reader's guess at a time zone needs no language detector (that runs in the pipeline,
    /// after reading): these letters fill every Vietnamese sentence and no other language's.
    static func looksVietnamese(_ text: String) -> Bool {
        var letters = 0, marked = 0
        for s in text.unicodeScalars.prefix(2000) {
            switch s.value {
            case 0x41...0x5A, 0x61...0x7A: letters += 1
            case 0x01A0, 0x01A1, 0x01AF, 0x01B0, 0x0110, 0x0111, 0x1EA0...0x1EF9: letters += 1; marked += 1
            case 0x80...: if s.properties.isAlphabetic { letters += 1 }
            default: break
            }
        }
        return letters >= 3 && marked * 20 > letters
    }

    /// `(Baonghean) - Text` → ("Baonghean", "Text"). Accepts `-`, `–`, `—` after the parenthesis.
    static func splitSourcePrefix(_ line: String) -> (String, String)? {
        guard line.hasPrefix("("), let close = line.firstIndex(of: ")") else { return nil }
        let name = line[line.index(after: line.startIndex)..<close].trimmingSpaces()
        guard (2...40).contains(name.count), !name.contains("("), name.split(separator: " ").count <= 5 else { return nil }
        var rest = line[line.index(after: close)...].drop { $0 == " " }
        guard let dash = rest.first, "-–—:".contains(dash) else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        guard !rest.isEmpty else { return nil }
        return (name, String(rest))
    }

    /// Cuts the site's trailer: from the first boilerplate marker line after the body has begun,
    /// and any trailing lines that repeat the title or are generic markers.
    static func droppingBoilerplate(_ groups: [TextLines.Group], title: String?, profile: SiteProfile) -> [TextLines.Group] {
        var out = groups
        let own = LoweredProfile.of(profile).markers
        let generic = LoweredProfile.of(.generic).markers
        // The profile's own markers end the article wherever they appear after the lead.
        if profile.id != "generic" {
            for (gi, g) in out.enumerated() where gi > 0 {
                if let li = g.lines.firstIndex(where: { SiteProfile.matchesMarker($0, own) }) {
                    if li == 0 {
                        out.removeSubrange(gi...)
                    } else {
                        out[gi].lines.removeSubrange(li...)
                        out[gi].indents.removeSubrange(li...)
                        out.removeSubrange((gi + 1)...)
                    }
                    break
                }
            }
        }
        // Generic trailers: from the end, drop groups made only of marker lines or the title.
        let titleKey = title.map(normalizedKey)
        while let last = out.last, out.count > 1 {
            let allJunk = last.lines.allSatisfy { line in
                normalizedKey(line) == titleKey || SiteProfile.matchesMarker(line, generic) || SiteProfile.matchesMarker(line, own)
            }
            guard allJunk else { break }
            out.removeLast()
        }
        return out
    }

    /// A line's letters and digits, lower-cased: what a title and a trailer line that repeats it
    /// share. By scalars and their general category, not Characters (`isLetter` breaks the text
    /// into graphemes and looks up properties for each: 78,000 instructions a title), and each
    /// scalar lower-cased on its own, as `lowercased()` does, with ASCII done by its value
    /// (lower-casing the whole line first was half of this: 20,000 instructions a line).
    static func normalizedKey(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0x61...0x7A, 0x30...0x39: out.append(u)
            case 0x41...0x5A: out.append(Unicode.Scalar(UInt8(truncatingIfNeeded: u.value | 0x20)))
            case 0..<0x80: continue
            default:
                for l in u.properties.lowercaseMapping.unicodeScalars where isKeyScalar(l) { out.append(l) }
            }
        }
        return String(out)
    }

    /// Whether a lower-cased scalar is a letter or a digit kept in ``normalizedKey(_:)``.
    private static func isKeyScalar(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x61...0x7A, 0x30...0x39: return true
        case 0..<0x80: return false
        default:
            switch u.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber: return true
            default: return false
            }
        }
    }

    /// The names in a signature line (`My Ha - Thanh Chung`, `By Xuan Hoa`), or `nil` when the
    /// line is not a signature.
    static func signatureNames(_ line: String) -> [String]? {
        var s = Substring(line)
        for prefix in ["By ", "by ", "Theo ", "Bài và ảnh: ", "Bài, ảnh: ", "Nhóm PV", "PV "] where s.hasPrefix(prefix) {
            s = s.dropFirst(prefix.count)
        }
        guard s.utf8.count <= 320, s.count <= 80, let last = s.last, !".!?…;:\"”".contains(last) else { return nil }
        let parts = splitAtDashes(s)
            .flatMap { $0.split(separator: ",").map { $0.trimmingSpaces() } }
            .filter { !$0.isEmpty }
        guard !parts.isEmpty else { return nil }
        for p in parts {
            let words = p.split(separator: " ")
            // A name: one to five words, each starting with an upper-case letter.
            guard (1...5).contains(words.count),
                  words.allSatisfy({ w in w.first.map { $0.isUppercase } ?? false }) else { return nil }
        }
        return parts
    }

    /// `s` cut at each ` - ` and ` – `: what replacing the en dash with a hyphen and splitting
    /// with Foundation gave, on the bytes (the two calls bridged the line to NSString twice:
    /// 26,000 instructions a signature).
    static func splitAtDashes(_ s: Substring) -> [Substring] {
        var parts: [Substring] = []
        let u = s.utf8
        var start = u.startIndex, i = u.startIndex
        while i < u.endIndex {
            if u[i] == 0x20, let end = dashEnd(u, after: i), end < u.endIndex, u[end] == 0x20 {
                parts.append(s[start..<i])
                start = u.index(after: end)
                i = start
                continue
            }
            i = u.index(after: i)
        }
        parts.append(s[start...])
        return parts
    }

    /// After a space at `i`: the index just past a `-` or `–` that follows it, else `nil`.
    private static func dashEnd(_ u: Substring.UTF8View, after i: Substring.UTF8View.Index) -> Substring.UTF8View.Index? {
        let j = u.index(after: i)
        guard j < u.endIndex else { return nil }
        if u[j] == UInt8(ascii: "-") { return u.index(after: j) }
        // U+2013 EN DASH: E2 80 93.
        guard u[j] == 0xE2, let end = u.index(j, offsetBy: 3, limitedBy: u.endIndex),
              u[u.index(j, offsetBy: 1)] == 0x80, u[u.index(j, offsetBy: 2)] == 0x93 else { return nil }
        return end
    }
}
