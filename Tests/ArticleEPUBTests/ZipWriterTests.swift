@testable import ArticleEPUB
import ArticleCore
import Foundation
import Testing
import ZIPFoundation

/// The zip writer the EPUB writer uses: every entry comes back byte for byte through
/// ZIPFoundation (another implementation) and through the book reader's own archive code, for
/// entries of every size class its stream sizing distinguishes.
@Suite struct ZipWriterTests {
    static func entries() -> [ZipWriter.Entry] {
        var rng = SystemRandomNumberGenerator()
        let noise = Data((0..<5_000).map { _ in UInt8.random(in: 0...255, using: &rng) })
        let prose = Data(String(repeating: "Câu chuyện thứ nhất. The first story, told again. ", count: 3_000).utf8)
        return [
            .init(path: "mimetype", data: Data("application/epub+zip".utf8), compress: false),
            .init(path: "empty.txt", data: Data(), compress: true),
            .init(path: "one.txt", data: Data("x".utf8), compress: true),
            .init(path: "EPUB/small.xhtml", data: Data(String(repeating: "<p>a</p>", count: 40).utf8), compress: true),
            .init(path: "EPUB/noise.bin", data: noise, compress: true),  // stored: deflate does not shrink it
            .init(path: "EPUB/big.xhtml", data: prose, compress: true),  // over the largest window
            .init(path: "EPUB/ünïcode.txt", data: Data("名前".utf8), compress: true),
            .init(path: "EPUB/photo.jpg", data: noise.prefix(700), compress: false),
        ]
    }

    static func zipped(_ entries: [ZipWriter.Entry], date: String = "2024-03-12T09:30:00Z") throws -> Data {
        var zip = ZipWriter(timestamp: ZipTimestamp(try #require(ArticleDate(iso8601: date))))
        for e in entries { try zip.add(e) }
        return try zip.finished()
    }

    @Test func everyEntryComesBackThroughZIPFoundation() throws {
        let entries = Self.entries()
        let data = try Self.zipped(entries)
        let archive = try Archive(data: data, accessMode: .read)
        let names = archive.map(\.path)
        #expect(names == entries.map(\.path))  // in the order given: mimetype first
        for e in entries {
            let entry = try #require(archive[e.path])
            var out = Data()
            _ = try archive.extract(entry, skipCRC32: false) { out.append($0) }
            #expect(out == e.data, "\(e.path)")
            #expect(entry.checksum == Inflate.checksum(e.data))
        }
        #expect(archive["EPUB/noise.bin"]?.compressedSize == UInt64(5_000))
        #expect((archive["EPUB/big.xhtml"]?.compressedSize ?? .max) < UInt64(entries[5].data.count / 10))
    }

    @Test func theBookReaderReadsItAndTheDatesAreTheBooks() throws {
        let entries = Self.entries()
        let data = try Self.zipped(entries)
        let archive = try EPUBArchive(data: data, name: "t.epub", limits: EPUBArchiveLimits())
        for e in entries { #expect(try archive.data(e.path) == e.data, "\(e.path)") }
        let stamp = ZipTimestamp(try #require(ArticleDate(iso8601: "2024-03-12T09:30:00Z")))
        #expect(ZipHeaders.timestamps(data).allSatisfy { $0 == stamp })
        // The same entries give the same bytes.
        #expect(try Self.zipped(entries) == data)
    }
}
