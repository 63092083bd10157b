import ArticleCore
import Foundation

/// The MS-DOS date and time of a zip entry, computed from a UTC date by arithmetic alone, for
/// every header ``ZipWriter`` writes.
///
/// Not gmtime(3), as ZIPFoundation (0.9.20, `Date.fileModificationDate`) converts dates: its
/// result lives in one buffer shared by the whole process, and books zipped at the same time on
/// two threads overwrote each other's broken-down time (a book dated 1980-01-01 00:00 came out
/// as 1980-01-01 01:30 or 2011-01-01, 1 to 3 books in a parallel batch of 4,000). The values are
/// clamped to 1980–2099 as ZIPFoundation clamps them.
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
}
