import ArticleCore
import ArticleWARC
import Foundation
import Testing

@Suite struct WARCReaderTests {
    func events(_ data: Data, limits: WARCLimits = WARCLimits()) throws -> [(Int, WARCEvent)] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("warc-\(UUID().uuidString).warc.gz")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let fd = open(url.path, O_RDONLY)
        defer { close(fd) }
        var reader = WARCReader(fd: fd, name: "crawl.warc.gz", limits: limits)
        var out: [(Int, WARCEvent)] = []
        while let e = reader.next() { out.append(e) }
        return out
    }

    func pages(_ events: [(Int, WARCEvent)]) -> [WARCPage] {
        events.compactMap { if case .page(let p) = $0.1 { return p } else { return nil } }
    }

    /// A crawl as warcio writes one: warcinfo, then request and response pairs, one gzip member
    /// each; chunked, gzip-encoded and legacy-charset pages among them.
    func crawl() throws -> [Data] {
        let latin1 = Data("<html><head><title>Caf\u{E9} news</title></head><body><p>Un caf\u{E9} cr\u{E8}me.</p></body></html>".data(using: .isoLatin1) ?? Data())
        return [
            WARCFixture.record(type: "warcinfo", uri: nil, contentType: "application/warc-fields", block: Data("software: test\r\n".utf8)),
            WARCFixture.record(type: "request", contentType: "application/http; msgtype=request", block: Data("GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n".utf8)),
            WARCFixture.record(type: "response", uri: "https://news.example/a", block: WARCFixture.http(WARCFixture.page("Plain page"))),
            WARCFixture.record(type: "response", uri: "https://news.example/b", block: WARCFixture.http(
                WARCFixture.chunked(try WARCFixture.gzip(WARCFixture.page("Chunked and gzipped"))),
                headers: ["Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip"])),
            WARCFixture.record(type: "response", uri: "https://news.example/c", block: WARCFixture.http(latin1, headers: ["Content-Type: text/html; charset=ISO-8859-1"])),
            WARCFixture.record(type: "response", uri: "https://news.example/logo.png", block: WARCFixture.http(Data([0x89, 0x50]), headers: ["Content-Type: image/png"])),
            WARCFixture.record(type: "response", uri: "https://news.example/gone", block: WARCFixture.http(Data(), status: "404 Not Found")),
        ]
    }

    @Test func pagesComeOutDecodedAndOtherRecordsAreSkipped() throws {
        let members = try crawl().map(WARCFixture.gzip)
        let all = try events(members.reduce(Data(), +))
        #expect(all.map(\.0) == Array(1...7), "every record is numbered")
        let p = pages(all)
        #expect(p.map(\.targetURI) == ["https://news.example/a", "https://news.example/b", "https://news.example/c"])
        #expect(String(decoding: p[1].body, as: UTF8.self).contains("<h1>Chunked and gzipped</h1>"))
        #expect(p[2].charset == "ISO-8859-1" && p[2].mediaType == "text/html")
        #expect(p[0].date == "2024-05-01T10:00:00Z" && p[0].recordID?.hasPrefix("<urn:uuid:") == true)
        #expect(all.filter { if case .skipped = $0.1 { return true } else { return false } }.count == 4)
    }

    @Test func anUncompressedWARCReadsTheSame() throws {
        let all = try events(try crawl().reduce(Data(), +))
        #expect(pages(all).count == 3 && all.count == 7)
    }

    @Test func aBrokenRecordIsReportedAndTheNextOneRead() throws {
        var records = try crawl()
        records.insert(WARCFixture.record(type: "response", length: "12x", block: Data("whatever".utf8)), at: 3)
        records.insert(WARCFixture.record(type: "response", block: Data("no http here".utf8)), at: 4)
        let all = try events(records.map(WARCFixture.gzip).reduce(Data(), +))
        let broken = all.filter { if case .broken = $0.1 { return true } else { return false } }
        #expect(broken.count == 2)
        #expect(pages(all).count == 3, "the pages after the broken records are read")
    }

    @Test(.timeLimit(.minutes(1)))
    func damagedCompressedDataSkipsToTheNextMember() throws {
        var members = try crawl().map(WARCFixture.gzip)
        var damaged = members[2]
        for i in 20..<min(60, damaged.count - 10) { damaged[i] ^= 0x5A }
        members[2] = damaged
        let all = try events(members.reduce(Data(), +))
        let broken = all.filter { if case .broken = $0.1 { return true } else { return false } }
        #expect(broken.count >= 1)
        #expect(pages(all).map(\.targetURI).contains("https://news.example/c"), "reading goes on after the damage")
    }

    @Test func aTruncatedFileEndsWithAnErrorNotACrash() throws {
        let whole = try crawl().map(WARCFixture.gzip).reduce(Data(), +)
        for cut in [whole.count / 3, whole.count / 2, whole.count - 7] {
            let all = try events(whole.prefix(cut))
            #expect(all.count >= 1)
        }
        let plain = try crawl().reduce(Data(), +)
        let all = try events(plain.prefix(plain.count - 40))
        if case .broken = all.last?.1 {} else { Issue.record("a record cut short is reported") }
    }

    @Test func sizesPastTheLimitsAreRefusedWithoutBeingHeld() throws {
        var limits = WARCLimits()
        limits.recordBytes = 120
        limits.pageBytes = 120
        let all = try events(try crawl().map(WARCFixture.gzip).reduce(Data(), +), limits: limits)
        #expect(pages(all).isEmpty)
        let broken = all.compactMap { if case .broken(let e, _) = $0.1 { return e } else { return nil } }
        #expect(broken.count == 3 && broken.allSatisfy { $0.code == .limitExceeded })
        // A Content-Length too large to hold in any integer is a broken record, not a trap.
        let huge = WARCFixture.record(type: "response", length: "99999999999999999999999", block: Data())
        let h = try events(huge + (try crawl()[2]))
        if case .broken = h.first?.1 {} else { Issue.record("a huge length is refused") }
    }
}
