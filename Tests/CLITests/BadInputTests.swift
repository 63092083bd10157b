import Foundation
import Testing

/// Each bad input: one line on stderr naming the file and the problem, a non-zero exit, no output.
@Suite struct BadInputTests {
    func expectRefused(_ args: [String], naming file: String, saying needle: String, outputAt out: URL?,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try CLIRunner.run(args)
        #expect(r.status != 0, sourceLocation: sourceLocation)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "one line: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(file), "names the file: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.lowercased().contains(needle), "says \(needle): \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
        if let out {
            #expect(!FileManager.default.fileExists(atPath: out.path), "no output file", sourceLocation: sourceLocation)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
                .filter { $0.contains("articlekit-tmp") }
            #expect(leftovers.isEmpty, sourceLocation: sourceLocation)
        }
    }

    @Test func emptyFile() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let input = dir.appendingPathComponent("empty.txt")
        try Data().write(to: input)
        let out = dir.appendingPathComponent("out.json")
        try expectRefused(["convert", input.path, "-o", out.path], naming: "empty.txt", saying: "empty", outputAt: out)
    }

    @Test func binaryFile() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let input = dir.appendingPathComponent("photo.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]).write(to: input)
        let out = dir.appendingPathComponent("out.md")
        try expectRefused(["convert", input.path, "-o", out.path], naming: "photo.txt", saying: "binary", outputAt: out)
    }

    @Test func invalidUTF8() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let input = dir.appendingPathComponent("latin1.txt")
        try Data("Café au lait\n\nIt was good.".data(using: .isoLatin1)!).write(to: input)
        let out = dir.appendingPathComponent("out.json")
        try expectRefused(["convert", input.path, "-o", out.path], naming: "latin1.txt", saying: "utf-8", outputAt: out)
        let ok = try CLIRunner.run(["convert", input.path, "-o", "-", "--to", "json", "--encoding", "latin1"])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("Café au lait"))
    }

    @Test func missingFile() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("out.json")
        try expectRefused(["convert", dir.appendingPathComponent("nope.txt").path, "-o", out.path],
                          naming: "nope.txt", saying: "no such file", outputAt: out)
    }

    @Test func unknownFormats() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("out.xyz")
        try expectRefused(["convert", CLIRunner.seed.path, "--to", "docx", "-o", out.path], naming: "docx", saying: "no writer", outputAt: out)
        let odd = dir.appendingPathComponent("article.weird")
        try Data("Title\n\nText.".utf8).write(to: odd)
        try expectRefused(["convert", odd.path, "--to", "json", "-o", out.path], naming: "article.weird", saying: "--from", outputAt: out)
    }

    @Test func outputEqualToInputIsRefusedAndInputKept() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let input = dir.appendingPathComponent("a.txt")
        try FileManager.default.copyItem(at: CLIRunner.seed, to: input)
        let before = try Data(contentsOf: input)
        let r = try CLIRunner.run(["convert", input.path, "--to", "txt", "-o", input.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("a.txt") && r.stderr.contains("input"))
        #expect(try Data(contentsOf: input) == before, "the input is never overwritten")
    }

    @Test func usageErrorsExitNonZero() throws {
        let r = try CLIRunner.run(["convert", CLIRunner.seed.path, "--output", "-"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--to"))
    }
}

/// A device or pipe as the output is written to, never replaced by a renamed file
/// (`--output /dev/null` once turned /dev/null into a file).
@Test func pipeOutputIsWrittenInPlace() throws {
    let dir = try CLIRunner.temporaryDirectory()
    let fifo = dir.appendingPathComponent("out.fifo")
    #expect(mkfifo(fifo.path, 0o644) == 0)
    let reader = Process()
    reader.executableURL = URL(fileURLWithPath: "/bin/cat")
    reader.arguments = [fifo.path]
    let pipe = Pipe()
    reader.standardOutput = pipe
    try reader.run()
    let r = try CLIRunner.run(["convert", CLIRunner.seed.path, "--to", "json", "--output", fifo.path])
    let got = pipe.fileHandleForReading.readDataToEndOfFile()
    reader.waitUntilExit()
    #expect(r.status == 0, "\(r.stderr)")
    #expect(got.count > 1000 && (try? JSONSerialization.jsonObject(with: got)) != nil)
    var st = stat()
    #expect(lstat(fifo.path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO, "still a pipe")
}
