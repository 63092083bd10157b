import Foundation

/// Converting one file of a batch: the same steps on a thread of the batch's own process and in
/// a worker process.
extension BatchConverter {
    /// The outputs an input is written to, one per format.
    func outputs(of input: BatchInput) -> [URL] {
        outputPaths(of: input).map { URL(fileURLWithPath: $0, isDirectory: false) }
    }

    /// The paths of ``outputs(of:)``, joined as strings (URL operations cost 10,000 instructions
    /// a file in the parent's walk, callgrind).
    func outputPaths(of input: BatchInput) -> [String] {
        let base = outputFolderPath.hasSuffix("/") ? outputFolderPath + input.relativeStem : outputFolderPath + "/" + input.relativeStem
        return outputSuffixes.map { base + $0 }
    }

    /// A skipped record when every output is up to date (and `--force` is not given), else nil.
    func skipRecord(_ input: BatchInput, validSince: Date) -> BatchRecord? {
        guard !options.force else { return nil }
        let outs = outputPaths(of: input)
        // A page has no time of its own to compare with: its outputs count when this
        // configuration made them (the stamp's time), and a rerun does not fetch it again.
        if input.isWeb {
            guard !outs.isEmpty, outs.allSatisfy({ (OutputFile.regularFileModified($0) ?? 0) >= validSince.timeIntervalSince1970 }) else { return nil }
        } else {
            guard Self.upToDate(outs, input: input.url, validSince: validSince) else { return nil }
        }
        return BatchRecord(path: input.displayPath, outputs: outs, status: .skipped, warnings: [], error: nil, milliseconds: 0)
    }

    /// The threads of a batch without worker processes: `jobs` of them take inputs from the walker.
    func runOnThreads(_ shared: SharedWalker, validSince: Date, record: @escaping @Sendable (BatchRecord) -> Void) {
        let group = DispatchGroup()
        for _ in 0..<max(1, options.jobs) {
            group.enter()
            let thread = Thread { [self] in
                defer { group.leave() }
                while !lock.withLock({ cancelled || fatal != nil }), let input = shared.next() {
                    if let skipped = skipRecord(input, validSince: validSince) { record(skipped); continue }
                    let (r, noSpace) = convertFile(input)
                    if let noSpace { lock.withLock { if fatal == nil { fatal = noSpace } } }
                    record(r)
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
    }

    /// Reads one input and writes every output of it, or none. `onWriting` is called once reading
    /// is done, before the first output is written. A disk-full error is returned beside the
    /// record: it stops the run.
    func convertFile(_ input: BatchInput, onWriting: () -> Void = {}) -> (BatchRecord, noSpace: ArticleError?) {
        let t0 = DispatchTime.now().uptimeNanoseconds
        func ms() -> Double { Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6 }
        let outputs = outputs(of: input)
        var context = ConversionContext(options: options.conversion)
        var written: [String] = []
        var images: [String] = []
        do throws(ArticleError) {
            let articles: [Article]
            if input.isWeb {
                articles = try converter.readPage(try page(of: input), from: options.inputFormat, context: &context)
            } else {
                articles = try converter.read(try ReaderInput(path: input.url.path, maximumSize: options.conversion.maximumInputSize), from: options.inputFormat, context: &context)
            }
            onWriting()
            let sources = input.isWeb ? [] : [input.url]
            for (writer, out) in zip(writers, outputs) {
                if writer.combinesArticles || articles.count == 1 {
                    let media = out.deletingLastPathComponent().appendingPathComponent(out.deletingPathExtension().lastPathComponent + "-media", isDirectory: true)
                    let files = try writeDocument(articles, with: writer, to: out, media: media, sources: sources, context: &context)
                    images += files.images
                    written.append(files.document)
                } else {
                    // One file per article when the format holds one (a book read into Markdown).
                    let base = out.deletingPathExtension()
                    for (i, a) in articles.enumerated() {
                        let url = base.appendingPathComponent(String(format: "%03d", i + 1) + "." + out.pathExtension, isDirectory: false)
                        let files = try writeDocument([a], with: writer, to: url, media: base.appendingPathComponent("media", isDirectory: true), sources: sources, context: &context)
                        images += files.images
                        written.append(files.document)
                    }
                }
            }
            return (BatchRecord(path: input.displayPath, outputs: written, status: .converted,
                                warnings: context.warnings.map(\.message), error: nil, milliseconds: ms()), nil)
        } catch {
            // No partial set of outputs: remove what this input already wrote.
            for path in written + images { try? FileManager.default.removeItem(atPath: path) }
            return (BatchRecord(path: input.displayPath, outputs: [], status: .failed,
                                warnings: context.warnings.map(\.message), error: error.message, milliseconds: ms()),
                    error.code == .noSpace ? error : nil)
        }
    }

    /// The page of a URL input: fetched by the parent (in memory, or in the file it left for a
    /// worker), else fetched now, on this thread, by the batch's fetcher.
    func page(of input: BatchInput) throws(ArticleError) -> FetchedDocument {
        if let file = input.pageFile, var page = input.page {
            do {
                page.data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw ArticleError(.io, "the fetched page is gone (\(ReaderInput.reason(error)))", file: input.displayPath)
            }
            return page
        }
        if let page = input.page { return page }
        guard let fetcher = options.fetcher else {
            throw ArticleError(.fetchRefused, "network access is turned off", file: input.displayPath)
        }
        return try fetcher.fetchBlocking(FetchRequest(url: input.url))
    }
}
