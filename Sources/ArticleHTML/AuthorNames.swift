import Foundation

/// Splits and cleans bylines: `By Jane Doe and John Roe` → `Jane Doe`, `John Roe`.
enum AuthorNames {
    static let prefixes = ["by ", "von ", "par ", "por ", "di ", "door ", "av ", "af ", "texte : ", "text: ", "autor: ",
                           "author: ", "written by ", "reporting by ", "words by ", "від ", "от "]
    static let joiners = [" and ", " und ", " & ", " y ", " et ", " e ", " en ", " och ", " og ", " i ", " a ", " и ", ";", "|", ", ", " / "]

    static func split(_ raw: String) -> [String] {
        var s = TextTools.collapse(raw)
        var changed = true
        while changed {
            changed = false
            for p in prefixes where s.lowercased().hasPrefix(p) {
                s = String(s.dropFirst(p.count)).trimmingWhitespace
                changed = true
            }
        }
        var parts = [s]
        for j in joiners {
            parts = parts.flatMap { $0.components(separatedBy: j) }
        }
        return parts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(.init(charactersIn: ",.:|·"))) }
            .filter { p in
                !p.isEmpty && p.count <= 60 && p.split(separator: " ").count <= 6 && !p.contains("@") && !p.hasPrefix("http")
                    && p.rangeOfCharacter(from: .decimalDigits) == nil
            }
    }
}
