import ArticleCore
import Foundation

/// The MS-DOS date and time of a zip entry, computed from a UTC date by arithmetic alone, and
/// written into every header of an assembled zip.
///
/// ZIPFoundation (0.9.20, `Date.fileModificationDate`) converts an entry's `Date` with gmtime(3),
/// whose result lives in one buffer shared by the whole process: books zipped at the same time on
/// two threads overwrite each other's broken-down time between the reads of the year and of the
/// hour, and a book dated 1980-01-01 00:00 came out as 1980-01-01 01:30 or 2011-01-01 (1 to 3
/// books in a parallel batch of 4,000). So the fields are written again, after ZIPFoundation has
/// assembled the archive, from the book's own date and nothing shared. The headers are not
/// covered by any checksum, and the values are the ones ZIPFoundation means to write (the same
/// clamping to 1980–2099), so a book zipped without a race keeps its bytes.
struct ZipTimestamp: Equatable {
    /// Day, month and year since 1980, in the DOS packing.
    var date: UInt16
    /// Two-second units, minutes and hours, in the DOS packing.
    var time: UInt16

    /// 1980-01-01 00:00:00, the earliest time a zip header can hold.
    static let earliest = ZipTimestamp(date: 1 | 1 << 5, time: 0)

    init(date: UInt16, time: UInt16) {
        self.date = date
        self.time = time
    }

    /// The fields for `moment`, taken in UTC; times before 1980 become 1980-01-01 00:00 and years
    /// after 2099 become 2099, as ZIPFoundation clamps them.
    init(_ moment: ArticleDate) {
        // Normalised to UTC by the seconds count, which ArticleDate computes without a calendar.
        let utc = ArticleDate(secondsSince1970: moment.secondsSince1970)
        guard utc.year >= 1980 else {
            self = Self.earliest
            return
        }
        let year = min(utc.year, 2099) - 1980
        date = UInt16(truncatingIfNeeded: utc.day | utc.month << 5 | year << 9)
        time = UInt16(truncatingIfNeeded: utc.second / 2 | utc.minute << 5 | utc.hour << 11)
    }

    /// Writes the fields into every local and central-directory header of `zip`, a zip this
    /// module has just assembled (no zip64, no archive comment).
    func stamp(_ zip: inout Data) throws(ArticleError) {
        let ok = zip.withUnsafeMutableBytes { raw -> Bool in
            let n = raw.count
            func u16(_ i: Int) -> Int? { i >= 0 && i + 2 <= n ? Int(raw[i]) | Int(raw[i + 1]) << 8 : nil }
            func u32(_ i: Int) -> Int? {
                guard i >= 0, i + 4 <= n else { return nil }
                return Int(raw[i]) | Int(raw[i + 1]) << 8 | Int(raw[i + 2]) << 16 | Int(raw[i + 3]) << 24
            }
            func put(_ value: UInt16, at i: Int) {
                raw[i] = UInt8(truncatingIfNeeded: value)
                raw[i + 1] = UInt8(truncatingIfNeeded: value >> 8)
            }
            // Without an archive comment, the end-of-central-directory record is the last 22 bytes.
            let eocd = n - 22
            guard u32(eocd) == 0x0605_4B50, let count = u16(eocd + 10), let cdOffset = u32(eocd + 16) else { return false }
            var p = cdOffset
            for _ in 0..<count {
                guard u32(p) == 0x0201_4B50, let nameLength = u16(p + 28), let extraLength = u16(p + 30),
                      let commentLength = u16(p + 32), let local = u32(p + 42), u32(local) == 0x0403_4B50,
                      local + 14 <= n, p + 16 <= n else { return false }
                put(time, at: p + 12)
                put(date, at: p + 14)
                put(time, at: local + 10)
                put(date, at: local + 12)
                p += 46 + nameLength + extraLength + commentLength
            }
            return true
        }
        if !ok { throw ArticleError(.io, "the EPUB could not be assembled (its zip directory is not where it should be)") }
    }
}
