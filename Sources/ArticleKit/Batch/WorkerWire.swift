import Foundation

/// The lines a batch parent and its worker processes exchange over pipes: tab-separated fields,
/// lists joined by U+001F, with `\`, tab, newline and U+001F escaped, so any file name or message
/// fits on one line. Kept by hand rather than JSON: the parent decodes one line per file and its
/// time is taken from the workers' cores.
enum WorkerWire {
    /// The worker's first line, once it is set up: a worker that dies before it is broken, not a file.
    static let ready = "ready"

    static func job(_ input: BatchInput) -> String {
        if let page = input.page, let file = input.pageFile {
            // A page the parent fetched: the worker reads its bytes from `file`.
            return ["w", escape(input.url.absoluteString), escape(input.displayPath), escape(input.relativeStem), escape(input.relativePath),
                    escape(file), escape(page.requestedURL.absoluteString), escape(page.url.absoluteString),
                    escape(page.mediaType ?? ""), escape(page.charset ?? "")].joined(separator: "\t") + "\n"
        }
        return ["j", escape(input.url.path), escape(input.displayPath), escape(input.relativeStem), escape(input.relativePath)].joined(separator: "\t") + "\n"
    }

    static func parseJob(_ line: Substring) -> BatchInput? {
        let f = fields(line)
        if f.count == 10, f[0] == "w" {
            guard let url = URL(string: unescape(f[1])), let requested = URL(string: unescape(f[6])), let final = URL(string: unescape(f[7])) else { return nil }
            let type = unescape(f[8]), charset = unescape(f[9])
            let page = FetchedDocument(requestedURL: requested, url: final, mediaType: type.isEmpty ? nil : type,
                                       charset: charset.isEmpty ? nil : charset, data: Data())
            return BatchInput(url: url, displayPath: unescape(f[2]), relativeStem: unescape(f[3]), relativePath: unescape(f[4]),
                              page: page, pageFile: unescape(f[5]))
        }
        guard f.count == 5, f[0] == "j" else { return nil }
        return BatchInput(url: URL(fileURLWithPath: unescape(f[1]), isDirectory: false), displayPath: unescape(f[2]),
                          relativeStem: unescape(f[3]), relativePath: unescape(f[4]))
    }

    /// A finished file: its record, and whether the disk was full (which stops the run).
    static func result(_ r: BatchRecord, noSpace: Bool) -> String {
        ["r", r.status.rawValue, String(r.milliseconds), noSpace ? "1" : "0", escape(r.error ?? ""), r.error == nil ? "0" : "1",
         list(r.outputs), list(r.warnings)].joined(separator: "\t") + "\n"
    }

    static func parseResult(_ line: Substring, path: String) -> (record: BatchRecord, noSpace: Bool)? {
        let f = fields(line)
        guard f.count == 8, f[0] == "r", let status = BatchRecord.Status(rawValue: String(f[1])), let ms = Double(f[2]) else { return nil }
        let record = BatchRecord(path: path, outputs: parseList(f[6]), status: status, warnings: parseList(f[7]),
                                 error: f[5] == "1" ? unescape(f[4]) : nil, milliseconds: ms)
        return (record, f[3] == "1")
    }

    /// The tab-separated fields of a line, split on its UTF-8 bytes: splitting the `Substring`
    /// itself walks it by grapheme clusters, which cost the worker 40,000 instructions a job line
    /// (callgrind) for one or two hundred bytes. A tab is one byte that no multi-byte scalar
    /// contains, so the fields are the same.
    static func fields(_ line: Substring, separator: UInt8 = 0x09) -> [Substring] {
        let utf8 = line.utf8
        var out: [Substring] = []
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            if utf8[i] == separator {
                out.append(Substring(utf8[start..<i]))
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        out.append(Substring(utf8[start..<i]))
        return out
    }

    private static func list(_ items: [String]) -> String { items.map(escape).joined(separator: "\u{1F}") }

    private static func parseList(_ s: Substring) -> [String] {
        s.isEmpty ? [] : fields(s, separator: 0x1F).map(unescape)
    }

    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x1F || $0 == 0x0D }) else { return s }
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\u{1F}": out += "\\u"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func unescape<S: StringProtocol>(_ s: S) -> String {
        // Bytes, not `contains("\\")`, which goes through Foundation's string search.
        guard s.utf8.contains(0x5C) else { return String(s) }
        var out = ""
        var escaped = false
        for c in s.unicodeScalars {
            if escaped {
                switch c {
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                case "u": out += "\u{1F}"
                default: out.unicodeScalars.append(c)
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
