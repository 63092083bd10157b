import Foundation

/// Converts folders of files on all cores: inputs are discovered lazily and only `jobs` are in
/// flight, failures are recorded and the run goes on, outputs appear only when complete, and a
/// rerun skips what is up to date. The command line's `convert DIR… --output DIR` is this type.
///
/// ```swift
/// var options = BatchOptions(formats: ["json", "md"], outputDirectory: URL(fileURLWithPath: "out"))
/// options.jobs = 4
/// let batch = try BatchConverter(options: options)
/// let summary = try batch.run(paths: ["articles/"]) { record, progress in
///     print(record.status, record.path, "\(progress.done)/\(progress.total)")
/// }
/// ```
public final class BatchConverter: @unchecked Sendable {
    /// The pipeline each file goes through.
    public let converter: Converter
    /// What to convert and how.
    public let options: BatchOptions
    let writers: [any ArticleWriter]
    /// The output folder's path, and `.EXT` of each writer's outputs, in `writers`' order: an
    /// output's path is made from them by joining strings, for every file of a run.
    let outputFolderPath: String
    let outputSuffixes: [String]
    let lock = NSLock()
    private var progress = BatchProgress(total: 0, totalIsFinal: false)
    var cancelled = false
    var fatal: ArticleError?

    /// Creates a batch run; throws when a format is unknown.
    public init(converter: Converter = Converter(), options: BatchOptions) throws(ArticleError) {
        self.options = options
        var ws: [any ArticleWriter] = []
        for f in options.formats { ws.append(try converter.writer(named: f)) }
        guard !ws.isEmpty else { throw ArticleError(.usage, "name at least one output format with --to") }
        writers = ws
        outputFolderPath = options.outputDirectory.path
        outputSuffixes = ws.map { "." + ($0.format.extensions.first ?? $0.format.name) }
        // The writers' own steps (the EPUB writer loads local images) run once, after reading.
        self.converter = converter.including(ws.flatMap(\.inputTransforms))
    }

    /// Stops starting new files; the ones in flight finish. Safe to call from a signal handler's queue.
    public func cancel() {
        lock.withLock { cancelled = true }
    }

    /// A snapshot of the counts.
    public var currentProgress: BatchProgress { lock.withLock { progress } }

    /// Converts every readable file under `paths` (files or folders).
    ///
    /// - Parameters:
    ///   - paths: Files and folders; folders are walked recursively, hidden entries skipped.
    ///   - listFile: A file (or standard input) listing more input paths. In a list run every
    ///     path (these and `paths`) is named below the output folder, and hashed for its shard,
    ///     by its path from the list's root (``BatchOptions/listRoot``); URLs are named from their
    ///     host and path as ever.
    ///   - listSeparator: How the list's paths are separated: one a line, or NUL bytes.
    ///   - report: Where to write the JSON report, one record per input.
    ///   - onRecord: Called after each input, from a worker thread, one call at a time (the
    ///     counts are locked meanwhile, so keep it short: print, or hand the record on).
    /// - Returns: The final counts.
    /// - Throws: A usage error found before anything is written (two inputs mapping to one output,
    ///   an output folder that is a file), or a disk-full error that stopped the run.
    @discardableResult
    public func run(paths: [String], listFile: FileHandle? = nil, listSeparator: InputListSeparator = .newline, report: URL? = nil,
                    onRecord: (@Sendable (BatchRecord, BatchProgress) -> Void)? = nil) throws(ArticleError) -> BatchProgress {
        let start = Date()
        let outDir = options.outputDirectory
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: outDir.path, isDirectory: &isDir), !isDir.boolValue {
            throw ArticleError(.usage, "the output must be a folder when converting several files", file: outDir.path)
        }
        // A list on standard input can be read only once: keep a copy for the second walk, its
        // entries as they are to be looked up and ended by NUL (no file name holds one), and
        // find the folder they are named from on the way.
        var listCopy: URL?
        var listRoot = options.listRoot.map { ListRoot.absolute($0, in: FileManager.default.currentDirectoryPath) }
        if let listFile {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("articlekit-list-\(getpid())-\(UUID().uuidString)")
            guard FileManager.default.createFile(atPath: url.path, contents: nil),
                  let h = FileHandle(forWritingAtPath: url.path) else {
                throw ArticleError(.io, "cannot keep a copy of the input list", file: url.path)
            }
            var root = ListRoot()
            let reader = LineReader(handle: listFile, separator: listSeparator)
            for path in paths where listRoot == nil && !WebAddress.isURL(path) { root.add(path) }
            while let entry = reader.nextEntry() {
                if listRoot == nil, let path = String(validating: entry, as: UTF8.self), !WebAddress.isURL(path) { root.add(path) }
                h.write(entry + [0])
            }
            try? h.close()
            listCopy = url
            if listRoot == nil { listRoot = root.path }
        }
        defer { if let listCopy { try? FileManager.default.removeItem(at: listCopy) } }

