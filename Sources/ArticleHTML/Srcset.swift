/// A `srcset` attribute read the way the HTML standard's "parse a srcset attribute" algorithm
/// reads it: candidates split at commas that follow white space or end a URL (so
/// `…?resize=800,600 800w` keeps its comma), each with an optional width (`800w`) or pixel
/// density (`1.5x`) descriptor. A candidate with a bad descriptor (`-5w`, `0w`, `abcx`, a width
/// too large for an integer, two widths) is skipped, as browsers skip it; nothing fails.
struct Srcset {
    /// One image candidate.
    struct Candidate: Equatable {
        /// The URL as written.
        var url: String
        /// The `w` descriptor: the image's width in pixels.
        var width: Int?
        /// The `x` descriptor (1 when the candidate has neither).
        var density: Double?
    }

    /// The candidates in the order written.
    let candidates: [Candidate]

    /// Parses `value`; at most `limit` candidates are read (a page's attribute is not a reason
    /// to build an unbounded list).
    init(_ value: String, limit: Int = 64) {
        var out: [Candidate] = []
        let bytes = Array(value.utf8)
        var i = 0
        let n = bytes.count
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }
        while i < n, out.count < limit {
            // Leading white space and commas separate candidates.
            while i < n, isSpace(bytes[i]) || bytes[i] == 0x2C { i += 1 }
            if i >= n { break }
            let urlStart = i
            while i < n, !isSpace(bytes[i]) { i += 1 }
            var urlEnd = i
            var descriptors: [String] = []
            if bytes[urlEnd - 1] == 0x2C {
                // "a.jpg," : the commas end the candidate, which has no descriptors.
                while urlEnd > urlStart, bytes[urlEnd - 1] == 0x2C { urlEnd -= 1 }
            } else {
                descriptors = Self.descriptors(bytes, from: &i)
            }
            guard urlEnd > urlStart else { continue }
            let url = String(decoding: bytes[urlStart..<urlEnd], as: UTF8.self)
            if let c = Self.candidate(url: url, descriptors: descriptors) { out.append(c) }
        }
        candidates = out
    }

    /// The descriptor tokens after a URL, up to the comma that ends the candidate (or the end);
    /// a comma inside parentheses does not end it.
    private static func descriptors(_ bytes: [UInt8], from i: inout Int) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        var inParens = false
        func push() {
            if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll()
        }
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if inParens {
                current.append(b)
                if b == 0x29 { inParens = false }
                continue
            }
            switch b {
            case 0x20, 0x09, 0x0A, 0x0C, 0x0D: push()
            case 0x2C: push(); return tokens
            case 0x28: current.append(b); inParens = true
            default: current.append(b)
            }
            // A page cannot make one candidate's descriptors grow without bound.
            if current.count > 64 || tokens.count > 8 { current.removeAll(); tokens = ["invalid"] }
        }
        push()
        return tokens
    }

    /// The candidate for `url` with `descriptors`, or `nil` when a descriptor is bad.
    private static func candidate(url: String, descriptors: [String]) -> Candidate? {
        var width: Int?
        var density: Double?
        var height: Int?
        for d in descriptors {
            guard let last = d.last else { continue }
            let number = d.dropLast()
            switch last {
            case "w":
                guard width == nil, density == nil, let w = nonNegativeInteger(number), w > 0 else { return nil }
                width = w
            case "x":
                guard width == nil, density == nil, height == nil, let x = floatingPoint(number), x > 0 else { return nil }
                density = x
            case "h":
                guard height == nil, density == nil, let h = nonNegativeInteger(number), h > 0 else { return nil }
                height = h
            default:
                return nil
            }
        }
        // A height alone is not a descriptor a browser accepts.
        if height != nil, width == nil { return nil }
        return Candidate(url: url, width: width, density: width == nil ? (density ?? 1) : nil)
    }

    /// The value of a string of ASCII digits, or `nil` (empty, a sign, other characters, or too
    /// large for an `Int`).
    static func nonNegativeInteger(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(s)
    }

    /// A valid floating-point number as HTML writes one (`1`, `1.5`, `.5`, `2e0`), finite.
    static func floatingPoint(_ s: Substring) -> Double? {
        guard !s.isEmpty, s.count <= 32 else { return nil }
        var body = s
        if body.first == "-" { body = body.dropFirst() }
        let mantissa = body.prefix { $0 != "e" && $0 != "E" }
        let exponent = body.dropFirst(mantissa.count)
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits: (Substring) -> Bool = { $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard parts.allSatisfy(digits), parts.contains(where: { !$0.isEmpty }),
              parts.count == 1 || !parts[1].isEmpty else { return nil }
        if !exponent.isEmpty {
            var e = exponent.dropFirst()
            if e.first == "+" || e.first == "-" { e = e.dropFirst() }
            guard !e.isEmpty, digits(e) else { return nil }
        }
        guard let v = Double(s), v.isFinite else { return nil }
        return v
    }
}
