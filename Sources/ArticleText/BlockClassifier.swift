import ArticleCore

/// Turns the body's groups of lines into blocks: paragraphs, subheadings, lists, figures, quotes.
struct BlockClassifier {
    let profile: SiteProfile
    /// Credit labels lower-cased, longest first, so `Ảnh minh họa` wins over `Ảnh`.
    private let creditLabels: [String]
    private let creditStarts: MarkerSet
    private let markers: MarkerSet

    init(profile: SiteProfile) {
        self.profile = profile
        let lowered = LoweredProfile.of(profile)
        creditLabels = lowered.creditLabels
        creditStarts = lowered.creditStarts
        markers = lowered.markers
    }

    func blocks(from groups: [TextLines.Group]) -> [Block] {
        var out: [Block] = []
        var i = 0
        while i < groups.count {
            let g = groups[i]
            // A caption and its credit: lines ending in a `Photo: NAME` line.
            if let credit = creditName(g.lines[g.lines.count - 1]) {
                let caption = g.lines.dropLast().joined(separator: " ")
                out.append(.figure(Figure(caption: caption.isEmpty ? [] : [.text(caption)], credit: credit)))
                i += 1
                continue
            }
            // A caption alone in its group, with the credit alone in the next one.
            if i + 1 < groups.count, groups[i + 1].lines.count == 1, groups[i + 1].blankLinesBefore <= 1,
               g.blankLinesBefore >= 2, let credit = creditName(groups[i + 1].lines[0]), !isListLine(g.lines[0]) {
                out.append(.figure(Figure(caption: [.text(g.text)], credit: credit)))
                i += 2
                continue
            }
            if isListLine(g.lines[0]) {
                // Items separated by blank lines are still one list while the marker kind holds.
                var items = ListParser.items(of: g)
                let ordered = ListParser.marker(g.lines[0])?.ordered ?? false
                var tight = true
                var j = i + 1
                while j < groups.count, let m = ListParser.marker(groups[j].lines[0]), m.ordered == ordered,
                      groups[j].blankLinesBefore <= 2 {
                    items += ListParser.items(of: groups[j])
                    tight = false
                    j += 1
                }
                let start = ordered ? (ListParser.marker(g.lines[0])?.number ?? 1) : 1
                out.append(.list(ListParser.build(items, ordered: ordered, start: start, tight: tight)))
                i = j
                continue
            }
            if g.lines.allSatisfy({ $0.hasPrefix(">") }) {
                let text = g.lines.map { $0.dropFirst().trimmingSpaces() }.joined(separator: " ")
                out.append(.quote([.paragraph([.text(text)])]))
                i += 1
                continue
            }
            if g.lines.count == 1, i + 1 < groups.count, isSubheading(g.lines[0]) {
                out.append(.heading(level: 2, content: [.text(g.lines[0])]))
                i += 1
                continue
            }
            out.append(.paragraph([.text(g.text)]))
            i += 1
        }
        return out
    }

    /// The name in a credit line (`Photo: Thanh Le` → `Thanh Le`), or `nil`.
    func creditName(_ line: String) -> String? {
        // Every paragraph's last line comes here: its start is looked at first, and it is
        // counted once and lower-cased only as far as the longest label (counting and
        // lower-casing whole lines, for each label, was 6% of reading a scraped article).
        guard line.utf8.count <= 400, creditStarts.mayStart(line) else { return nil }
        let count = line.count
        guard count <= 100 else { return nil }
        let lower = String(line.prefix(creditStarts.longest)).lowercased()
        for label in creditLabels {
            guard count > label.count, lower.hasPrefix(label) else { continue }
            var rest = line.dropFirst(label.count).drop { $0 == " " }
            guard let sep = rest.first, sep == ":" else { continue }
            rest = rest.dropFirst().drop { $0 == " " }
            let name = rest.trimmingSpaces()
            if !name.isEmpty && name.split(separator: " ").count <= 10 { return name }
        }
        return nil
    }

    func isListLine(_ line: String) -> Bool { ListParser.marker(line) != nil }

    /// A subheading: a short standalone line without closing punctuation that starts like a title.
    func isSubheading(_ line: String) -> Bool {
        // Cheapest tests first: most lines are sentences ending in punctuation.
        guard line.utf8.count <= 400, let last = line.last, !".,;:!?…\"”'’)»".contains(last),
              let first = line.first, first.isUppercase || first.isNumber, line.count <= 100,
              (1...14).contains(line.split(separator: " ").count) else { return false }
        return creditName(line) == nil && !SiteProfile.matchesMarker(line, markers)
    }
}
