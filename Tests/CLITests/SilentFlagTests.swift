import Foundation
import Testing

/// A flag that cannot apply to a run is a usage error naming it, never silently ignored.
@Suite struct SilentFlagTests {
    @Test(arguments: [["--shard", "1/4"], ["--include", "*.txt"], ["--exclude", "*.md"], ["--report", "r.json"], ["--force"]])
    func batchFlagsWithOneOutputAreUsageErrors(flags: [String]) throws {
        let r = try CLIRunner.run(["convert", CLIRunner.seed.path, "--to", "md", "--output", "-"] + flags)
        #expect(r.status == 2 && r.stderr.contains(flags[0]) && r.stdout.isEmpty, "\(r.stderr)")
    }

    @Test(arguments: ["s3://bucket/out/", "gs://b/x", "hdfs://namenode/out"])
    func aRemoteOutputIsAClearError(output: String) throws {
        let dir = try CLIRunner.temporaryDirectory()
        let r = try CLIRunner.run(["convert", CLIRunner.seed.path, "--to", "json", "--output", output], in: dir)
        #expect(r.status == 2 && r.stderr.contains("remote URL") && r.stderr.contains("mounted folder"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "no local folder named after the URL")
    }

    @Test func aListWithWindowsLineEndsNamesTheSameFiles() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let list = dir.appendingPathComponent("list.txt"), out = dir.appendingPathComponent("out")
        try Data((CLIRunner.seed.path + "\r\n").utf8).write(to: list)
        let r = try CLIRunner.run(["convert", "--from-list", list.path, "--to", "json", "--output", out.path + "/"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("1 converted"))
    }
}
