import CCLD2

/// Finds the language of a text with CLD2, Chrome's compact language detector (80-odd languages,
/// from the script and from scored letter sequences), and answers only when it is sure.
///
/// ``detect(_:)`` gives a BCP 47 tag, or `nil` when CLD2 is not confident: its own reliability
/// verdict, the share of the text in the top language, and the amount of text must all pass
/// (see ``minimumPercent`` and ``minimumLetterBytes``). A wrong language makes e-readers hyphenate
/// and read aloud wrongly, which is worse than none.
public enum LanguageDetector {
    /// The most of a text looked at, in UTF-8 bytes: a page of prose decides a language, and CLD2's
    /// time grows with the text (measured: 8 KiB samples made reading a scraped article twice as
    /// slow; at 2 KiB CLD2 took 450,000 instructions an article by callgrind, a fifth of a scraped
    /// article's whole conversion; 1 KiB halves that and gives the same answers on the test set of
    /// 122 paragraphs in 61 languages).
    public static let sampleLimit = 1024

    /// The share of the text's letters the top language must have. Below it the text is mixed
    /// (a quotation, a bilingual page), and no one language describes it.
    public static let minimumPercent = 70

    /// The least letter text, in UTF-8 bytes, an answer rests on (about 14 words of a Latin-script
    /// language, 27 Chinese characters). Measured on 12,000 random letter and syllable strings:
    /// with no floor CLD2 calls about 1 in 200 of them some language "reliably", with this floor
    /// 1 in 750, and with the floor and the halves check (``confirmBelowLetterBytes``) 1 in
    /// 12,000. The cost is texts of under about ten words, which get no language.
    public static let minimumLetterBytes = 80

    /// Texts with fewer letter bytes than this are confirmed: each half must on its own give the
    /// same language. Real prose agrees with itself; the rare gibberish string and a text on the
    /// border of two close languages (Indonesian and Malay) do not. Longer texts are never
    /// mistaken in the measurements, so they skip the two extra calls.
    public static let confirmBelowLetterBytes = 512

    /// The BCP 47 tag of the text's language, or `nil` when it cannot be told with confidence.
    public static func detect(_ text: String) -> String? {
        let sample = interchangeSample(text)
        let g = guess(sample: sample[...])
        guard let language = g.language, g.isReliable, g.percent >= minimumPercent,
              g.letterBytes >= minimumLetterBytes else { return nil }
        if g.letterBytes < confirmBelowLetterBytes {
            let mid = middle(of: sample)
            guard guess(sample: sample[..<mid]).language == language,
                  guess(sample: sample[mid...]).language == language else { return nil }
        }
        return language
    }

    /// CLD2's full answer for a text (plain text, the first ``sampleLimit`` bytes), with no
    /// confidence threshold applied.
    public static func guess(_ text: String) -> LanguageGuess {
        guess(sample: interchangeSample(text)[...])
    }

    private static let none = LanguageGuess(language: nil, percent: 0, secondLanguage: nil, secondPercent: 0,
                                            isReliable: false, letterBytes: 0)

    private static func guess(sample: ArraySlice<UInt8>) -> LanguageGuess {
        guard !sample.isEmpty, sample.count <= sampleLimit else { return none }
        var r = ccld2_result()
        let valid = sample.withUnsafeBufferPointer { buffer -> Int32 in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                ccld2_detect(chars.baseAddress, Int32(chars.count), 1, nil, nil, &r)
            }
        }
        guard valid == 1 else { return none }
        return LanguageGuess(language: LanguageTag.bcp47(code(r.code)), percent: Int(r.percent),
                             secondLanguage: LanguageTag.bcp47(code(r.second_code)), secondPercent: Int(r.second_percent),
                             isReliable: r.reliable != 0, letterBytes: Int(r.text_bytes))
    }

    /// Where to cut a sample in two: the first space or line break after the middle, else the
    /// first character boundary after it (texts written without spaces).
    static func middle(of sample: [UInt8]) -> Int {
        let half = sample.count / 2
        if let space = sample[half...].firstIndex(where: { $0 == 0x20 || $0 == 0x0A }) { return space }
        return sample[half...].firstIndex(where: { $0 & 0xC0 != 0x80 }) ?? half
    }

    /// The text's first ``sampleLimit`` bytes as CLD2 accepts them ("interchange-valid" UTF-8):
    /// control characters other than tab and line breaks, and Unicode noncharacters, become
    /// spaces, and the cut falls between characters.
    static func interchangeSample(_ text: String) -> [UInt8] {
        // On the UTF-8 bytes (a String's are valid), not the scalars, into a buffer of the
        // output's greatest size (every input byte gives at most one): language detection runs on
        // every article, and this took 55,000 instructions of a scraped article's conversion,
        // 23,800 now (callgrind).
        var text = text
        return text.withUTF8 { bytes in
            [UInt8](unsafeUninitializedCapacity: min(bytes.count, sampleLimit)) { out, count in
                var i = 0, n = 0
                while i < bytes.count {
                    let b = bytes[i]
                    if b < 0x80 {
                        guard n < sampleLimit else { break }
                        let ok = b >= 0x20 && b != 0x7F || b == 0x09 || b == 0x0A || b == 0x0D
                        out[n] = ok ? b : 0x20
                        n += 1
                        i += 1
                        continue
                    }
                    let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                    guard i + length <= bytes.count, n + length <= sampleLimit else { break }
                    var v = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for k in 1..<length { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
                    if v < 0xA0 || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE {
                        out[n] = 0x20
                        n += 1
                    } else {
                        for k in 0..<length { out[n + k] = bytes[i + k] }
                        n += length
                    }
                    i += length
                }
                count = n
            }
        }
    }

    /// A NUL-terminated code from the shim's fixed-size field.
    private static func code(_ field: (CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar,
                                      CChar, CChar, CChar, CChar, CChar, CChar, CChar, CChar)) -> String {
        withUnsafeBytes(of: field) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
