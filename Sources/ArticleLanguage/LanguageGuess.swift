/// What the detector found in a text, before ``LanguageDetector`` decides whether to trust it.
public struct LanguageGuess: Sendable, Hashable {
    /// The most likely language as a BCP 47 tag (`fi`, `he`, `zh-Hant`), or `nil` when CLD2
    /// named none or named one with no BCP 47 tag.
    public var language: String?
    /// The share of the text's letters in that language, 0–100.
    public var percent: Int
    /// The runner-up language (BCP 47), if any.
    public var secondLanguage: String?
    /// The runner-up's share, 0–100.
    public var secondPercent: Int
    /// CLD2's own verdict that the top language is well ahead of the rest.
    public var isReliable: Bool
    /// The number of UTF-8 bytes of letters CLD2 scored.
    public var letterBytes: Int

    /// Creates a guess.
    public init(language: String?, percent: Int, secondLanguage: String?, secondPercent: Int, isReliable: Bool, letterBytes: Int) {
        self.language = language
        self.percent = percent
        self.secondLanguage = secondLanguage
        self.secondPercent = secondPercent
        self.isReliable = isReliable
        self.letterBytes = letterBytes
    }
}
