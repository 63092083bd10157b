import Foundation

/// Splits and cleans bylines: `By Jane Doe and John Roe` → `Jane Doe`, `John Roe`; tells
/// people from labels, roles, interface strings and organisations.
enum AuthorNames {
    static let prefixes = ["by ", "von ", "par ", "por ", "di ", "door ", "av ", "af ", "texte : ", "text: ", "autor: ", "autorin: ",
                           "author: ", "written by ", "reporting by ", "words by ", "story by ", "posted by ", "publié par ",
                           "escrito por ", "scritto da ", "a cura di ", "geschreven door ", "bởi ", "tác giả: ", "від ", "от "]
    /// The same labels when a page prints them glued to the name (`ByTravis Haney`).
    static let gluedPrefixes = ["By", "Von", "Par", "Por", "Door"]
    /// The ``joiners`` that a text can also hold in other bytes (a canonically equivalent
    /// spelling): Greek question mark U+037E is ";", and "à" can be written "a" + U+0300.
    static let mayBeSpelledOtherwise: Set<String> = [";", " và "]
    /// What is trimmed from both ends of each name ``split(_:)`` gives.
    static let partEdges = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ",:|·—–-•"))
    static let joiners = [" and ", " und ", " & ", " y ", " et ", " e ", " en ", " och ", " og ", " i ", " a ", " và ", " и ", ";", "|", ", ", " / "]

    static let notNames: Set<String> = [
        "von", "by", "par", "por", "twitter", "facebook", "share", "teilen", "autor", "author", "autoren", "authors",
        "nachrichten", "redaktion", "news", "mehr", "more", "follow", "folgen", "e-mail", "email", "mail", "kontakt",
        "instagram", "linkedin", "x", "bluesky", "mastodon", "threads", "about", "the", "written", "posted", "published",
    ]

    /// Strings of a page's interface that sit in author-like places ("Sign In", "Name *").
    static let interfaceStrings: Set<String> = [
        "sign in", "sign up", "sign out", "log in", "log out", "login", "logout", "register", "subscribe", "menu", "search",
        "home", "close", "follow", "follow author", "more", "contact", "newsletter", "print", "comments", "share", "anmelden",
        "abmelden", "registrieren", "abonnieren", "suche", "se connecter", "s'abonner", "connexion", "iniciar sesión",
        "suscríbete", "accedi", "abbonati", "entrar", "assine", "inloggen", "zoeken", "đăng nhập", "about the author",
        "all posts", "view all posts", "read more", "see more", "more articles", "profile", "name", "your name",
    ]

    /// Words that end a person's role rather than a name ("Staff Writer", "Games Editor").
    static let roleWords: Set<String> = [
        "writer", "editor", "reporter", "correspondent", "columnist", "contributor", "staff", "technologist", "journalist",
        "producer", "photographer", "analyst", "director", "intern", "fellow", "redakteur", "redakteurin", "korrespondent",
        "korrespondentin", "journalistin", "autorin", "reporterin", "journaliste", "rédacteur", "rédactrice", "correspondant",
        "correspondante", "periodista", "redactor", "redactora", "corresponsal", "giornalista", "redattore", "redattrice",
        "inviato", "inviata", "repórter", "jornalista", "correspondente", "redacteur", "verslaggever", "verslaggeefster",
        "editors", "writers", "reporters", "contributors",
    ]

    /// Words that make a name an organisation's: newsrooms, agencies, the trade itself.
    static let organizationWords: Set<String> = [
        "redaktion", "rédaction", "redacción", "redazione", "redação", "redactie", "newsroom", "staff", "team", "desk",
        "editorial", "agency", "agentur", "agence", "agencia", "agenzia", "agência", "nachrichten", "news", "press", "presse",
        "media", "medien", "online", "verlag", "zeitung", "radio", "tv", "television", "fernsehen", "network", "group", "inc", "ltd", "gmbh",
        "llc", "corp", "company", "foundation", "institute", "university",
        "afp", "dpa", "reuters", "ap", "apa", "sda", "ansa", "efe", "anp", "lusa", "kna", "epd", "ddp", "kyodo", "xinhua",
        "tass", "anadolu", "belga", "ats", "keystone-sda", "upi",
    ]

    /// Whether a byline fragment found by class name reads as a person's name: one to five
    /// words, no sentence punctuation, no navigation words, capitalised in cased scripts.
    static func looksLikeName(_ s: String) -> Bool {
        let words = s.split(separator: " ")
        guard (1...5).contains(words.count), !s.contains(where: { "?!:/".contains($0) }) else { return false }
        if words.contains(where: { notNames.contains($0.lowercased()) }) { return false }
        if words.count == 1 && s.unicodeScalars.allSatisfy({ $0.value < 0x2E80 }) { return false }
        return words.allSatisfy { w in
            guard let f = w.first else { return false }
            return !f.isLetter || f.isUppercase || !f.isCased
        }
    }

    /// Whether a fragment is the page's interface, not a name.
    static func isInterface(_ s: String) -> Bool {
        let l = TextTools.normalized(s)
        if s.contains("*") || interfaceStrings.contains(l) { return true }
        let words = l.split(separator: " ")
        return !words.isEmpty && words.allSatisfy { notNames.contains(String($0)) || interfaceStrings.contains(String($0)) }
    }

    /// Whether a fragment is a role ("Senior Staff Writer"), not a name.
    static func isRole(_ s: String) -> Bool {
        guard let last = s.split(separator: " ").last else { return false }
        return roleWords.contains(last.lowercased())
    }

    /// Whether a name is an organisation's: a newsroom or agency word, or a web address
    /// (`example.com`).
    static func isOrganization(_ s: String) -> Bool {
        let l = s.lowercased()
        if !l.contains(" "), let dot = l.lastIndex(of: "."), l[l.index(after: dot)...].count >= 2,
           l[l.index(after: dot)...].allSatisfy(\.isLetter), l.first?.isLetter == true { return true }
        return l.split(whereSeparator: { $0 == " " || $0 == "-" }).contains { organizationWords.contains(String($0)) }
    }

    /// `s` without a label or role glued to either end of the name ("ByTravis Haney",
    /// "Howard BlumeStaff Writer", "About The AuthorPaul Smith").
    static func unglued(_ raw: String) -> String {
        var s = raw
        for p in gluedPrefixes where s.hasPrefix(p) {
            let rest = s.dropFirst(p.count)
            if let f = rest.first, f.isUppercase { s = String(rest) }
        }
        let chars = Array(s)
        guard chars.count > 2 else { return s }
        for i in (1..<chars.count).reversed() where chars[i].isUppercase && chars[i - 1].isLowercase {
            let left = String(chars[..<i]).trimmingWhitespace, right = String(chars[i...]).trimmingWhitespace
            if isRole(right) || isInterface(right) { return unglued(left) }
            if isInterface(left) || left.lowercased().hasSuffix("author") { return unglued(right) }
        }
        return s
    }

    static func split(_ raw: String) -> [String] {
        var s = unglued(TextTools.collapse(raw))
        var changed = true
        // Lower-cased again only when a label is taken off, not once for each of the labels
        // tried (2,079 lowercased() calls for 84 bylines over 62 pages).
        var lower = s.lowercased()
        while changed {
            changed = false
            for p in prefixes where lower.hasPrefix(p) {
                s = String(s.dropFirst(p.count)).trimmingWhitespace
                lower = s.lowercased()
                changed = true
            }
        }
        // "Gillman, Steve": one family name and one given name, written surname first.
        let comma = s.components(separatedBy: ", ")
        if comma.count == 2, comma.allSatisfy({ !$0.contains(" ") && $0.first?.isUppercase == true && $0.count > 1 }),
           !comma.contains(where: { isRole($0) || isOrganization($0) }) {
            s = comma[1] + " " + comma[0]
        }
        var parts = [s]
        for j in joiners {
            // Foundation's split only where the joiner's bytes occur (1,407 calls were half of
            // this function's 31 M instructions over 62 pages): the joiners have no other
            // canonically equivalent spelling except ";" (U+037E) and " và " (a decomposed à),
            // which are always split.
            guard Self.mayBeSpelledOtherwise.contains(j) || parts.contains(where: { TextTools.has($0, j) }) else { continue }
            parts = parts.flatMap { $0.components(separatedBy: j) }
        }
        parts = parts.map { p in
            // "Elena Oberholzer (obe)": the initials in brackets are a sign-off, not the name.
            if let open = p.firstIndex(of: "("), p.hasSuffix(")"), open > p.startIndex {
                return String(p[..<open])
            }
            return p
        }
        return parts.map { TextTools.trimming($0, Self.partEdges) }
            .filter { p in
                !p.isEmpty && p.count <= 60 && p.split(separator: " ").count <= 6 && !p.contains("@") && !p.hasPrefix("http")
                    && p.rangeOfCharacter(from: .decimalDigits) == nil
            }
    }
}
