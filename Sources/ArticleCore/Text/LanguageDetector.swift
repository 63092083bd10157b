/// Guesses the language of a text from its script and its most common words.
///
/// Small and fast on purpose: it runs on every article. It knows the languages news pages in
/// this project's corpora are written in; for anything else it returns `nil`, and the user can
/// say `--language`.
public enum LanguageDetector {
    // The most frequent short words of each language; they make up a large share of any
    // running text, so counting them separates languages written in the same script.
    private static let stopwords: [(String, Set<String>)] = [
        ("en", ["the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "as", "by", "it", "are", "from", "this", "be", "at", "have", "has", "an", "which", "their", "were"]),
        ("vi", ["và", "của", "là", "các", "những", "được", "trong", "cho", "với", "có", "không", "này", "một", "người", "đã", "để", "đến", "khi", "từ", "theo", "về", "năm", "tại", "cũng"]),
        ("de", ["der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf", "für", "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "werden", "aus", "er", "hat", "dass", "sie", "nach", "wird", "bei"]),
        ("fr", ["le", "la", "les", "de", "des", "et", "en", "un", "une", "du", "est", "que", "qui", "dans", "pour", "pas", "sur", "au", "par", "avec", "ce", "il", "sont", "plus", "ont"]),
        ("es", ["el", "la", "de", "que", "y", "en", "los", "del", "se", "las", "por", "un", "para", "con", "una", "su", "al", "es", "lo", "como", "más", "pero", "sus", "fue"]),
        ("it", ["il", "di", "che", "e", "la", "per", "un", "in", "del", "della", "non", "una", "è", "sono", "alla", "con", "gli", "le", "si", "dei", "anche", "nel", "ha"]),
        ("pt", ["de", "que", "e", "o", "da", "do", "em", "um", "para", "com", "não", "uma", "os", "no", "se", "na", "por", "mais", "as", "dos", "como", "mas", "foi", "ao", "das"]),
        ("nl", ["de", "het", "een", "van", "en", "in", "is", "dat", "op", "te", "zijn", "met", "voor", "niet", "aan", "er", "ook", "als", "bij", "door", "worden", "wordt", "naar", "om"]),
        ("cs", ["a", "se", "na", "je", "v", "že", "to", "s", "z", "do", "o", "jsou", "by", "k", "ve", "pro", "jako", "ale", "po", "už", "jeho", "které", "který", "také", "při"]),
        ("pl", ["i", "w", "się", "na", "z", "do", "że", "nie", "to", "jest", "o", "jak", "po", "ale", "dla", "od", "przez", "jego", "są", "który", "także", "tym"]),
        ("sv", ["och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "de", "inte", "om", "ett", "var", "men", "från", "vid"]),
        ("da", ["og", "i", "at", "det", "er", "en", "til", "på", "som", "de", "med", "for", "af", "har", "den", "ikke", "var", "et", "fra", "men", "om", "efter"]),
        ("no", ["og", "i", "det", "som", "på", "er", "en", "til", "at", "av", "for", "med", "har", "de", "ikke", "den", "var", "et", "om", "fra", "men", "etter", "vi"]),
        ("tr", ["ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "daha", "çok", "gibi", "en", "olan", "sonra", "kadar", "ancak", "ise", "değil"]),
        ("id", ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "dari", "dalam", "tidak", "akan", "pada", "juga", "ke", "karena", "ada", "oleh", "mereka", "bisa", "telah"]),
    ]

    /// Each stopword, its UTF-8 bytes packed into an integer → the languages it belongs to:
    /// one integer hash lookup per word, and no String built for it (measured: building and
    /// hashing a String per word was most of the detector's cost).
    private static let index: [UInt64: [Int]] = {
        var d: [UInt64: [Int]] = [:]
        for (i, (_, words)) in stopwords.enumerated() {
            for w in words where w.utf8.count <= 8 { d[pack(w.utf8), default: []].append(i) }
        }
        return d
    }()

    private static func pack<C: Collection<UInt8>>(_ bytes: C) -> UInt64 {
        var v: UInt64 = 0
        for b in bytes { v = v << 8 | UInt64(b) }
        return v
    }

    /// The BCP 47 tag of the text's language, or `nil` when it cannot tell.
    ///
    /// Works on UTF-8 bytes with an ASCII fast path: Unicode property lookups for every scalar
    /// were a third of a scraped article's whole conversion (measured with callgrind).
    public static func detect(_ text: String, sampleLimit: Int = 2000) -> String? {
        var scripts: [String: Int] = [:]
        var letters = 0
        var counts = [Int](repeating: 0, count: stopwords.count)
        var words = 0
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var wordScalars = 0
        func flush() {
            guard wordScalars > 0 else { return }
            words += 1
            if wordScalars <= 8, let key = Self.lowercasedKey(word), let langs = index[key] {
                for i in langs { counts[i] += 1 }
            }
            word.removeAll(keepingCapacity: true)
            wordScalars = 0
        }
        var seen = 0
        for s in text.unicodeScalars {
            seen += 1
            if seen > sampleLimit { break }
            let v = s.value
            let isLetter: Bool
            if v < 0x80 {
                isLetter = (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            } else {
                isLetter = s.properties.isAlphabetic
                if isLetter, let sc = script(of: s) { scripts[sc, default: 0] += 1 }
            }
            if isLetter {
                letters += 1
                if wordScalars <= 8 {
                    if v < 0x80 { word.append(UInt8(v)) } else { word.append(contentsOf: s.utf8) }
                }
                wordScalars += 1
            } else {
                flush()
            }
        }
        flush()
        guard letters >= 3 else { return nil }
        // A non-Latin script decides on its own.
        if let (script, n) = scripts.max(by: { $0.value < $1.value }), n * 2 > letters {
            switch script {
            case "Han": return (scripts["Kana"] ?? 0) * 10 > n ? "ja" : "zh"
            case "Kana": return "ja"
            case "Hangul": return "ko"
            case "Cyrillic": return "ru"
            case "Arabic": return "ar"
            case "Greek": return "el"
            case "Hebrew": return "he"
            case "Thai": return "th"
            case "Devanagari": return "hi"
            default: break
            }
        }
        // Vietnamese marks (ơ, ư, đ, and stacked tones) are decisive even in short texts.
        if (scripts["VietLatin"] ?? 0) * 20 > letters { return "vi" }
        guard words >= 3 else { return nil }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > 0 else { return nil }
        return stopwords[best].0
    }

    /// The packed lower-case bytes of a word of at most 8 bytes. ASCII is lower-cased in place;
    /// only words with other letters go through `lowercased()`.
    private static func lowercasedKey(_ bytes: [UInt8]) -> UInt64? {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            guard bytes.count <= 8 else { return nil }
            var v: UInt64 = 0
            for b in bytes { v = v << 8 | UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
            return v
        }
        let lower = String(decoding: bytes, as: UTF8.self).lowercased().utf8
        return lower.count <= 8 ? pack(lower) : nil
    }

    private static func script(of c: Unicode.Scalar) -> String? {
        switch c.value {
        case 0x0400...0x04FF: return "Cyrillic"
        case 0x0370...0x03FF: return "Greek"
        case 0x0590...0x05FF: return "Hebrew"
        case 0x0600...0x06FF: return "Arabic"
        case 0x0900...0x097F: return "Devanagari"
        case 0x0E00...0x0E7F: return "Thai"
        case 0x3040...0x30FF: return "Kana"
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: return "Han"
        case 0xAC00...0xD7AF, 0x1100...0x11FF: return "Hangul"
        // Letters used by Vietnamese and rarely elsewhere: ơ ư đ and the precomposed
        // tone-marked vowels of Latin Extended Additional.
        case 0x01A0, 0x01A1, 0x01AF, 0x01B0, 0x0110, 0x0111, 0x1EA0...0x1EF9: return "VietLatin"
        default: return nil
        }
    }
}
