import Foundation

extension ReaderInput {
    /// The input as text: a UTF-8/UTF-16 BOM wins, then the encoding named in `options.encoding`,
    /// then UTF-8. Throws a clear error for an empty file, a binary file, or bytes that are not
    /// valid in the encoding.
    public func decodeText(encoding name: String?) throws(ArticleError) -> String {
        var bytes = data
        if bytes.isEmpty { throw ArticleError(.emptyInput, "the file is empty", file: self.name) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
            return try utf8(bytes)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let s = String(data: bytes, encoding: .utf16) else {
                throw ArticleError(.badEncoding, "the file starts with a UTF-16 byte-order mark but is not valid UTF-16", file: self.name)
            }
            return s
        }
        if let name, !["utf-8", "utf8"].contains(name.lowercased()) {
            guard let enc = Self.encoding(named: name) else {
                throw ArticleError(.usage, "unknown encoding \"\(name)\" (try utf-8, utf-16, windows-1252, iso-8859-1, shift_jis, windows-1251)", file: self.name)
            }
            guard let s = String(data: bytes, encoding: enc) else {
                throw ArticleError(.badEncoding, "the file is not valid \(name)", file: self.name)
            }
            return s
        }
        return try utf8(bytes)
    }

    private func utf8(_ bytes: Data) throws(ArticleError) -> String {
        // memchr, not `firstIndex(of:)`: the generic search took 23,000 instructions a scraped
        // article, more than checking its UTF-8 (callgrind).
        let hasNUL = bytes.prefix(8192).withUnsafeBytes { raw in
            raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false
        }
        if hasNUL {
            throw ArticleError(.notText, "the file is binary, not text (it contains NUL bytes)", file: name)
        }
        guard let s = String(validating: bytes, as: UTF8.self) else {
            var offset = 0
            var it = bytes.makeIterator()
            var decoder = UTF8()
            loop: while true {
                switch decoder.decode(&it) {
                case .scalarValue(let v): offset += UTF8.width(v)
                case .emptyInput, .error: break loop
                }
            }
            let line = bytes.prefix(offset).reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw ArticleError(.badEncoding, "the file is not valid UTF-8 (first bad byte at offset \(offset)); name its encoding with --encoding", file: name, line: line)
        }
        if s.isEmpty { throw ArticleError(.emptyInput, "the file is empty", file: name) }
        return s
    }

    /// A Foundation encoding for an IANA or common name (`windows-1252`, `latin1`, `shift_jis`).
    public static func encoding(named name: String) -> String.Encoding? {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": return .utf8
        case "utf-16", "utf16": return .utf16
        case "utf-16le": return .utf16LittleEndian
        case "utf-16be": return .utf16BigEndian
        case "us-ascii", "ascii": return .ascii
        case "iso-8859-1", "latin1", "latin-1", "iso8859-1": return .isoLatin1
        case "iso-8859-2", "latin2": return .isoLatin2
        case "windows-1252", "cp1252": return .windowsCP1252
        case "windows-1250", "cp1250": return .windowsCP1250
        case "windows-1251", "cp1251": return .windowsCP1251
        case "windows-1253", "cp1253": return .windowsCP1253
        case "windows-1254", "cp1254": return .windowsCP1254
        case "shift-jis", "sjis", "shiftjis": return .shiftJIS
        case "euc-jp": return .japaneseEUC
        case "iso-2022-jp": return .iso2022JP
        case "macintosh", "mac-roman": return .macOSRoman
        default: return nil
        }
    }
}
