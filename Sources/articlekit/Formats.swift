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

    @Flag(name: .long, help: "Print only the writers' names and file extensions, one per line (for scripts).")
    var names = false

    func run() {
        let registry = FormatRegistry.standard
        if names {
            for w in registry.writers { print(w.format.extensions.first ?? w.format.name) }
            return
        }
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