        // First walk: count, and refuse two inputs that would write the same output.
        var walker = makeWalker(paths: paths, list: listCopy, root: listRoot)
        var seen = Set<UInt64>()
        var total = 0
        var firstSeen: [UInt64: String] = [:]
        while let input = walker.next() {
            total += 1
            for ext in Set(writers.map(outputExtension)) {
                let key = Shard.fnv1a(input.relativeStem + "." + ext)
                if !seen.insert(key).inserted {
                    let other = firstSeen[key].map { " and \($0)" } ?? ""
                    throw ArticleError(.usage, "two inputs would be written to \(input.relativeStem).\(ext) (\(input.displayPath)\(other)); rename one or leave one out with --exclude", file: input.displayPath)
                }
                // Remembering the first path of each stem's folder is enough for a useful message
                // without keeping every path.
                if firstSeen.count < 10_000 { firstSeen[key] = input.displayPath }
            }
        }
        lock.withLock { progress = BatchProgress(total: total, totalIsFinal: true) }

        try FileManager.default.createDirectoryIfNeeded(outDir)
        Self.removeStaleTemporaryFiles(in: outDir)
        let stamp = try RerunStamp.prepare(in: outDir, options: optionsKey()), validSince = stamp.validSince
        let reportWriter = try report.map { url throws(ArticleError) in try ReportWriter(url: url) }

