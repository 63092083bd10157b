/// CLD2's language codes as BCP 47 tags.
enum LanguageTag {
    /// Codes CLD2 still spells the old way, or spells without the script BCP 47 wants.
    static let renamed: [String: String] = [
        "iw": "he",        // Hebrew: ISO 639 replaced "iw" in 1989
        "jw": "jv",        // Javanese
        "in": "id",        // Indonesian
        "ji": "yi",        // Yiddish
        "mo": "ro",        // Moldavian is Romanian
        "zh": "zh-Hans",   // CLD2's "zh" is Simplified; its traditional-script result is "zh-Hant"
    ]

    /// CLD2 names that are not languages a document can be tagged with: its private
    /// placeholders (`zzb`, `zzp`, `zzh`, `zze`), Klingon, and "unknown".
    static let refused: Set<String> = ["un", "zzb", "zzp", "zzh", "zze", "tlh"]

    /// The BCP 47 tag for a CLD2 code, or `nil` for none. A code passes when it is a 2–3 letter
    /// primary subtag, optionally with a 4-letter script or 2-letter region (`zh-Hant`, `sr-ME`).
    static func bcp47(_ cld2: String) -> String? {
        if refused.contains(cld2) { return nil }
        if let tag = renamed[cld2] { return tag }
        let parts = cld2.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy(isLowerASCII) else { return nil }
        if parts.count == 1 { return cld2 }
        guard parts.count == 2 else { return nil }
        let sub = parts[1]
        let isScript = sub.count == 4 && sub.allSatisfy(\.isASCII) && sub.allSatisfy(\.isLetter)
        let isRegion = sub.count == 2 && sub.allSatisfy { $0.isASCII && $0.isUppercase }
        return isScript || isRegion ? cld2 : nil
    }

    private static func isLowerASCII(_ c: Character) -> Bool {
        c.isASCII && c.isLowercase
    }
}
