import Foundation

/// Remembers, in the output folder, which ArticleKit version and options made its outputs, so a
/// rerun skips the outputs that are newer than their inputs, and redoes everything when the
/// version or the options changed.
struct RerunStamp: Codable, Equatable {
    static let fileName = ".articlekit-batch.json"

    var version: String
    var options: String
    /// Outputs older than this were made by other options or another version.
    var validSince: Double

    /// Loads the stamp, replacing it when the version or options differ. Returns the time since
    /// which outputs count as made by this configuration: the stamp file's own modification
    /// time, so that outputs and stamp are timed by the same clock. (The file system stamps files
    /// with a coarse clock, a few milliseconds behind `Date()`: an output written just after a
    /// stamp timed by `Date()` could look older than it, and a quick rerun redid it; a test
    /// caught this under load.)
    static func prepare(in dir: URL, options: String) throws(ArticleError) -> Date {
        let url = dir.appendingPathComponent(fileName)
        if let data = try? Data(contentsOf: url), let old = try? JSONDecoder().decode(RerunStamp.self, from: data),
           old.version == ArticleKitVersion.current, old.options == options {
            return modificationDate(url) ?? Date(timeIntervalSince1970: old.validSince)
        }
        let now = Date()
        let stamp = RerunStamp(version: ArticleKitVersion.current, options: options, validSince: now.timeIntervalSince1970)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(stamp) else { return now }
        try OutputFile.write(data, to: url)
        return modificationDate(url) ?? now
    }

    static func modificationDate(_ url: URL) -> Date? {
        BatchConverter.modified(url.path).map { Date(timeIntervalSince1970: $0) }
    }
}
