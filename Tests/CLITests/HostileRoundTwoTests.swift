import Foundation
import Testing

/// The second hostile set (issue #12): numbers that overflow, nesting that exhausts the stack,
/// endless inputs and shapes that take quadratic time. Each either converts, with a warning for
/// anything left out, or fails alone with one line naming the file, a non-zero exit and no output.
@Suite struct HostileRoundTwoTests {
    static func write(_ text: String, _ name: String, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// One error line naming the file and saying `needle`, exit 1, nothing written.
    static func expectRefused(_ args: [String], file: String, saying needle: String, output: URL,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try CLIRunner.run(args + ["--output", output.path])
        #expect(r.status == 1, "exit \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(file) && r.stderr.contains(needle), "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: output.path), "no output", sourceLocation: sourceLocation)
    }

    static let body = String(repeating: "Words of the article body, long enough to be the article. ", count: 10)

    @Test func hugeListStartsConvertToEveryFormat() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let html = try Self.write("<html><body><article><p>\(Self.body)</p><ol start=\"9223372036854775807\"><li>one</li><li>two</li></ol></article></body></html>", "list.html", in: dir)
        for format in ["md", "txt", "html", "json", "epub"] {
            let out = dir.appendingPathComponent("out.\(format)")
            let r = try CLIRunner.run(["convert", html.path, "--to", format, "--output", out.path])
            #expect(r.status == 0, "\(format): exit \(r.status) \(r.stderr)")
            #expect(FileManager.default.fileExists(atPath: out.path))
        }
        let md = try String(contentsOf: dir.appendingPathComponent("out.md"), encoding: .utf8)
        #expect(md.contains("999999999. one"), "the start clamped to what CommonMark can number: \(md)")
        let md2 = try Self.write("9999999999. not a list item in CommonMark\n\n999999999. a\n999999999. b\n", "big.md", in: dir)
        let r = try CLIRunner.run(["convert", md2.path, "--to", "txt", "--output", "-"])
        #expect(r.status == 0 && r.stdout.contains("1000000000. b"), "\(r.stdout) \(r.stderr)")
    }

    @Test func aJSONListStartOutsideTheSchemaIsOneClearError() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let json = try Self.write(#"{"title": "T", "blocks": [{"type": "list", "ordered": true, "start": 9223372036854775807, "items": [{"blocks": []}]}]}"#, "start.json", in: dir)
        try Self.expectRefused(["convert", json.path, "--to", "md"], file: "start.json", saying: "list start", output: dir.appendingPathComponent("o.md"))
    }
}

/// Inputs that may never end (devices, pipes, standard input) are read through `--max-input`;
/// a regular file over it is refused before it is read.
@Suite struct InputLimitTests {
    @Test func endlessDevicesAreRefusedAtTheLimit() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("o.json")
        for device in ["/dev/zero", "/dev/urandom"] {
            let start = Date()
            try HostileRoundTwoTests.expectRefused(["convert", device, "--from", "text", "--max-input", "1M"], file: device, saying: "input limit of 1 MiB", output: out)
            #expect(Date().timeIntervalSince(start) < 10, "\(device) ends quickly")
        }
    }

    @Test func standardInputPastTheLimitIsRefused() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("o.json")
        // Through a shell pipe: the command stops reading at the limit, and a test writing the
        // rest itself would be killed by SIGPIPE. Both feeders' complaints about the closed pipe
        // go to /dev/null; the command's own stderr is what is checked.
        let command = "head -c 200000 /dev/zero 2>/dev/null | tr '\\0' a 2>/dev/null | '\(CLIRunner.binary.path)' convert - --from text --max-input 64k --output '\(out.path)'"
        let r = try CLIRunner.run(["-c", command], executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(r.status == 1 && r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("-: the input is longer than the input limit of 64 KiB"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        // Exactly at the limit is fine.
        let ok = try CLIRunner.run(["convert", "-", "--from", "text", "--to", "txt", "--max-input", "64", "--output", "-"],
                                   stdin: Data(("Title\n\n" + String(repeating: "b", count: 57)).utf8))
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    @Test func aRegularFileOverTheLimitIsRefusedBeforeItIsRead() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let big = try HostileRoundTwoTests.write("Title\n\n" + String(repeating: "word ", count: 1000), "big.txt", in: dir)
        try HostileRoundTwoTests.expectRefused(["convert", big.path, "--max-input", "1K"], file: "big.txt", saying: "the file is larger than the input limit of 1 KiB", output: dir.appendingPathComponent("o.json"))
        // A sparse file of 2 GiB is refused at the default limit without reading 2 GiB.
        let sparse = dir.appendingPathComponent("sparse.txt")
        #expect(FileManager.default.createFile(atPath: sparse.path, contents: nil))
        let h = try FileHandle(forWritingTo: sparse)
        try h.truncate(atOffset: 2 << 30)
        try h.close()
        let start = Date()
        try HostileRoundTwoTests.expectRefused(["convert", sparse.path], file: "sparse.txt", saying: "input limit of 1 GiB", output: dir.appendingPathComponent("o2.json"))
        #expect(Date().timeIntervalSince(start) < 5)
        for bad in ["0", "1x", "-5", "99999999999999999999G"] {
            let r = try CLIRunner.run(["convert", big.path, "--max-input", bad, "--output", "-"])
            #expect(r.status != 0 && r.stderr.contains("--max-input"), "\(bad): \(r.stderr)")
        }
    }
}

/// Recursion on input depth is bounded before a recursive library runs.
@Suite struct DeepInputTests {
    @Test func aYAMLStackBombIsOneClearError() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let n = 8_000
        let flow = try HostileRoundTwoTests.write("---\nk: " + String(repeating: "[", count: n) + String(repeating: "]", count: n) + "\n---\n\nBody.\n", "flow.md", in: dir)
        let block = try HostileRoundTwoTests.write("---\nk:\n" + String(repeating: "- ", count: n) + "x\n---\n\nBody.\n", "block.md", in: dir)
        for (url, name) in [(flow, "flow.md"), (block, "block.md")] {
            try HostileRoundTwoTests.expectRefused(["convert", url.path, "--to", "json"], file: name, saying: "nests deeper than 64 levels", output: dir.appendingPathComponent("o.json"))
        }
    }
}

