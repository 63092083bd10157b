import Foundation

/// A zip archive of stored (uncompressed) entries, for tests that need a hand-made book: the
/// CLI tests build books a writer would never make.
struct StoredZip {
    private var body = Data()
    private var directory = Data()
    private var count: UInt16 = 0

    mutating func add(_ path: String, _ data: Data) {
        let name = Data(path.utf8)
        let crc = Self.crc32(data)
        func header(_ signature: UInt32, central: Bool) -> Data {
            var h = Data()
            h.append(le: signature)
            if central { h.append(le: UInt16(20)) }
            h.append(le: UInt16(20)); h.append(le: UInt16(0)); h.append(le: UInt16(0))   // version, flags, stored
            h.append(le: UInt16(0)); h.append(le: UInt16(0x21))                          // 1980-01-01 00:00
            h.append(le: crc); h.append(le: UInt32(data.count)); h.append(le: UInt32(data.count))
            h.append(le: UInt16(name.count)); h.append(le: UInt16(0))
            if central {
                h.append(le: UInt16(0)); h.append(le: UInt16(0)); h.append(le: UInt16(0)); h.append(le: UInt32(0))
                h.append(le: UInt32(body.count))
            }
            return h + name
        }
        directory += header(0x0201_4B50, central: true)
        body += header(0x0403_4B50, central: false) + data
        count += 1
    }

    var data: Data {
        var end = Data()
        end.append(le: UInt32(0x0605_4B50)); end.append(le: UInt16(0)); end.append(le: UInt16(0))
        end.append(le: count); end.append(le: count)
        end.append(le: UInt32(directory.count)); end.append(le: UInt32(body.count)); end.append(le: UInt16(0))
        return body + directory + end
    }

    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
        }
        return ~crc
    }
}

private extension Data {
    mutating func append<T: FixedWidthInteger>(le value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
