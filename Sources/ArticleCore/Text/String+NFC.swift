import Foundation

extension StringProtocol {
    /// The string in Unicode Normalization Form C.
    ///
    /// Most article text is already NFC, and Foundation's normalisation goes through CFString
    /// (measured: a sixth of the seed article's whole conversion). So text made only of scalars
    /// that are NFC on their own, and never combine with a neighbour, is returned as it is.
    ///
    /// Text that is not is normalised in pieces of a few thousand scalars, split just before a
    /// scalar that nothing before it can combine or reorder with (`isStableUnderNFC`:
    /// combining class 0, NFC quick check Yes, never the second of a composition), where
    /// NFC(a + b) = NFC(a) + NFC(b). Foundation's normalisation of one long decomposed string
    /// takes time that grows with the square of its length (3.2 MB of NFD Vietnamese: over
    /// 30 s); in pieces it is linear.
    public var nfc: String {
        isKnownNFC ? String(self) : Self.normalizedInPieces(String(self))
    }

    /// NFC of `text`, normalised in pieces of about `piece` scalars (see ``nfc``).
    ///
    /// A run of more than `maximumRun` scalars with no such boundary is cut where it reaches
    /// that length: Foundation reorders combining marks in time that grows with the square of
    /// their number, and a run of thousands of marks is not text (Unicode's stream-safe format
    /// allows 30). Within each cut, marks are ordered and composed exactly as in the whole.
    static func normalizedInPieces(_ text: String, piece: Int = 4096, maximumRun: Int = 256) -> String {
        let scalars = text.unicodeScalars
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var start = scalars.startIndex
        var count = 0, run = 0
        var i = start
        while i < scalars.endIndex {
            let stable = isStableUnderNFC(scalars[i].value)
            run = stable ? 0 : run + 1
            if i != start, (count >= piece && stable) || run > maximumRun {
                out += String(scalars[start..<i]).precomposedStringWithCanonicalMapping
                start = i
                count = 0
                run = stable ? 0 : 1
            }
            count += 1
            i = scalars.index(after: i)
        }
        out += String(scalars[start...]).precomposedStringWithCanonicalMapping
        return out
    }

    /// Whether the string is NFC by a quick check: `true` means it certainly is; `false` means
    /// Foundation has to normalise it to tell.
    public var isKnownNFC: Bool {
        // One pass over the UTF-8 bytes. Every scalar below U+0300 has a lead byte below 0xCC, so
        // English text never leaves the first test; a scalar from U+0300 up is decoded from its
        // bytes in place. (Walking `unicodeScalars` instead, as this did, cost a tenth of a
        // scraped article's whole conversion as soon as it held one curly quote: 100,000
        // instructions an article, callgrind.)
        var copy = String(self)
        return copy.withUTF8 { buf in
            let n = buf.count
            var i = 0
            let raw = UnsafeRawBufferPointer(buf)
            while i < n {
                // Eight ASCII bytes at a time.
                if i &+ 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i &+= 8
                    continue
                }
                let b = buf[i]
                if b < 0xCC { i &+= 1; continue }
                // A valid UTF-8 lead byte (Swift strings are valid UTF-8); a truncated sequence
                // cannot occur, but is answered "not known" rather than read past the end.
                let length = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                guard i &+ length <= n else { return false }
                var v = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length { v = v << 6 | UInt32(buf[i &+ k] & 0x3F) }
                if !Self.isStableUnderNFC(v) { return false }
                i &+= length
            }
            return true
        }
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
