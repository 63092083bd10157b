import ArgumentParser
import ArticleKit

@main
struct ArticleKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articlekit",
        abstract: "Read news articles and documents; write EPUB, Markdown, JSON, HTML and plain text.",
        discussion: """
        Examples:
          articlekit convert examples/seed.txt --to epub --output seed.epub
          articlekit convert article.txt --output article.md
          articlekit inspect article.txt
        """,
        version: ArticleKitVersion.current,
        subcommands: [Convert.self, Inspect.self, Formats.self]
    )
}
