import ArgumentParser
import ArticleKit

struct Formats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the formats ArticleKit reads and writes.",
        discussion: """
        Examples:
          articlekit formats
        """
    )

    func run() {
        let registry = FormatRegistry.standard
        func line(_ f: FormatInfo) -> String {
            let names = ([f.name] + f.aliases).joined(separator: ", ")
            let exts = f.extensions.map { "." + $0 }.joined(separator: " ")
            return "  " + names.padding(toLength: 18, withPad: " ", startingAt: 0)
                + exts.padding(toLength: 22, withPad: " ", startingAt: 0) + f.summary
        }
        print("Readers (--from):")
        for r in registry.readers { print(line(r.format)) }
        print("Writers (--to):")
        for w in registry.writers { print(line(w.format)) }
    }
}
