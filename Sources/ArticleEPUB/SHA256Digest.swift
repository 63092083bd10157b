import Crypto
import Foundation

/// SHA-256, for the book identifier derived from the content and for finding identical images:
/// swift-crypto's (BoringSSL's assembly on Linux). The hand-written one this replaced took 180
/// instructions a byte, 70 million for a 400 KB photo, hashed twice a book (callgrind): a paper of
/// 100 news photos spent two seconds of CPU time in it.
struct SHA256Digest {
    private var hasher = SHA256()

    /// Adds bytes to the digest.
    mutating func update<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        if done == nil { hasher.update(data: Array(bytes)) }
    }

    /// Adds bytes to the digest.
    mutating func update(_ data: Data) {
        hasher.update(data: data)
    }

    /// Adds a string's UTF-8 bytes and a separator, so that ("ab","c") and ("a","bc") differ.
    mutating func update(field s: String) {
        var s = s
        s.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        hasher.update(data: [UInt8(0)])
    }

    /// The 32-byte digest.
    func finalize() -> [UInt8] {
        Array(hasher.finalize())
    }

    /// A `urn:uuid:` made from the first 16 bytes of a digest, marked as a name-based UUID
    /// (version 5 layout, RFC 9562), so it is a well-formed UUID.
    static func uuidURN(_ digest: [UInt8]) -> String {
        var b = Array(digest.prefix(16))
        b[6] = (b[6] & 0x0F) | 0x50
        b[8] = (b[8] & 0x3F) | 0x80
        let hex = b.map { byte -> String in
            let s = String(byte, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
        let h = Array(hex)
        return "urn:uuid:" + String(h[0..<8]) + "-" + String(h[8..<12]) + "-" + String(h[12..<16]) + "-"
            + String(h[16..<20]) + "-" + String(h[20..<32])
    }
}
