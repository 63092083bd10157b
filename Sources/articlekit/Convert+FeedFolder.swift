import ArticleKit
import Foundation

/// Feeds into an output folder: one document per article (and per other input), named from its
/// address, for every `--to` format.
extension Convert {
    /// Runs a folder conversion whose inputs hold a feed, and returns its exit status; `nil` when
    /// no input is a feed, for the batch runner to convert them as before. Files are told by
    /// their content; URLs (and standard input) are looked at only when a feed option is given,
    /// since a batch of pages must not fetch them before it knows they are out of date.
    func runFeedsToFolder(_ pipeline: ImagePipeline) throws(ArticleError) -> Int32? {
        guard batch.list == nil, !batch.batchWorker, let output, output != "-", !formats.isEmpty else { return nil }
        let converter = pipeline.converter
        // Files named as inputs; a folder's files are the readers' formats, never feeds (and a
        // folder that cannot be listed is the batch's failure to report, not this look's).
        let fileFeed = inputs.contains { p in !Self.isURL(p) && p != "-" && !Self.looksLikeFolder(p) && Self.startsLikeAFeed(p) }
        guard fileFeed || feeds.anyGiven else { return nil }
        var context = ConversionContext(options: conversionOptions())
        context.options.rasterCover = rasterCover == .yes
        let fetched = try feedSources(converter, maximumInputSize: context.options.maximumInputSize, fetcher: pipeline.fetcher)
        let stage = try feedStage(fetched.sources, failed: fetched.failed, pipeline: pipeline, context: &context)
        guard stage.run != nil else { return nil }
        if stage.nothingNew {
            if !quiet { FileHandle.standardError.write(Data("articlekit: no new items in the feeds since the last run (--state); nothing written\n".utf8)) }
            return 0
        }
        // One output per article of a feed, one per other input.
        var units: [(name: String, source: ArticleSource)] = []
        for source in stage.sources {
            if case .articles(let articles, _) = source {
                for (i, a) in articles.enumerated() {
                    let stem = a.metadata.url.flatMap { URL(string: $0) }.map(WebAddress.outputStem(for:)) ?? "item-\(i + 1)"
                    units.append((stem, .articles([a], name: a.metadata.url ?? source.name)))
                }
            } else {
                let name = source.name
                let stem = Self.isURL(name) ? ((try? WebAddress.url(from: name)).map(WebAddress.outputStem(for:)) ?? "page")
                    : URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
                units.append((stem, source))
            }
        }
        let folder = URL(fileURLWithPath: output, isDirectory: true)
        var status: Int32 = 0
        var used = Set<String>()
        for format in formats {
            let writer = try converter.writer(named: format)
            let ext = writer.format.extensions.first ?? writer.format.name
            for unit in units {
                var name = unit.name + "." + ext
                var n = 2
                while !used.insert(name).inserted { name = "\(unit.name)-\(n).\(ext)"; n += 1 }
                var scratch = context
                do throws(ArticleError) {
                    let data = try converter.convert([unit.source], from: reading.from, to: writer, context: &scratch)
                    try OutputFile.write(data, to: folder.appendingPathComponent(name), within: folder)
                    if verbose { FileHandle.standardError.write(Data("converted \(unit.source.name.printable) → \(name.printable)\n".utf8)) }
                    if !quiet { printWarnings(scratch.warnings) }
                } catch {
                    report(error)
                    status = 1
                }
            }
        }
        let feedStatus = try finishFeeds(stage)
        return max(status, feedStatus)
    }

    /// Whether the file's first bytes are a feed's (a cheap look: 64 KiB at most). Only a regular
    /// file is looked at: opening a named pipe waits for a writer for ever, and a device may
    /// never end; those are the batch's to refuse, one record each.
    static func startsLikeAFeed(_ path: String) -> Bool {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return false }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 64 * 1024)) ?? Data()
        return FeedSniffer.kind(of: head) != nil
    }
}
