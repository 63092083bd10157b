import Foundation
import Testing

/// `convert - --from jsonl --to … --output -` and WARC files as streams of records, as a
/// `pipe`-style engine (Spark, Dask) runs them.
@Suite struct StreamCommandTests {
    static func article(_ id: Int) -> String {
        #"{"id": \#(id), "title": "Story \#(id)", "blocks": [{"type": "paragraph", "content": [{"type": "text", "text": "Body of story \#(id)."}]}]}"#
    }

    static func lines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test func fourThousandRecordsWithTenBrokenGiveTheRestAndTenErrorLines() throws {
        let broken = Set(stride(from: 397, through: 3970, by: 397))
        let input = (1...4000).map { broken.contains($0) ? #"{"id": \#($0), "title": "cut"# : Self.article($0) }.joined(separator: "\n") + "\n"
        let r = try CLIRunner.run(["convert", "-", "--from", "jsonl", "--to", "jsonl", "--output", "-", "--key", "id"], stdin: Data(input.utf8))
        #expect(r.status == 3, "some records failed: exit 3, not 0 or 1 (\(r.stderr.prefix(300)))")
        let out = Self.lines(r.stdout)
        #expect(out.count == 3990)
        #expect(Set(out.compactMap { $0["id"] as? Int }) == Set(1...4000).subtracting(broken), "every good record once, its id kept")
        let errors = Self.lines(r.stderr)
        #expect(errors.count == 10 && r.stderr.split(separator: "\n").count == 10, "one JSON line per failure, nothing else")
        #expect(Set(errors.compactMap { $0["record"] as? Int }) == broken)
    }

    /// A stream written to a device (`--output /dev/null`, here a device node of the test's own)
    /// or a FIFO goes into it; it is never replaced by a file, as a rename over it would. A link
    /// to a regular file is refused and the file kept.
    @Test func aStreamToADeviceOrPipeWritesIntoItAndAFileLinkIsRefused() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let input = Data(([Self.article(1), Self.article(2)].joined(separator: "\n") + "\n").utf8)
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat \"$0\" > \"$1\"", fifo, dir.appendingPathComponent("from-pipe.jsonl").path]
        try reader.run()
        let r = try CLIRunner.run(["convert", "-", "--from", "jsonl", "--to", "jsonl", "--output", fifo], stdin: input)
        reader.waitUntilExit()
        #expect(r.status == 0, "\(r.stderr)")
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO, "still a FIFO")
        #expect(Self.lines(try String(contentsOf: dir.appendingPathComponent("from-pipe.jsonl"), encoding: .utf8)).count == 2)
        if getuid() == 0 {
            let null = dir.appendingPathComponent("null").path
            #expect(mknod(null, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0)  // makedev(1, 3): the null device
            let d = try CLIRunner.run(["convert", "-", "--from", "jsonl", "--to", "jsonl", "--output", null], stdin: input)
            #expect(d.status == 0 && lstat(null, &st) == 0 && st.st_mode & S_IFMT == S_IFCHR, "still a device: \(d.stderr)")
        }
        let file = dir.appendingPathComponent("kept.jsonl")
        try Data("kept\n".utf8).write(to: file)
        let link = dir.appendingPathComponent("link.jsonl").path
        #expect(symlink(file.path, link) == 0)
        let l = try CLIRunner.run(["convert", "-", "--from", "jsonl", "--to", "jsonl", "--output", link], stdin: input)
        #expect(l.status != 0 && l.stderr.contains("symbolic link"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "kept\n")
    }

    @Test func anEmptyStreamIsASuccess() throws {
        let r = try CLIRunner.run(["convert", "-", "--from", "jsonl", "--to", "jsonl", "--output", "-"], stdin: Data())
        #expect(r.status == 0 && r.stdout.isEmpty && r.stderr.isEmpty)
    }

    @Test func stopAndTheErrorsFile() throws {
        let input = [Self.article(1), #"{"foo": 1}"#, Self.article(3)].joined(separator: "\n")
        let dir = try CLIRunner.temporaryDirectory()
        let errors = dir.appendingPathComponent("errors.jsonl")
        let stop = try CLIRunner.run(["convert", "-", "--from", "jsonl", "--to", "jsonl", "--output", "-", "--on-error", "stop"], stdin: Data(input.utf8))
        #expect(stop.status == 1 && Self.lines(stop.stdout).count == 1 && Self.lines(stop.stderr).count == 1)
        let skip = try CLIRunner.run(["convert", "-", "--from", "jsonl", "--to", "jsonl", "--output", "-", "--errors", errors.path], stdin: Data(input.utf8))
        #expect(skip.status == 3 && Self.lines(skip.stdout).count == 2 && skip.stderr.isEmpty)
        let line = try #require(Self.lines(try String(contentsOf: errors, encoding: .utf8)).first)
        #expect(line["record"] as? Int == 2)
        #expect(((line["error"] as? [String: Any])?["message"] as? String)?.contains("not an article") == true)
    }

    @Test func aFileOutputIsAStreamToo() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let input = dir.appendingPathComponent("in.jsonl"), output = dir.appendingPathComponent("out.jsonl")
        try Data(([Self.article(1), Self.article(2)].joined(separator: "\n")).utf8).write(to: input)
        let r = try CLIRunner.run(["convert", input.path, "--output", output.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.lines(try String(contentsOf: output, encoding: .utf8)).map { $0["id"] as? Int } == [1, 2])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["in.jsonl", "out.jsonl"], "no temporary file left")
    }

    @Test func markdownOnAStreamIsOneLinePerRecord() throws {
        let input = (1...5).map(Self.article).joined(separator: "\n")
        let r = try CLIRunner.run(["convert", "-", "--from", "jsonl", "--to", "md", "--output", "-", "--key", "id"], stdin: Data(input.utf8))
        let out = Self.lines(r.stdout)
        #expect(r.status == 0 && out.count == 5 && r.stdout.split(separator: "\n").count == 5)
        #expect(out.map { $0["key"] as? Int } == [1, 2, 3, 4, 5])
        #expect((out[2]["content"] as? String)?.contains("Body of story 3.") == true)
    }

    @Test func rawHTMLRecordsGoThroughExtraction() throws {
        let page = "<html><head><title>Bridge plan agreed</title></head><body><article><h1>Bridge plan agreed</h1>"
            + String(repeating: "<p>The council met on Tuesday and agreed the plan for the new bridge over the river.</p>", count: 5)
            + "</article></body></html>"
        let record = try JSONSerialization.data(withJSONObject: ["id": "b-7", "url": "https://news.example/bridge", "html": page])
        let r = try CLIRunner.run(["convert", "-", "--from", "jsonl", "--to", "jsonl", "--output", "-"], stdin: record)
        let out = try #require(Self.lines(r.stdout).first)
        #expect(r.status == 0 && out["id"] as? String == "b-7" && out["title"] as? String == "Bridge plan agreed")
        #expect(out["url"] as? String == "https://news.example/bridge")
    }

    @Test(arguments: [["--shard", "1/2"], ["--include", "*.txt"], ["--report", "r.json"], ["--jobs", "2"]])
    func batchFlagsOnAStreamAreUsageErrors(flags: [String]) throws {
        let r = try CLIRunner.run(["convert", "-", "--from", "jsonl", "--to", "jsonl", "--output", "-"] + flags, stdin: Data(Self.article(1).utf8))
        #expect(r.status == 2 && r.stderr.contains(flags[0]) && r.stdout.isEmpty, "\(r.stderr)")
    }

    @Test func streamFlagsOutsideAStreamAreUsageErrors() throws {
        let out = try CLIRunner.temporaryDirectory().appendingPathComponent("x.md")
        let r = try CLIRunner.run(["convert", CLIRunner.seed.path, "--output", out.path, "--on-error", "skip"])
        #expect(r.status == 2 && r.stderr.contains("--on-error"))
    }

    @Test func aWARCFileStreamsItsPages() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let warc = dir.appendingPathComponent("crawl.warc.gz")
        var file = Data()
        for (i, title) in ["Bridge plan agreed", "Harbour reopens"].enumerated() {
            let body = "<html><head><title>\(title)</title></head><body><article><h1>\(title)</h1>"
                + String(repeating: "<p>The council met on Tuesday and agreed the plan for the new bridge over the river.</p>", count: 5) + "</article></body></html>"
            let http = Data("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\(body)".utf8)
            let head = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2024-05-0\(i + 1)T10:00:00Z\r\nWARC-Target-URI: https://news.example/\(i)\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: \(http.count)\r\n\r\n"
            file += try Self.gzip(Data(head.utf8) + http + Data("\r\n\r\n".utf8))
            let req = Data("GET / HTTP/1.1\r\n\r\n".utf8)
            file += try Self.gzip(Data("WARC/1.0\r\nWARC-Type: request\r\nContent-Length: \(req.count)\r\n\r\n".utf8) + req + Data("\r\n\r\n".utf8))
        }
        file += try Self.gzip(Data("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/x\r\nContent-Length: 5\r\n\r\nnope!\r\n\r\n".utf8))
        try file.write(to: warc)
        let r = try CLIRunner.run(["convert", warc.path, "--to", "jsonl", "--output", "-"])
        let out = Self.lines(r.stdout)
        #expect(r.status == 3, "the broken response is a failed record: \(r.stderr)")
        #expect(out.map { $0["title"] as? String } == ["Bridge plan agreed", "Harbour reopens"])
        #expect(out.map { $0["warc_target_uri"] as? String } == ["https://news.example/0", "https://news.example/1"])
        #expect(out.first?["warc_date"] as? String == "2024-05-01T10:00:00Z")
        let errors = Self.lines(r.stderr)
        #expect(errors.count == 1 && errors.first?["key"] as? String == "https://news.example/x" && errors.first?["record"] as? Int == 5)
        let book = try CLIRunner.run(["convert", warc.path, "--to", "epub", "--output", dir.appendingPathComponent("b.epub").path])
        #expect(book.status == 2 && book.stderr.contains("stream"))
    }

    static func gzip(_ data: Data) throws -> Data { gzipMember(data) }
}

/// `--from-list LIST --output -`: every listed file a record of one stream.
@Suite struct ListStreamTests {
    @Test func aListToStandardOutputIsAStream() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let records = dir.appendingPathComponent("more.jsonl")
        try Data((StreamCommandTests.article(1) + "\n" + StreamCommandTests.article(2) + "\n").utf8).write(to: records)
        let list = dir.appendingPathComponent("list.txt")
        try Data([CLIRunner.seed.path, dir.appendingPathComponent("missing.txt").path, records.path].joined(separator: "\r\n").utf8).write(to: list)
        let r = try CLIRunner.run(["convert", "--from-list", list.path, "--to", "jsonl", "--output", "-"])
        let out = StreamCommandTests.lines(r.stdout)
        #expect(r.status == 3, "one listed file is missing: \(r.stderr)")
        #expect(out.count == 3 && out.dropFirst().map { $0["id"] as? Int } == [1, 2])
        let errors = StreamCommandTests.lines(r.stderr)
        #expect(errors.count == 1 && (errors.first?["key"] as? String)?.hasSuffix("missing.txt") == true)
    }
}
