import ArticleKit
import Foundation
import Testing

/// The streaming record mode at the library level: one record in, one line out, failures
/// reported as lines and the good records kept.
@Suite struct RecordStreamTests {
    struct Run {
        var summary: RecordStream.Summary
        var lines: [[String: Any]]
        var errors: [[String: Any]]
    }

    /// Runs `stream` over `text` written to a file, collecting the output and error lines.
    func run(_ stream: RecordStream, _ text: String, warc: Data? = nil) throws -> Run {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("records-\(UUID().uuidString)")
        try (warc ?? Data(text.utf8)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let fd = open(url.path, O_RDONLY)
        #expect(fd >= 0)
        defer { close(fd) }
        var out: [Data] = [], err: [Data] = []
        let summary = warc == nil
            ? try stream.run(jsonLines: fd, name: "in.jsonl", output: { out.append($0) }, failure: { err.append($0) })
            : try stream.run(warc: fd, name: "in.warc", output: { out.append($0) }, failure: { err.append($0) })
        func parse(_ chunks: [Data]) throws -> [[String: Any]] {
            try chunks.flatMap { $0.split(separator: 0x0A) }.map { try #require(try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]) }
        }
        return Run(summary: summary, lines: try parse(out), errors: try parse(err))
    }

    func article(_ id: Int) -> String {
        #"{"id": \#(id), "title": "Story \#(id)", "blocks": [{"type": "paragraph", "content": [{"type": "text", "text": "Body of story \#(id)."}]}]}"#
    }

    @Test func badRecordsAreReportedAndTheGoodOnesKept() throws {
        var stream = try RecordStream(converter: Converter(), format: "jsonl")
        stream.keyField = "id"
        var lines = (1...20).map(article)
        lines[4] = #"{"id": 5, "title": "broken"#          // not JSON
        lines[9] = #"{"id": 10, "foo": 1}"#                 // not an article
        lines[14] = #"{"id": 15, "blocks": [{"type": "nope"}]}"#  // no such block
        let r = try run(stream, lines.joined(separator: "\n") + "\n\n")
        #expect(r.summary.records == 20 && r.summary.converted == 17 && r.summary.failed == 3)
        #expect(r.lines.map { $0["id"] as? Int } == (1...20).filter { ![5, 10, 15].contains($0) }.map { Optional($0) })
        #expect(r.errors.map { $0["record"] as? Int } == [5, 10, 15])
        // The key of a line that is not JSON cannot be known; the others name theirs.
        #expect(r.errors.map { $0["key"] as? Int } == [nil, 10, 15])
        #expect(r.errors.allSatisfy { ($0["error"] as? [String: Any])?["code"] as? String == "malformed" })
    }

    @Test func stopEndsTheStreamAtTheFirstFailure() throws {
        var stream = try RecordStream(converter: Converter(), format: "jsonl")
        stream.onError = .stop
        let r = try run(stream, [article(1), "nope", article(3)].joined(separator: "\n"))
        #expect(r.summary.stopped && r.summary.converted == 1 && r.summary.failed == 1)
        #expect(r.lines.count == 1 && r.errors.count == 1)
    }

    @Test func anEmptyStreamIsASuccessWithNoOutput() throws {
        let stream = try RecordStream(converter: Converter(), format: "jsonl")
        for text in ["", "\n\n  \n"] {
            let r = try run(stream, text)
            #expect(r.summary == RecordStream.Summary() && r.lines.isEmpty && r.errors.isEmpty)
        }
    }

    @Test func aRecordPastTheLimitFailsAloneWithoutBeingHeld() throws {
        var stream = try RecordStream(converter: Converter(), format: "jsonl")
        stream.options.maximumInputSize = 4096
        let long = #"{"title": "\#(String(repeating: "x", count: 200_000))", "blocks": []}"#
        let r = try run(stream, [article(1), long, article(3)].joined(separator: "\n"))
        #expect(r.summary.converted == 2 && r.summary.failed == 1)
        #expect((r.errors.first?["error"] as? [String: Any])?["code"] as? String == "limit-exceeded")
    }

    @Test func aRawPageIsExtractedAsAPageFromTheNetwork() throws {
        let stream = try RecordStream(converter: Converter(), format: "jsonl")
        let page = "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
            + String(repeating: "<p>The harbour reopened on Monday after the storm, and the boats came back one by one.</p>", count: 6)
            + "<p>The port authority said <a href=\"/2024/storm\">the storm of last week</a> had closed it for five days, the longest since records began.</p>"
            + "<figure><img src=\"/etc/hostname\" alt=\"Boats\"><figcaption>Boats back in the harbour on Monday.</figcaption></figure>"
            + "</article></body></html>"
        let record: [String: Any] = ["id": "p-1", "url": "https://news.example/2024/harbour", "html": page]
        let line = String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
        let r = try run(stream, line)
        let out = try #require(r.lines.first)
        #expect(out["id"] as? String == "p-1" && out["html"] == nil)
        #expect(out["title"] as? String == "Harbour reopens")
        let text = String(decoding: try JSONSerialization.data(withJSONObject: out), as: UTF8.self)
        #expect(text.contains(#"https:\/\/news.example\/2024\/storm"#), "links resolve against the record's url")
        #expect(!text.contains(#""\/etc\/hostname""#), "a path on this machine is never taken as a local file")
    }

    @Test func otherFormatsWriteOneContentLinePerRecord() throws {
        var stream = try RecordStream(converter: Converter(), format: "md")
        stream.keyField = "id"
        let r = try run(stream, [article(1), article(2), #"{"id": 3, "text": "Plain title\n\nA plain body paragraph."}"#].joined(separator: "\n"))
        #expect(r.lines.count == 3)
        #expect(r.lines.map { $0["key"] as? Int } == [1, 2, 3])
        #expect(r.lines.allSatisfy { $0["format"] as? String == "markdown" })
        #expect((r.lines[1]["content"] as? String)?.contains("Body of story 2.") == true)
        #expect((r.lines[2]["content"] as? String)?.contains("A plain body paragraph.") == true)
    }

    @Test func eachRecordIsWrittenBeforeTheNextIsRead() throws {
        let stream = try RecordStream(converter: Converter(), format: "jsonl")
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        let firstOut = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var answeredInTime = false
        // The second record is sent only once the first one's line is out (or after 20 s): a
        // stream that waited for more input, or for the end, would miss the deadline.
        Thread {
            try? writer.write(contentsOf: Data((self.article(1) + "\n").utf8))
            answeredInTime = firstOut.wait(timeout: .now() + 20) == .success
            try? writer.write(contentsOf: Data((self.article(2) + "\n").utf8))
            try? writer.close()
        }.start()
        var lines = 0
        let summary = try stream.run(jsonLines: pipe.fileHandleForReading.fileDescriptor, name: "-",
                                     output: { _ in lines += 1; if lines == 1 { firstOut.signal() } }, failure: { _ in })
        #expect(answeredInTime, "the first record's line came out while the input was still open")
        #expect(summary.converted == 2 && lines == 2)
    }

    @Test func aBookIsNotAStreamFormat() {
        #expect(throws: ArticleError.self) { try RecordStream(converter: Converter(), format: "epub") }
    }
}
