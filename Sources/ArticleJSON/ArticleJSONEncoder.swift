import ArticleCore
import Foundation

/// Writes articles as ArticleKit JSON straight from the model, keys in a fixed reading order
/// (title first, blocks last; `type` first in every block and inline).
///
/// The model's `Codable` form is the same JSON, and `JSONReader` reads both. This writer exists
/// because Foundation's `JSONEncoder` cannot keep a key order (only sort keys), and because it was
/// a fifth of a batch conversion to JSON (callgrind: 0.57M instructions an article with
/// `JSONEncoder`, against 0.1M here). A test checks that both encodings are the same JSON.
struct ArticleJSONEncoder {
    /// Pretty-printed with two-space indentation, or one line.
    var pretty: Bool

    func encode(_ articles: [Article], asArray: Bool) -> Data {
        var out = JSONOutput(pretty: pretty)
        if asArray {
            out.array(articles) { out, a in out.article(a.removingUnsafeURLs()) }
        } else if let a = articles.first {
            // A link or image source URLSafety refuses is written as its content, not as a link.
            out.article(a.removingUnsafeURLs())
        }
        return Data(out.bytes)
    }
}

struct JSONOutput {
    let pretty: Bool
    var bytes: [UInt8] = []
    private var depth = 0

    init(pretty: Bool) {
        self.pretty = pretty
        bytes.reserveCapacity(16 * 1024)
    }

    private init(pretty: Bool, depth: Int) {
        self.pretty = pretty
        self.depth = depth
    }

    // MARK: Structure

    private mutating func newline() {
        guard pretty else { return }
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
    }

    /// Writes `{ … }`, calling `body` to write the members with ``key(_:)``.
    mutating func object(_ body: (inout ObjectWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        // The buffer is swapped into the writer and back, never shared: a second reference
        // would make every append copy the whole output so far (quadratic; measured: 84 s to
        // write a 1 MB Markdown document as JSON, before this).
        var writer = ObjectWriter(output: JSONOutput(pretty: pretty, depth: depth))
        swap(&writer.output.bytes, &bytes)
        body(&writer)
        swap(&writer.output.bytes, &bytes)
        let members = writer.count
        depth -= 1
        if members > 0 { newline() }
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func array<S: Sequence>(_ items: S, _ element: (inout JSONOutput, S.Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        depth += 1
        var first = true
        for item in items {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            newline()
            element(&self, item)
        }
        depth -= 1
        if !first { newline() }
        bytes.append(UInt8(ascii: "]"))
    }

    struct ObjectWriter {
        var output: JSONOutput
        var count = 0

        /// Writes `"name": ` and then the value `value` writes.
        mutating func key(_ name: String, _ value: (inout JSONOutput) -> Void) {
            if count > 0 { output.bytes.append(UInt8(ascii: ",")) }
            count += 1
            output.newline()
            output.string(name)
            output.bytes.append(UInt8(ascii: ":"))
            if output.pretty { output.bytes.append(0x20) }
            value(&output)
        }

        mutating func string(_ name: String, _ s: String?) { key(name) { $0.string(s) } }
        mutating func int(_ name: String, _ n: Int) { key(name) { $0.int(n) } }
        mutating func bool(_ name: String, _ b: Bool) { key(name) { $0.bool(b) } }
        mutating func inlines(_ name: String, _ x: [Inline]) { key(name) { $0.inlines(x) } }
    }

    // MARK: Scalars

    mutating func null() { bytes += [0x6E, 0x75, 0x6C, 0x6C] }

    mutating func bool(_ b: Bool) { bytes += Array((b ? "true" : "false").utf8) }

    mutating func int(_ n: Int) { bytes += Array(String(n).utf8) }

    mutating func number(_ d: Double) {
        guard d.isFinite else { null(); return }
        if d == d.rounded(), abs(d) < 1e15 { int(Int(d)) } else { bytes += Array("\(d)".utf8) }
    }

    mutating func string(_ s: String?) {
        guard var s else { null(); return }
        bytes.append(UInt8(ascii: "\""))
        s.withUTF8 { utf8 in
            // Runs that need no escape are copied whole: byte by byte, writing JSON was 4.6% of
            // the page benchmark. The scan is a plain loop over the buffer: `enumerated()` with
            // a `where` clause cost 8 instructions a byte, the biggest part of writing a
            // scraped article's JSON (callgrind).
            var run = 0, i = 0
            let count = utf8.count
            while i < count {
                let b = utf8[i]
                if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                    escape(b)
                    run = i &+ 1
                }
                i &+= 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ b: UInt8) {
        switch b {
        case UInt8(ascii: "\""): bytes += [0x5C, 0x22]
        case UInt8(ascii: "\\"): bytes += [0x5C, 0x5C]
        case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
        case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
        case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
        case 0x08: bytes += [0x5C, UInt8(ascii: "b")]
        case 0x0C: bytes += [0x5C, UInt8(ascii: "f")]
        case 0..<0x20:
            let hex = Array("0123456789abcdef".utf8)
            bytes += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
        default: bytes.append(b)
        }
    }

    mutating func strings(_ list: [String]) { array(list) { $0.string($1) } }
}
