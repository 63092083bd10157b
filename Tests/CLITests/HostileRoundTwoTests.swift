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
