import ArgumentParser
import ArticleKit
import Foundation

@main
struct ArticleKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articlekit",
        abstract: "Read news articles and documents; write EPUB, Markdown, JSON, HTML and plain text.",
        discussion: """
        Examples:
          articlekit convert examples/000_seed.txt --to epub --output seed.epub
          articlekit convert article.txt --output article.md
          articlekit inspect article.txt
        """,
        version: ArticleKitVersion.current,
        subcommands: [Convert.self, Inspect.self, Formats.self]
    )

    /// Like ArgumentParser's `main()`, but a usage error exits with status 2 (as documented), not 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
