import Foundation

/// Remembers, in the output folder, which ArticleKit version and options made its outputs, so a
/// rerun skips the outputs that are newer than their inputs, and redoes everything when the
/// version or the options changed.
///
/// The file is `.articlekit-stamp`, named like no output (it was `.articlekit-batch.json`, which
/// `find out -name '*.json'` counted as one). A folder with the old name is renamed on the next
/// run, which keeps its time, so outputs it vouched for still count as up to date.
struct RerunStamp: Codable, Equatable {
    static let fileName = ".articlekit-stamp"
    /// The earlier name: still recognised, and renamed to `fileName` when met.
    static let legacyFileName = ".articlekit-batch.json"

    var version: String
    var options: String
    /// Outputs older than this were made by other options or another version.
    var validSince: Double

    /// The stamp of one run: the time since which outputs count, and whether this run wrote it.
    struct Session {
        /// Outputs older than this are redone.
        var validSince: Date
        /// The stamp file, when this run created or replaced it.
        var created: URL?

        /// Removes a stamp this run created when it wrote no output: a stamp vouches for outputs,
        /// and is not left in a folder where nothing was converted.
        func finish(convertedAny: Bool) {
            if let created, !convertedAny { unlink(created.path) }
        }
    }

    /// Loads the stamp, replacing it when the version or options differ. Returns the time since
    /// which outputs count as made by this configuration: the stamp file's own modification
    /// time, so that outputs and stamp are timed by the same clock. (The file system stamps files
    /// with a coarse clock, a few milliseconds behind `Date()`: an output written just after a
    /// stamp timed by `Date()` could look older than it, and a quick rerun redid it; a test
    /// caught this under load.)
    static func prepare(in dir: URL, options: String) throws(ArticleError) -> Session {
        let url = dir.appendingPathComponent(fileName)
        let legacy = dir.appendingPathComponent(legacyFileName)
        if isRegularFile(legacy) {
            // rename(2) keeps the modification time the outputs are compared with.
            if isRegularFile(url) { unlink(legacy.path) } else { rename(legacy.path, url.path) }
        }
        if isRegularFile(url), let data = try? Data(contentsOf: url), let old = try? JSONDecoder().decode(RerunStamp.self, from: data),
           old.version == ArticleKitVersion.current, old.options == options {
            return Session(validSince: modificationDate(url) ?? Date(timeIntervalSince1970: old.validSince), created: nil)
        }
        let now = Date()
        let stamp = RerunStamp(version: ArticleKitVersion.current, options: options, validSince: now.timeIntervalSince1970)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(stamp) else { return Session(validSince: now, created: nil) }
        try OutputFile.write(data, to: url, within: dir)
        return Session(validSince: modificationDate(url) ?? now, created: url)
    }

    /// Whether a folder holds a stamp (either name): an earlier run's output folder.
    static func marks(_ folder: String) -> Bool {
        isRegularFile(URL(fileURLWithPath: folder + "/" + fileName)) || isRegularFile(URL(fileURLWithPath: folder + "/" + legacyFileName))
    }

    /// Only a regular file is read or renamed: a link or a pipe planted under the stamp's name
    /// is neither followed nor waited on.
    private static func isRegularFile(_ url: URL) -> Bool {
        OutputFile.regularFileModified(url.path) != nil
    }

    static func modificationDate(_ url: URL) -> Date? {
        OutputFile.regularFileModified(url.path).map { Date(timeIntervalSince1970: $0) }
    }
}
