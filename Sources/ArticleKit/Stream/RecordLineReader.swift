import Foundation

/// Reads lines from a file descriptor with a fixed buffer: memory stays at the longest line
/// allowed, however long the stream. A line longer than the limit is reported by its length and
/// skipped to its end, never held.
struct RecordLineReader {
    /// One line of the stream.
    enum Line {
        /// A line's bytes, without its newline (nor a carriage return before it).
        case text(Data)
        /// A line longer than the limit, skipped; its length in bytes.
        case tooLong(Int)
    }

    private let fd: Int32
    private let limit: Int
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var atEnd = false
    private let name: String

    /// Reads `fd` (not closed here); lines of more than `limit` bytes are skipped.
    init(fd: Int32, limit: Int, name: String) {
        self.fd = fd
        self.limit = max(limit, 1)
        self.name = name
        buffer = [UInt8](repeating: 0, count: 64 * 1024)
    }

    /// The next line, or nil at the end of the stream. A last line without a newline counts.
    mutating func next() throws(ArticleError) -> Line? {
        var skipped = 0
        var line = Data()
        while true {
            if let nl = buffer[start..<end].firstIndex(of: 0x0A) {
                let piece = start..<nl
                start = nl + 1
                if skipped > 0 || line.count + piece.count > limit { return .tooLong(skipped + line.count + piece.count) }
                line.append(contentsOf: buffer[piece])
                if line.last == 0x0D { line.removeLast() }
                return .text(line)
            }
            // No newline in the buffer: keep what there is (or count it, once past the limit).
            let rest = end - start
            if skipped > 0 || line.count + rest > limit {
                skipped += line.count + rest
                line = Data()
            } else {
                line.append(contentsOf: buffer[start..<end])
            }
            start = 0
            end = 0
            if atEnd {
                if skipped > 0 { return .tooLong(skipped) }
                if line.isEmpty { return nil }
                if line.last == 0x0D { line.removeLast() }
                return .text(line)
            }
            let n = try fill()
            if n == 0 { atEnd = true }
        }
    }

    private mutating func fill() throws(ArticleError) -> Int {
        while true {
            let n = buffer.withUnsafeMutableBytes { raw in raw.baseAddress.map { read(fd, $0, raw.count) } ?? 0 }
            if n < 0 {
                if errno == EINTR { continue }
                throw ArticleError(.io, "cannot read the input (\(ReaderInput.reason(errno: errno)))", file: name)
            }
            end = n
            return n
        }
    }
}
