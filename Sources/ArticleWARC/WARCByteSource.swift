import ArticleCore
import Foundation

/// The bytes of a WARC file, read from a descriptor with fixed buffers: as they are for `.warc`,
/// inflated member by member for `.warc.gz` (told by the gzip magic, not the name). Damaged
/// compressed data is reported once and skipped to the next gzip member.
final class WARCByteSource {
    private let fd: Int32
    private let name: String
    private var raw = [UInt8](repeating: 0, count: 64 * 1024)
    private var rawStart = 0
    private var rawEnd = 0
    private var rawAtEnd = false
    private var inflater: Inflater?
    private var decided = false
    /// Whether the inflater is between members (the last one ended).
    private var betweenMembers = false

    /// Whether the file is gzip-compressed (known once the first bytes are read).
    var isCompressed: Bool { inflater != nil }

    /// Reads `fd`, which is not closed here; `name` is for messages.
    init(fd: Int32, name: String) {
        self.fd = fd
        self.name = name
    }

    /// Fills `buffer` with the next bytes; 0 at the end. Throws for unreadable input, and (code
    /// `malformed`) for damaged compressed data, after which ``resynchronize()`` goes on.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArticleError) -> Int {
        if !decided { try decide() }
        guard let inflater else { return try readRaw(into: buffer) }
        while true {
            if rawStart == rawEnd {
                if rawAtEnd { return 0 }
                try refill()
                continue
            }
            if betweenMembers {
                // Another member follows only if it starts with the gzip magic; anything else
                // after the last member (zero padding) ends the file.
                if rawEnd - rawStart < 2 && !rawAtEnd { try refill(keeping: true); continue }
                guard raw[rawStart] == 0x1F, rawStart + 1 < rawEnd, raw[rawStart + 1] == 0x8B else { return 0 }
                inflater.reset()
                betweenMembers = false
            }
            let step = try inflater.inflating(raw, rawStart..<rawEnd, into: buffer).get()
            rawStart += step.consumed
            if step.ended { betweenMembers = true }
            if step.produced > 0 { return step.produced }
            if step.consumed == 0 && !step.ended {
                if rawAtEnd { throw ArticleError(.malformed, "the file ends inside a gzip member (truncated)", file: name) }
                try refill(keeping: true)
            }
        }
    }

    /// After damaged compressed data: skips to the next gzip member's magic bytes (1f 8b 08).
    func resynchronize() throws(ArticleError) {
        // Between members (the broken record's member ended whole), the next member is next.
        guard inflater != nil, !betweenMembers else { return }
        // Past the byte the damage was met at first: when a member is damaged from its first
        // block, nothing of it was consumed and its own magic bytes are next, which would be
        // found again, inflated again and fail again, for ever.
        if rawStart < rawEnd { rawStart += 1 }
        while true {
            while rawStart + 2 < rawEnd {
                if raw[rawStart] == 0x1F && raw[rawStart + 1] == 0x8B && raw[rawStart + 2] == 0x08 {
                    betweenMembers = true
                    return
                }
                rawStart += 1
            }
            if rawAtEnd { rawStart = rawEnd; return }
            try refill(keeping: true)
        }
    }

    private func decide() throws(ArticleError) {
        decided = true
        try refill()
        if rawEnd - rawStart >= 2, raw[rawStart] == 0x1F, raw[rawStart + 1] == 0x8B {
            inflater = try Inflater(gzip: true)
        }
    }

    private func readRaw(into buffer: UnsafeMutableRawBufferPointer) throws(ArticleError) -> Int {
        if rawStart == rawEnd {
            if rawAtEnd { return 0 }
            try refill()
            if rawStart == rawEnd { return 0 }
        }
        let n = min(buffer.count, rawEnd - rawStart)
        raw.withUnsafeBytes { r in
            if let src = r.baseAddress, let dst = buffer.baseAddress { dst.copyMemory(from: src + rawStart, byteCount: n) }
        }
        rawStart += n
        return n
    }

    /// Reads more input; `keeping` moves the unread bytes to the front first.
    private func refill(keeping: Bool = false) throws(ArticleError) {
        if keeping && rawStart < rawEnd {
            let rest = rawEnd - rawStart
            raw.withUnsafeMutableBytes { r in
                if let base = r.baseAddress { base.copyMemory(from: base + rawStart, byteCount: rest) }
            }
            rawEnd = rest
        } else {
            rawEnd = 0
        }
        rawStart = 0
        while !rawAtEnd && rawEnd < raw.count {
            let n = raw.withUnsafeMutableBytes { r in r.baseAddress.map { Foundation.read(fd, $0 + rawEnd, r.count - rawEnd) } ?? 0 }
            if n < 0 {
                if errno == EINTR { continue }
                throw ArticleError(.io, "cannot read the file (\(String(cString: strerror(errno)).lowercased()))", file: name)
            }
            if n == 0 { rawAtEnd = true }
            rawEnd += n
            if n > 0 { break }
        }
    }
}
