import ArgumentParser
import ArticleKit
import Dispatch
import Foundation

extension Convert {
    /// Runs the batch and returns the exit status: 0 when every input converted or was up to
    /// date, 1 when any failed or the run was interrupted.
    func runBatch(_ converter: Converter) throws(ArticleError) -> Int32 {
        guard let output, output != "-" else {
            throw ArticleError(.usage, "converting folders or several files needs an output folder: --output DIR")
        }
        var options = BatchOptions(formats: formats.isEmpty ? [try defaultFormat(converter, output)] : formats,
                                   outputDirectory: URL(fileURLWithPath: output))
        options.inputFormat = reading.from
        if let j = batch.jobs { options.jobs = j }
        options.include = batch.include
        options.exclude = batch.exclude
        options.force = batch.force
        options.followSymlinks = batch.followSymlinks
        options.shard = batch.shard.flatMap(Shard.init)
        options.conversion = conversionOptions()
        options.bookImagesBeside = !media.embedResources
        // A folder of books: the JPEG cover only when asked (it doubles a small book's time).
        options.conversion.rasterCover = rasterCover == .yes
        options.fileTimeout = batch.fileTimeout
        options.fileMemory = try Self.memoryLimit(batch.fileMemory)
        // Files are converted in worker processes: this program again, with the same arguments.
        // Pages are fetched by this process, the workers get their bytes.
        if batch.batchWorker { return try BatchConverter(converter: converter, options: options).serveAsWorker() }
        options.listRoot = batch.listRoot
        if batch.list != nil || inputs.contains(where: Self.isURL) { options.fetcher = try batchPageFetcher() }
        defer { options.fetcher?.shutdownBlocking() }
        options.workers = try Self.workerCommand()
        let runner = try BatchConverter(converter: converter, options: options)

        var listHandle: FileHandle?
        if let list = batch.list?.path {
            if list == "-" {
                listHandle = FileHandle.standardInput
            } else {
                guard let h = FileHandle(forReadingAtPath: list) else { throw ArticleError(.io, "cannot read the list of inputs", file: list) }
                listHandle = h
            }
        }

        let bar = ProgressBar(enabled: !quiet && ProgressBar.stderrIsTerminal)
        let start = Date()
        // Ctrl-C and SIGTERM stop new files from starting; the ones in flight finish.
        let signals = [SIGINT, SIGTERM].map { sig -> any DispatchSourceSignal in
            signal(sig, SIG_IGN)
            let s = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            s.setEventHandler {
                runner.cancel()
                bar.message("articlekit: interrupted; finishing the files in flight")
            }
            s.resume()
            return s
        }
        let ticker = DispatchSource.makeTimerSource(queue: .global())
        ticker.schedule(deadline: .now() + 0.2, repeating: 0.2)
        ticker.setEventHandler {
            var p = runner.currentProgress
            p.elapsed = Date().timeIntervalSince(start)
            bar.update(p)
        }
        ticker.resume()
        defer { ticker.cancel(); signals.forEach { $0.cancel() } }

        let verbose = self.verbose, quiet = self.quiet
        let result = try runner.run(paths: inputs, listFile: listHandle, listSeparator: batch.list?.separator ?? .newline, report: batch.report.map { URL(fileURLWithPath: $0) }) { record, _ in
            // Paths, errors and warnings can hold a document's text or a file's name: made
            // printable, so no escape sequence reaches the terminal.
            let path = record.path.printable
            switch record.status {
            case .failed: bar.message("articlekit: \(path): \((record.error ?? "failed").printable)")
            case .converted where verbose: bar.message("converted \(path) → \(record.outputs.joined(separator: ", ").printable)")
            case .skipped where verbose: bar.message("up to date \(path)")
            default: break
            }
            if !quiet { for w in record.warnings { bar.message("articlekit: \(path): warning: \(w.printable)") } }
        }
        bar.finish()
        let secs = result.elapsed
        let rate = secs > 0 ? Double(result.converted) / secs : 0
        var summary = "\(result.converted) converted, \(result.skipped) skipped, \(result.failed) failed in \(String(format: "%.2f", secs)) s"
        if result.converted > 0 { summary += " (\(Int(rate.rounded())) files/s)" }
        if result.vanished > 0 { summary += "; \(result.vanished) no such file any more (deleted during the run)" }
        if result.cancelled { summary += "; interrupted, rerun to finish" }
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        return result.failed > 0 || result.vanished > 0 || result.cancelled ? 1 : 0
    }

    private func defaultFormat(_ converter: Converter, _ output: String) throws(ArticleError) -> String {
        throw ArticleError(.usage, "name the output formats with --to when the output is a folder", file: output)
    }
}
