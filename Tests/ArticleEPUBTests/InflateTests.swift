@testable import ArticleEPUB
import Foundation
import Testing
import ZIPFoundation

/// The bounded inflate loop the EPUB reader unpacks entries with (ZIPFoundation's own loop spun
/// for ever on a stream that does not end inside its entry).
@Suite struct InflateTests {
    static let text = Data(String(repeating: "Câu chuyện thứ nhất. The first story, told again. ", count: 2_000).utf8)

    static func deflated(_ data: Data) throws -> Data {
        var out = Data()
        _ = try Data.compress(size: Int64(data.count), bufferSize: 16 * 1024, provider: { position, size in
            data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
        }, consumer: { out.append($0) })
        return out
    }

    static func inflate(_ packed: Data, stopAfter limit: Int = .max) -> (Bool?, Data) {
        var out = Data()
        let result = packed.withUnsafeBytes { raw in
            Inflate.raw(raw) { chunk in
                out.append(contentsOf: chunk)
                return out.count <= limit
            }
        }
        return (result, out)
    }

    @Test func aWholeStreamUnpacksExactly() throws {
        let (ended, out) = Self.inflate(try Self.deflated(Self.text))
        #expect(ended == true)
        #expect(out == Self.text)
        #expect(Inflate.checksum(out) == Self.text.crc32(checksum: 0))
    }

    @Test func aStreamCutShortStopsAtItsLastByteWithLess() throws {
        let packed = try Self.deflated(Self.text)
        let (ended, out) = Self.inflate(packed.prefix(packed.count / 2))
        // The input ran out: the loop ends (the reader then refuses the entry for its size and CRC).
        #expect(ended == true)
        #expect(out.count < Self.text.count)
        #expect(Self.text.starts(with: out))
    }

    @Test func garbageIsDamaged() {
        let (ended, _) = Self.inflate(Data(repeating: 0xFF, count: 4_096))
        #expect(ended == nil)
    }

    @Test func theConsumerCanStopIt() throws {
        let (ended, out) = Self.inflate(try Self.deflated(Self.text), stopAfter: 1_000)
        #expect(ended == false)
        #expect(out.count < Self.text.count)
    }
}
