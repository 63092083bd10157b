import Foundation
import Testing

/// The man page and completion scripts in the repository describe the command as it is.
/// `scripts/generate-cli-docs.sh` regenerates them.
@Suite struct CLIDocsTests {
    @Test(arguments: [("bash", "completions/articlekit.bash"), ("zsh", "completions/_articlekit"), ("fish", "completions/articlekit.fish")])
    func completionScriptIsUpToDate(shell: String, path: String) throws {
        let r = try CLIRunner.run(["--generate-completion-script", shell])
        let committed = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent(path), encoding: .utf8)
        #expect(r.stdout == committed, "\(path) is out of date: run scripts/generate-cli-docs.sh")
    }

    @Test func manPageNamesEveryCommandAndOption() throws {
        let man = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("docs/man/articlekit.1"), encoding: .utf8)
        let dump = try CLIRunner.run(["--experimental-dump-help"])
        let json = try #require(try JSONSerialization.jsonObject(with: dump.stdoutData) as? [String: Any])
        let root = try #require(json["command"] as? [String: Any])
        var missing: [String] = []
        func visit(_ command: [String: Any]) {
            if let name = command["commandName"] as? String, !man.contains(name) { missing.append(name) }
            // Hidden flags (the batch's own `--batch-worker`) are in no help, page or completion.
            for arg in command["arguments"] as? [[String: Any]] ?? [] where arg["shouldDisplay"] as? Bool != false {
                for n in arg["names"] as? [[String: Any]] ?? [] where n["kind"] as? String == "long" {
                    if let long = n["name"] as? String, !man.contains(long.replacingOccurrences(of: "-", with: "\\\\-")) && !man.contains(long) {
                        missing.append("--" + long)
                    }
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { visit(sub) }
        }
        visit(root)
        #expect(missing.isEmpty, "docs/man/articlekit.1 lacks \(missing); run scripts/generate-cli-docs.sh")
    }
}
