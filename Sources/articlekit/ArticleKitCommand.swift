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
        if let bad = firstArgumentNotUTF8() {
            // Swift reads arguments as UTF-8 and would turn the byte into U+FFFD, naming a file
            // that does not exist ("no such file"): say what is wrong instead.
            FileHandle.standardError.write(Data("articlekit: \(bad): the argument is not valid UTF-8; ArticleKit takes file names and options as UTF-8; rename the file (convmv -f latin1 -t utf8 does it)\n".utf8))
            Foundation.exit(2)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // The message may quote an argument: controls made visible, line by line.
                let message = fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false).map { String($0).printable }
                FileHandle.standardError.write(Data((message.joined(separator: "\n") + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    /// The first command-line argument that is not valid UTF-8, shown with its bad bytes as `\xE9`.
    static func firstArgumentNotUTF8() -> String? {
        for i in 0..<Int(CommandLine.argc) where i > 0 {
            guard let arg = CommandLine.unsafeArgv[i] else { continue }
            if String(validatingCString: arg) == nil {
                return String(printableBytes: UnsafeBufferPointer(start: UnsafeRawPointer(arg).assumingMemoryBound(to: UInt8.self), count: strlen(arg)))
            }
        }
        return nil
    }
}