/// Nothing is dropped silently, and the shapes that were quadratic convert in linear time.
@Suite struct OmissionAndTimeTests {
    static let body = "<p>" + String(repeating: "Words of the article body, long enough to be the article. ", count: 10) + "</p>"

    /// Converts to text; returns the exit status, the output and stderr, and the time taken.
    static func convert(_ url: URL) throws -> (status: Int32, text: String, stderr: String, seconds: Double) {
        let start = Date()
        let r = try CLIRunner.run(["convert", url.path, "--to", "txt", "--output", "-"])
        return (r.status, r.stdout, r.stderr, Date().timeIntervalSince(start))
    }

    @Test func deepNestingIsFlattenedWithAWarning() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let n = 100_000
        let page = try HostileRoundTwoTests.write("<html><body><article>\(Self.body)" + String(repeating: "<div>", count: n) + "<p>The deepest paragraph.</p>"
            + String(repeating: "</div>", count: n) + Self.body.replacingOccurrences(of: "Words", with: "After") + "</article></body></html>", "deep.html", in: dir)
        let r = try Self.convert(page)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.text.contains("The deepest paragraph.") && r.text.contains("After of the article"), "nothing after the depth is lost")
        #expect(r.stderr.contains("deep.html: warning: markup nested deeper than 128 levels was flattened"), "\(r.stderr)")
        #expect(r.seconds < 20)
    }

    @Test func aTextNodeOverTenMegabytesIsKept() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let page = try HostileRoundTwoTests.write("<html><body><article><p>" + String(repeating: "word ", count: 2_100_000) + "the-last-word</p>\(Self.body)</article></body></html>", "big.html", in: dir)
        let r = try Self.convert(page)
        #expect(r.status == 0 && r.text.contains("the-last-word"), "\(r.stderr)")
    }

    @Test func anAttributeFloodIsCappedWithAWarning() throws {
        let dir = try CLIRunner.temporaryDirectory()
        // Unquoted values: the pre-parse removes unread quoted attributes anyway (no loss, no
        // warning), so these are the ones that reach the cap.
        let flood = (0..<50_000).map { "a\($0)=v" }.joined(separator: " ")
        let page = try HostileRoundTwoTests.write("<html><body><article>\(Self.body)<p \(flood)>Flooded paragraph.</p></article></body></html>", "attrs.html", in: dir)
        let r = try Self.convert(page)
        #expect(r.status == 0 && r.text.contains("Flooded paragraph."), "\(r.stderr)")
        #expect(r.stderr.contains("attrs.html: warning: 49900 attributes past 100 on one element were left out"), "\(r.stderr)")
        #expect(r.seconds < 10, "libxml2 alone took 21 s")
    }

    @Test func fenceLinesOfSpacesAreLinear() throws {
        let dir = try CLIRunner.temporaryDirectory()
        for (name, text) in [("first.md", "---" + String(repeating: " ", count: 120_000) + "\ntitle: T\n---\n\nBody.\n"),
                             ("closing.md", "---\ntitle: T\n---" + String(repeating: " ", count: 120_000) + "\n\nBody.\n"),
                             ("lines.md", "---\n" + String(repeating: String(repeating: " ", count: 1_000) + "\n", count: 200) + "title: T\n---\n\nBody.\n")] {
            let url = try HostileRoundTwoTests.write(text, name, in: dir)
            let r = try Self.convert(url)
            #expect(r.status == 0 || r.status == 1, "\(name): \(r.stderr)")
            #expect(r.seconds < 5, "\(name): \(r.seconds) s (12 s before, a quadratic trim)")
        }
    }

    @Test func decomposedTextIsLinear() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let line = "Việt Nam, một đất nước xinh đẹp với những cánh đồng lúa bát ngát. ".decomposedStringWithCanonicalMapping
        let url = try HostileRoundTwoTests.write("Tiêu đề\n\n" + String(repeating: line, count: 30_000) + "\n", "nfd.txt", in: dir)
        let r = try Self.convert(url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.text.contains("Việt Nam"), "composed")
        #expect(r.seconds < 15, "\(r.seconds) s (2.5 MB NFD: over 20 s before)")
    }
}
