import Foundation
import Testing

@Suite struct ConvertCommandTests {
    @Test func seedToJSONMatchesGolden() throws {
        let r = try CLIRunner.run(["convert", CLIRunner.seed.path, "--to", "json", "--output", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        try CLIRunner.assertGolden(r.stdout, "000_seed.json")
    }

    @Test func seedToTextMatchesGolden() throws {
        let r = try CLIRunner.run(["convert", CLIRunner.seed.path, "--to", "txt", "--output", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        try CLIRunner.assertGolden(r.stdout, "000_seed.txt")
    }

    @Test func seedToMarkdownMatchesGoldenAndReadsBack() throws {
        let r = try CLIRunner.run(["convert", CLIRunner.seed.path, "--to", "md", "--output", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        try CLIRunner.assertGolden(r.stdout, "000_seed.md")
        // The Markdown holds everything the article had: reading it back gives the same JSON.
        let viaMarkdown = try CLIRunner.run(["convert", "-", "--from", "md", "--to", "json", "--output", "-"], stdin: r.stdoutData)
        let direct = try CLIRunner.run(["convert", CLIRunner.seed.path, "--to", "json", "--output", "-"])
        #expect(viaMarkdown.stdout == direct.stdout)
    }

    @Test func formatComesFromOutputExtension() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let out = dir.appendingPathComponent("seed.json")
        let r = try CLIRunner.run(["convert", CLIRunner.seed.path, "--output", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        #expect(json?["source"] as? String == "Baonghean")
        // Nothing but the output is left in the folder: no temporary file.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["seed.json"])
    }

    @Test func defaultOutputIsInputNameWithNewExtension() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let input = dir.appendingPathComponent("story.txt")
        try FileManager.default.copyItem(at: CLIRunner.seed, to: input)
        let r = try CLIRunner.run(["convert", input.path, "--to", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("story.json").path))
    }

    @Test func standardInputAndOutput() throws {
        let r = try CLIRunner.run(["convert", "-", "--from", "text", "--to", "json", "--output", "-"],
                                  stdin: try Data(contentsOf: CLIRunner.seed))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"dateline\": \"DNUM_BEZBAZCABB 20:10\""))
    }

    @Test func languageOverrideAndWidth() throws {
        let r = try CLIRunner.run(["convert", CLIRunner.seed.path, "--to", "json", "-o", "-", "--language", "vi"])
        #expect(r.stdout.contains("\"language\": \"vi\""))
        let t = try CLIRunner.run(["convert", CLIRunner.seed.path, "--to", "txt", "-o", "-", "--width", "40"])
        #expect(t.stdout.split(separator: "\n").allSatisfy { $0.count <= 40 })
        let u = try CLIRunner.run(["convert", CLIRunner.seed.path, "--to", "txt", "-o", "-", "--width", "0"])
        #expect(u.stdout.split(separator: "\n").contains { $0.count > 500 })
    }

    @Test func jsonRoundTripThroughTheCommand() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let json = dir.appendingPathComponent("a.json")
        try CLIRunner.run(["convert", CLIRunner.seed.path, "-o", json.path])
        let again = try CLIRunner.run(["convert", json.path, "--to", "json", "-o", "-"])
        #expect(again.stdoutData == (try Data(contentsOf: json)))
    }
}

@Test func severalInputsIntoOneFileAreJoinedOrNeedAnOutput() throws {
    let dir = try CLIRunner.temporaryDirectory()
    let school = CLIRunner.packageRoot.appendingPathComponent("examples/002_school_year.txt").path
    let joined = dir.appendingPathComponent("both.md")
    let r = try CLIRunner.run(["convert", CLIRunner.seed.path, school, "--output", joined.path, "--title", "Two articles"])
    #expect(r.status == 0, "\(r.stderr)")
    let text = try String(contentsOf: joined, encoding: .utf8)
    #expect(text.contains("Strengthening mass mobilization work") && text.contains("Nearly 700,000 students"))
    let none = try CLIRunner.run(["convert", CLIRunner.seed.path, school, "--to", "md"])
    #expect(none.status == 2 && none.stderr.contains("--output"))
}
