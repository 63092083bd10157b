import ArgumentParser
import ArticleKit
import Foundation

/// What a stream reads: JSON Lines records or a WARC file's pages.
enum StreamKind {
    case jsonLines, warc

    /// The kind of an input: by `--from`, else by its name (`.jsonl`, `.ndjson`, `.warc`, `.warc.gz`).
    static func of(_ input: String, from: String?) -> StreamKind? {
        if let from {
            if JSONLinesFormat.info.isNamed(from) { return .jsonLines }
            return from.lowercased() == "warc" ? .warc : nil
        }
        let name = input.lowercased()
        if name.hasSuffix(".warc") || name.hasSuffix(".warc.gz") { return .warc }
        if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") { return .jsonLines }
        return nil
    }
}

extension Convert {
    /// Exit status of a stream in which some records failed and the rest were written.
    static let someRecordsFailed: Int32 = 3

    /// Whether this run is a stream: every input is JSON Lines or WARC, one output format that
    /// writes a line per record, and the output is standard output or a JSON Lines file. A WARC
    /// input that is not in such a run, and a stream flag outside one, are usage errors.
    func streamKinds() throws(ArticleError) -> [StreamKind]? {
        let kinds = inputs.map { StreamKind.of($0, from: reading.from) }
        let anyWARC = kinds.contains { $0 == .warc }
        let format = formats.first ?? output.flatMap { Converter().registry.writer(forPath: $0)?.format.name }
        let lineFormat = format.flatMap { Converter().registry.writer(named: $0)?.format.name }.map(RecordStream.lineFormats.contains) ?? false
        let jsonLinesOut = format.map { JSONLinesFormat.info.isNamed($0) } ?? false
        let toStream = output == "-" || (output == nil && inputs.allSatisfy { $0 == "-" }) || (jsonLinesOut && output != nil && !Self.looksLikeFolder(output ?? ""))
        let isStream = !inputs.isEmpty && batch.list == nil && formats.count <= 1 && kinds.allSatisfy { $0 != nil }
            && lineFormat && toStream && !inputs.contains(where: Self.isURL)
        if isStream { return kinds.compactMap { $0 } }
        // A list of files to standard output: every file a record (or, JSON Lines and WARC
        // files, a stream of them) of one stream.
        if batch.list != nil && output == "-" && formats.count <= 1 && lineFormat && !kinds.contains(nil) { return [] }
        if anyWARC {
            throw ArticleError(.usage, "a WARC file is converted as a stream of records: --to jsonl (or json, md, text, html) with --output - or FILE.jsonl")
        }
        if let flag = stream.given.first {
            throw ArticleError(.usage, "\(flag) applies to a stream of records (--from jsonl or a WARC file, to --output - or FILE.jsonl)")
        }
        return nil
    }

    /// Flags that do nothing in a stream: naming one is a usage error, not a silent no-op.
    func refuseBatchFlagsInStream() throws(ArticleError) {
        var given = givenBatchFlags()
        if batch.followSymlinks { given.append("--follow-symlinks") }
        if identifier != nil { given.append("--identifier") }
        if cover != nil { given.append("--cover") }
        if !resourcePaths.isEmpty { given.append("--resource-path") }
        if let first = given.first {
            throw ArticleError(.usage, "\(first) does not apply to a stream of records (one record in, one line out); split the stream itself, or convert files into a folder")
        }
    }

