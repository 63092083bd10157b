import ArticleCore
import Foundation

/// Lines and counted blocks over a ``WARCByteSource``, through one fixed buffer.
final class WARCBufferedInput {
    private let source: WARCByteSource
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    private var start = 0
    private var end = 0
    private(set) var atEnd = false

    /// Whether the file is gzip-compressed, member by member.
    var isCompressed: Bool { source.isCompressed }

    init(source: WARCByteSource) {
        self.source = source
    }

    /// Throws away what is buffered and has the source skip to its next gzip member.
    func resynchronize() throws(ArticleError) {
        guard source.isCompressed else { return }
        start = 0
        end = 0
        atEnd = false
        try source.resynchronize()
    }

    private func fill() throws(ArticleError) -> Bool {
        if start < end { return true }
        if atEnd { return false }
        start = 0
        end = 0
        let source = self.source
        let n = try buffer.withUnsafeMutableBytes { b in Result { () throws(ArticleError) -> Int in try source.read(into: b) } }.get()
        if n == 0 { atEnd = true; return false }
        end = n
        return true
    }

    /// The next line without its LF (or CRLF); nil at the end of the input. A line longer than
    /// `limit` throws.
    func line(limit: Int) throws(ArticleError) -> Data? {
        var line = Data()
        var tooLong = false
        while try fill() {
            if let nl = buffer[start..<end].firstIndex(of: 0x0A) {
                tooLong = tooLong || line.count + (nl - start) > limit
                if !tooLong { line.append(contentsOf: buffer[start..<nl]) }
                start = nl + 1
                // A line past the limit is read to its end, not held, then refused.
                if tooLong { throw Self.longLine(limit) }
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            tooLong = tooLong || line.count + (end - start) > limit
            if tooLong { line = Data() } else { line.append(contentsOf: buffer[start..<end]) }
            start = end
        }
        if tooLong { throw Self.longLine(limit) }
        return line.isEmpty ? nil : line
    }

    private static func longLine(_ limit: Int) -> ArticleError {
        ArticleError(.limitExceeded, "a header line is longer than \(limit) bytes")
    }

    /// Exactly `count` bytes; throws when the input ends first. What is not buffered already is
    /// read (inflated) by the source straight into the result, not through the buffer: a
    /// record's block was copied twice, and the result grown by appending. The result's memory
    /// is not zeroed first either (it is all written before it is handed out).
    func bytes(_ count: Int) throws(ArticleError) -> Data {
        guard count > 0 else { return Data() }
        guard let memory = malloc(count) else { throw ArticleError(.limitExceeded, "out of memory for a \(count)-byte record") }
        let out = UnsafeMutableRawBufferPointer(start: memory, count: count)
        let buffered = min(count, end - start)
        if buffered > 0 {
            buffer.withUnsafeBytes { b in
                if let src = b.baseAddress { memory.copyMemory(from: src + start, byteCount: buffered) }
            }
            start += buffered
        }
        var filled = buffered
        while filled < count {
            let n: Int
            do throws(ArticleError) {
                if atEnd { throw Self.truncated }
                n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: out[filled..<count]))
                if n == 0 { atEnd = true; throw Self.truncated }
            } catch {
                free(memory)
                throw error
            }
            filled += n
        }
        return Data(bytesNoCopy: memory, count: count, deallocator: .free)
    }

    /// Skips `count` bytes without holding them; throws when the input ends first.
    func skip(_ count: Int) throws(ArticleError) {
        var left = count
        while left > 0 {
            guard try fill() else { throw Self.truncated }
            let n = min(left, end - start)
            start += n
            left -= n
        }
    }

    static let truncated = ArticleError(.malformed, "the file ends inside the record (truncated)")
}
