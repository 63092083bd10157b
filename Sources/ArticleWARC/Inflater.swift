import ArticleCore
import CArticleZlib
import Foundation

/// zlib's inflate over a byte stream: gzip (any number of members, one after another, as a
/// `.warc.gz` holds one record a member) or zlib/raw deflate data, with a cap on what it may
/// produce.
final class Inflater {
    private var stream = z_stream()
    private var open = false

    /// Starts a decoder: `gzip` for gzip members, else zlib or (when `raw`) raw deflate.
    init(gzip: Bool, raw: Bool = false) throws(ArticleError) {
        let bits: Int32 = gzip ? 15 + 16 : (raw ? -15 : 15 + 32)
        guard czlib_inflate_init(&stream, bits) == Z_OK else {
            throw ArticleError(.io, "cannot start the gzip decoder (out of memory)")
        }
        open = true
    }

    deinit { if open { inflateEnd(&stream) } }

    /// Starts the next member.
    func reset() { inflateReset(&stream) }

    /// What one call to ``inflate(_:into:)`` did.
    struct Step {
        /// Input bytes used.
        var consumed: Int
        /// Output bytes written.
        var produced: Int
        /// Whether a member (or the whole zlib stream) ended.
        var ended: Bool
    }

    /// Inflates from `input` into `output`; throws for damaged data.
    func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(ArticleError) -> Step {
        guard let inBase = input.baseAddress, let outBase = output.baseAddress else {
            return Step(consumed: 0, produced: 0, ended: false)
        }
        stream.next_in = UnsafeMutablePointer(mutating: inBase.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(clamping: input.count)
        stream.next_out = outBase.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(clamping: output.count)
        let status = zlib.inflate(&stream, Z_NO_FLUSH)
        let consumed = input.count - Int(stream.avail_in)
        let produced = output.count - Int(stream.avail_out)
        stream.next_in = nil
        stream.next_out = nil
        switch status {
        case Z_OK, Z_BUF_ERROR: return Step(consumed: consumed, produced: produced, ended: false)
        case Z_STREAM_END: return Step(consumed: consumed, produced: produced, ended: true)
        default: throw ArticleError(.malformed, "damaged compressed data (\(Self.message(status)))")
        }
    }

    private static func message(_ status: Int32) -> String {
        switch status {
        case Z_DATA_ERROR: return "not valid deflate data"
        case Z_MEM_ERROR: return "out of memory"
        case Z_NEED_DICT: return "needs a preset dictionary"
        default: return "zlib error \(status)"
        }
    }

    /// ``inflate(_:into:)`` on a range of `input`, its failure as a value (the pointer methods
    /// of arrays do not carry a typed error through).
    func inflating(_ input: [UInt8], _ range: Range<Int>, into output: UnsafeMutableRawBufferPointer) -> Result<Step, ArticleError> {
        input.withUnsafeBytes { i in
            Result { () throws(ArticleError) -> Step in try inflate(UnsafeRawBufferPointer(rebasing: i[range]), into: output) }
        }
    }

    /// Inflates a whole body held in memory (an HTTP `Content-Encoding: gzip` or `deflate`
    /// payload), refusing more than `limit` bytes of output: a bomb stops at the limit.
    static func inflate(_ data: Data, gzip: Bool, limit: Int) throws(ArticleError) -> Data {
        let decoder = try Inflater(gzip: gzip)
        var out = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let input = [UInt8](data)
        var offset = 0
        while true {
            let step = try chunk.withUnsafeMutableBytes { o in decoder.inflating(input, offset..<input.count, into: o) }.get()
            offset += step.consumed
            if out.count + step.produced > limit {
                throw ArticleError(.limitExceeded, "the page inflates to more than \(limit) bytes (the limit)")
            }
            out.append(contentsOf: chunk[0..<step.produced])
            if step.ended { return out }
            if step.consumed == 0 && step.produced == 0 {
                throw ArticleError(.malformed, "the compressed page is cut short")
            }
        }
    }
}

/// `zlib.inflate` without the class's own method in the way.
private enum zlib {
    static func inflate(_ stream: UnsafeMutablePointer<z_stream>, _ flush: Int32) -> Int32 { CArticleZlib.inflate(stream, flush) }
}