    /// Converts the inputs as streams of records into one output, one line per record, and
    /// returns the exit status: 0 when every record converted (or there were none), 3 when some
    /// failed and the rest were written, 1 when an input could not be read or `--on-error stop`
    /// stopped the stream.
    func runStream(_ kinds: [StreamKind], converter: Converter) throws(ArticleError) -> Int32 {
        try refuseBatchFlagsInStream()
        var recordStream = try RecordStream(converter: converter, format: formats.first ?? (output.flatMap { converter.registry.writer(forPath: $0)?.format.name } ?? "jsonl"))
        recordStream.onError = stream.onError ?? .skip
        recordStream.keyField = stream.key
        recordStream.options = conversionOptions()
        let sink = try StreamSink(output: output ?? "-", inputs: inputs, errors: stream.errors)
        var summary = RecordStream.Summary()
        var unreadable = false
        if let list = batch.list {
            try streamList(list.path, separator: list.separator, recordStream, sink: sink, summary: &summary)
        }
        for (input, kind) in zip(inputs, kinds) where batch.list == nil {
            let fd: Int32
            if input == "-" {
                fd = STDIN_FILENO
            } else {
                fd = open(input, O_RDONLY | O_CLOEXEC)
                if fd < 0 {
                    report(ArticleError(.io, errno == ENOENT ? "no such file" : "cannot read the file (\(String(cString: strerror(errno)).lowercased()))", file: input))
                    unreadable = true
                    continue
                }
            }
            defer { if fd != STDIN_FILENO { close(fd) } }
            do throws(ArticleError) {
                switch kind {
                case .jsonLines: summary.add(try recordStream.run(jsonLines: fd, name: input, output: sink.write, failure: sink.fail))
                case .warc: summary.add(try recordStream.run(warc: fd, name: input, output: sink.write, failure: sink.fail))
                }
            } catch where error.code != RecordStream.outputFailed && error.code != .noSpace {
                report(error)
                unreadable = true
            }
            if summary.stopped { break }
        }
        try sink.finish()
        if verbose {
            FileHandle.standardError.write(Data("\(summary.converted) records converted, \(summary.failed) failed, \(summary.skipped) skipped\n".utf8))
        }
        if unreadable || summary.stopped { return 1 }
        return summary.failed > 0 ? Self.someRecordsFailed : 0
    }

    /// The files a `--from-list` (one a line, CRLF line ends too) or `--from-list0` (NUL-separated)
    /// names, streamed in turn.
    private func streamList(_ list: String, separator: InputListSeparator, _ recordStream: RecordStream, sink: StreamSink,
                            summary: inout RecordStream.Summary) throws(ArticleError) {
        let fd = list == "-" ? STDIN_FILENO : open(list, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ArticleError(.io, "cannot read the list of inputs", file: list) }
        defer { if fd != STDIN_FILENO { close(fd) } }
        var paths: [Result<String, ListedBytes>] = []
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { raw in raw.baseAddress.map { read(fd, $0, raw.count) } ?? 0 }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        for line in data.split(separator: separator == .nul ? 0x00 : 0x0A) {
            var bytes = Data(line)
            if separator == .newline && bytes.last == 0x0D { bytes.removeLast() }
            guard let path = String(validating: bytes, as: UTF8.self) else {
                // Decoding would put U+FFFD in the name and report "no such file".
                paths.append(.failure(ListedBytes(bytes: bytes)))
                continue
            }
            if separator == .nul || !path.trimmingCharacters(in: .whitespaces).isEmpty { paths.append(.success(path)) }
        }
        var record = 0
        for entry in paths {
            guard case .success(let path) = entry else {
                guard case .failure(let bad) = entry else { continue }
                record += 1
                summary.records += 1
                summary.failed += 1
                let shown = String(printableBytes: bad.bytes)
                try sink.fail(JSONRecordLine.error(record: record, key: .string(shown), input: shown, error: ArticleError(
                    .io, "the listed path is not valid UTF-8, which ArticleKit needs for file names; rename the file (convmv -f latin1 -t utf8 does it)", file: shown)))
                continue
            }
            switch StreamKind.of(path, from: reading.from) {
            case .jsonLines?, .warc?:
                let kind = StreamKind.of(path, from: reading.from)
                let fd = open(path, O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else {
                    record += 1
                    summary.records += 1
                    summary.failed += 1
                    try sink.fail(JSONRecordLine.error(record: record, key: .string(path), input: path, error: ArticleError(.io, "no such file", file: path)))
                    continue
                }
                defer { close(fd) }
                let part = kind == .warc
                    ? try recordStream.run(warc: fd, name: path, output: sink.write, failure: sink.fail)
                    : try recordStream.run(jsonLines: fd, name: path, output: sink.write, failure: sink.fail)
                record += part.records
                summary.add(part)
            case nil:
                record += 1
                summary.add(try recordStream.run(file: path, record: record, format: reading.from, output: sink.write, failure: sink.fail))
            }
            if summary.stopped { return }
        }
    }
}

/// A listed path that is not UTF-8, kept as its bytes for the error line.
struct ListedBytes: Error {
    var bytes: Data
}