        // Second walk: the work, `jobs` at a time.
        let shared = SharedWalker(makeWalker(paths: paths, list: listCopy, root: listRoot))
        for (path, why) in walker.problems { record(BatchRecord(path: path, outputs: [], status: .failed, warnings: [], error: why, milliseconds: 0), reportWriter, onRecord) }
        if let command = options.workers {
            try WorkerPool(batch: self, command: command).run(shared, validSince: validSince) { self.record($0, reportWriter, onRecord) }
        } else {
            runOnThreads(shared, validSince: validSince) { self.record($0, reportWriter, onRecord) }
        }
        reportWriter?.finish()
        stamp.finish(convertedAny: lock.withLock { progress.converted > 0 })
        let final = lock.withLock { () -> BatchProgress in
            progress.elapsed = Date().timeIntervalSince(start)
            progress.cancelled = cancelled
            // Inputs deleted after the count are not found again by the second walk.
            if !cancelled && fatal == nil { progress.vanished = max(0, progress.total - progress.done) }
            return progress
        }
        if let fatal = lock.withLock({ fatal }) {
            throw ArticleError(fatal.code, "\(fatal.message); the run stopped after \(final.converted) converted — free some space and rerun to finish",
                               file: fatal.file)
        }
        return final
    }

    private func makeWalker(paths: [String], list: URL?, root: String?) -> InputWalker {
        // The extensions some reader claims, looked up once: asking the registry for a reader
        // cost 5,000 instructions a file in the parent's walk (callgrind).
        let extensions = Set(converter.registry.readers.flatMap(\.format.extensions))
        let readable: (String) -> Bool = { FormatRegistry.fileExtension($0).map(extensions.contains) ?? false }
        if let list, let h = FileHandle(forReadingAtPath: list.path) {
            return InputWalker(source: .list(h), options: options, readable: readable, extraPaths: paths, listRoot: root)
        }
        return InputWalker(source: .paths(paths), options: options, readable: readable)
    }

    func outputExtension(_ w: any ArticleWriter) -> String { w.format.extensions.first ?? w.format.name }

    /// The options that change what outputs contain; a change makes a rerun redo everything.
    /// The pipeline's steps and the format-specific options count too: a library user who adds a
    /// transform, or a reader option such as `epub-chapters`, gets new outputs, not skipped ones.
    private func optionsKey() -> String {
        let o = options.conversion
        return [options.formats.joined(separator: ","), options.inputFormat ?? "", o.encoding ?? "", o.language ?? "",
                String(o.width), o.title ?? "", o.identifier ?? "", o.coverPath ?? "", o.resourcePaths.joined(separator: ":"),
                converter.transforms.map(\.name).joined(separator: ","),
                o.rawHTML ? "raw-html" : "", String(o.maximumInputSize),
                "\(o.images.mode.rawValue),\(o.images.maxDimension),\(o.images.quality),\(o.images.maxPixels)",
                o.extra.sorted { $0.key < $1.key }.map { $0.key + "=" + $0.value }.joined(separator: ","),
                fetchKey()].joined(separator: "|")
    }

    /// The fetch settings that change what a page holds (the headers a site's login needs, the
    /// user agent, whether a page's resources may come from private addresses), hashed so that
    /// no cookie is written into the stamp; empty with the defaults.
    private func fetchKey() -> String {
        guard let c = options.fetcher?.configuration else { return "" }
        let headers = c.extraHeaders.map { $0.name.lowercased() + ":" + $0.value }.joined(separator: "\n")
        let defaultAgent = c.userAgent == FetchConfiguration.defaultUserAgent(version: ArticleKitVersion.current)
        guard !headers.isEmpty || !defaultAgent || c.policy.allowPrivateNetwork else { return "" }
        return "fetch:" + String(Shard.fnv1a(c.userAgent + "\n" + headers), radix: 16) + (c.policy.allowPrivateNetwork ? ",private" : "")
    }

    func record(_ r: BatchRecord, _ report: ReportWriter?, _ onRecord: (@Sendable (BatchRecord, BatchProgress) -> Void)?) {
        report?.append(r)
        lock.lock()
        switch r.status {
        case .converted: progress.converted += 1
        case .skipped: progress.skipped += 1
        case .failed: progress.failed += 1
        }
        let snapshot = progress
        onRecord?(r, snapshot)
        lock.unlock()
    }

    /// Whether every output is newer than the input and than `validSince`: one stat(2) a file
    /// (FileManager's attributes cost three more calls each).
    static func upToDate(_ outputs: [String], input: URL, validSince: Date) -> Bool {
        // The first output first: in a new run it is not there, and the input need not be looked at.
        guard let first = outputs.first, let firstTime = OutputFile.regularFileModified(first),
              let inTime = modified(input.path) else { return false }
        let needed = max(inTime, validSince.timeIntervalSince1970)
        guard firstTime >= needed else { return false }
        for o in outputs.dropFirst() {
            guard let t = OutputFile.regularFileModified(o), t >= needed else { return false }
        }
        return true
    }

    /// A file's modification time in seconds since 1970, by stat(2).
    static func modified(_ path: String) -> Double? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return OutputFile.modificationTime(st)
    }

    /// Temporary files a killed run left behind are removed before a new run writes.
    static func removeStaleTemporaryFiles(in dir: URL) {
        guard var walk = FolderWalk(root: dir.path) else { return }
        while let entry = walk.next() {
            if entry.kind != .folder, (entry.relative as NSString).lastPathComponent.hasPrefix(OutputFile.temporaryPrefix) {
                unlink(dir.path + "/" + entry.relative)
            }
        }
    }
}

/// The walker shared by the worker threads, one `next()` at a time.
final class SharedWalker: @unchecked Sendable {
    private var walker: InputWalker
    private let lock = NSLock()

    init(_ walker: InputWalker) { self.walker = walker }

    func next() -> BatchInput? { lock.withLock { walker.next() } }
}

extension FileManager {
    func createDirectoryIfNeeded(_ url: URL) throws(ArticleError) {
        do {
            try createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw ArticleError(.io, "cannot create the output folder (\(ReaderInput.reason(error)))", file: url.path)
        }
    }
}
