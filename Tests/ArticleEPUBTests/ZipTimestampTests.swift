import ArticleCore
@testable import ArticleEPUB
import Foundation
import Synchronization
import Testing

/// The zip headers' dates: the same for the same book, whichever thread zips it and whatever
/// other books are zipped at the same time.
@Suite struct ZipTimestampTests {
    @Test func dosFieldsComeFromTheUTCDate() throws {
        // 2011-01-01 01:30:00 UTC: day 1, month 1, 31 years after 1980; 1 h, 30 min, 0 s.
        let a = ZipTimestamp(try #require(ArticleDate(iso8601: "2011-01-01T01:30:00Z")))
        #expect(a == ZipTimestamp(date: 1 | 1 << 5 | 31 << 9, time: 0 | 30 << 5 | 1 << 11))
        // An offset is taken out first: 08:30+07:00 is 01:30 UTC.
        let b = ZipTimestamp(try #require(ArticleDate(iso8601: "2011-01-01T08:30:00+07:00")))
        #expect(b == a)
        // Seconds are counted in twos; the last day of the DOS range stays in range.
        let c = ZipTimestamp(try #require(ArticleDate(iso8601: "2099-12-31T23:59:59Z")))
        #expect(c == ZipTimestamp(date: 31 | 12 << 5 | 119 << 9, time: 29 | 59 << 5 | 23 << 11))
        // Before 1980 the earliest zip time; after 2099 the year is held at 2099.
        #expect(ZipTimestamp(try #require(ArticleDate(iso8601: "1970-06-01T12:00:00Z"))) == ZipTimestamp(date: 1 | 1 << 5, time: 0))
        #expect(ZipTimestamp(try #require(ArticleDate(iso8601: "2150-03-04T00:00:00Z"))).date == 4 | 3 << 5 | 119 << 9)
    }

    /// Many books with different dates zipped at once on many threads: every entry of every book
    /// carries its own book's date (ZIPFoundation's gmtime(3) buffer, shared by all threads,
    /// gave some entries another book's date or hour).
    @Test func booksZippedInParallelKeepTheirOwnDates() throws {
        let threads = 12, perThread = 150
        let wrong = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for i in 0..<perThread {
                let n = t * perThread + i
                var article = Fixtures.article(title: "Book \(n)", resources: [])
                article.blocks = [.paragraph([.text("Paragraph \(n).")])]
                article.resources = []
                let date = ArticleDate(year: 1981 + n % 100, month: 1 + n % 12, day: 1 + n % 28, hour: n % 24,
                                       minute: n % 60, second: n % 60, utcOffsetMinutes: 0)
                article.metadata.published = date
                var context = ConversionContext()
                do {
                    let data = try EPUBWriter().write([article], context: &context, sourceDateEpoch: nil)
                    let expected = date.map(ZipTimestamp.init)
                    for found in ZipHeaders.timestamps(data) where found != expected {
                        wrong.withLock { $0.append("book \(n): \(found) instead of \(String(describing: expected))") }
                    }
                } catch {
                    wrong.withLock { $0.append("book \(n): \(error)") }
                }
            }
        }
        let problems = wrong.withLock { $0 }
        #expect(problems.isEmpty, "\(problems.count) entries: \(problems.prefix(5))")
    }
}

/// Reads the DOS date and time of every central-directory header of a zip and of the local
/// header each names, the way an unzip tool finds them.
enum ZipHeaders {
    static func timestamps(_ data: Data) -> [ZipTimestamp] {
        let b = [UInt8](data)
        func u16(_ i: Int) -> Int { i >= 0 && i + 2 <= b.count ? Int(b[i]) | Int(b[i + 1]) << 8 : 0 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        func stamp(_ at: Int) -> ZipTimestamp { ZipTimestamp(date: UInt16(u16(at + 2)), time: UInt16(u16(at))) }
        let eocd = b.count - 22
        guard u32(eocd) == 0x0605_4B50 else { return [ZipTimestamp(date: 0, time: 0)] }
        var found: [ZipTimestamp] = []
        var p = u32(eocd + 16)
        for _ in 0..<u16(eocd + 10) {
            guard u32(p) == 0x0201_4B50, u32(u32(p + 42)) == 0x0403_4B50 else { return found + [ZipTimestamp(date: 0, time: 0)] }
            found.append(stamp(p + 12))
            found.append(stamp(u32(p + 42) + 10))
            p += 46 + u16(p + 28) + u16(p + 30) + u16(p + 32)
        }
        return found
    }
}
