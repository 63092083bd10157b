import Foundation

extension StringProtocol {
    /// The string in Unicode Normalization Form C.
    ///
    /// Most article text is already NFC, and Foundation's normalisation goes through CFString
    /// (measured: a sixth of the seed article's whole conversion). So text made only of scalars
    /// that are NFC on their own, and never combine with a neighbour, is returned as it is.
    public var nfc: String {
        isKnownNFC ? String(self) : String(self).precomposedStringWithCanonicalMapping
    }

    /// Whether the string is NFC by a quick check: `true` means it certainly is; `false` means
    /// Foundation has to normalise it to tell.
    public var isKnownNFC: Bool {
        // Every scalar below U+0300 has a UTF-8 lead byte below 0xCC: one byte loop clears
        // English text.
        var copy = String(self)
        let latin = copy.withUTF8 { buf in
            var ok = true
            for b in buf where b >= 0xCC { ok = false; break }
            return ok
        }
        if latin { return true }
        for s in unicodeScalars where !Self.isStableUnderNFC(s.value) { return false }
        return true
    }

    // Scalars with NFC_Quick_Check=Yes and combining class 0 that no following mark composes
    // with differently: ASCII and Latin-1 letters (a following combining mark would itself fall
    // outside these ranges and take the slow path), Vietnamese precomposed letters, common
    // punctuation, CJK ideographs and Hangul syllables.
    @inline(__always)
    static func isStableUnderNFC(_ v: UInt32) -> Bool {
        v < 0x0300 || (0x1E00...0x1EFF).contains(v) || (0x2010...0x206F).contains(v)
            || (0x20A0...0x20CF).contains(v) || (0x3000...0x3029).contains(v)
            || (0x4E00...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v)
    }
}
