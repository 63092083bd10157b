import Foundation

/// Splits and cleans bylines: `By Jane Doe and John Roe` → `Jane Doe`, `John Roe`.
enum AuthorNames {
    static let prefixes = ["by ", "von ", "par ", "por ", "di ", "door ", "av ", "af ", "texte : ", "text: ", "autor: ",
                           "author: ", "written by ", "reporting by ", "words by ", "від ", "от "]
    static let joiners = [" and ", " und ", " & ", " y ", " et ", " e ", " en ", " och ", " og ", " i ", " a ", " и ", ";", "|", ", ", " / "]

    static let notNames: Set<String> = [
        "von", "by", "par", "por", "twitter", "facebook", "share", "teilen", "autor", "author", "autoren", "authors",
        "nachrichten", "redaktion", "news", "mehr", "more", "follow", "folgen", "e-mail", "email", "mail", "kontakt",
    ]

    /// Whether a byline fragment found by class name reads as a person's name: two to five
    /// words, no sentence punctuation, no navigation words, capitalised in cased scripts.
    static func looksLikeName(_ s: String) -> Bool {
        let words = s.split(separator: " ")
        guard (1...5).contains(words.count), !s.contains("?"), !s.contains("!") else { return false }
        if words.contains(where: { notNames.contains($0.lowercased()) }) { return false }
        if words.count == 1 && s.unicodeScalars.allSatisfy({ $0.value < 0x2E80 }) { return false }
        return words.allSatisfy { w in
            guard let f = w.first else { return false }
            return !f.isLetter || f.isUppercase || !f.isCased
        }
    }

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
        parts = parts.map { p in
            // "Elena Oberholzer (obe)": the initials in brackets are a sign-off, not the name.
            if let open = p.firstIndex(of: "("), p.hasSuffix(")"), open > p.startIndex {
                return String(p[..<open])
            }
            return p
        }
        return parts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(.init(charactersIn: ",:|·"))) }
            .filter { p in
                !p.isEmpty && p.count <= 60 && p.split(separator: " ").count <= 6 && !p.contains("@") && !p.hasPrefix("http")
                    && p.rangeOfCharacter(from: .decimalDigits) == nil
            }
    }
}
