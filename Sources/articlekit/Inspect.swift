import ArgumentParser
import ArticleKit
import Foundation

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what ArticleKit understood of an input: metadata and an outline of the blocks.",
        discussion: """
        Examples:
          articlekit inspect examples/000_seed.txt
          articlekit inspect page.html --from html
        """
    )

    @Argument(help: ArgumentHelp("The input file, or - for standard input.", valueName: "input"))
    var input: String

    @OptionGroup var reading: ReadingOptions

    func run() throws {
        var options = ConversionOptions()
        reading.apply(to: &options)
        var context = ConversionContext(options: options)
        do throws(ArticleError) {
            let articles = try Converter().read(try ReaderInput(path: input, maximumSize: options.maximumInputSize), from: reading.from, context: &context)
            printWarnings(context.warnings)
            print(articles.map { ArticleOutline.describe($0) }.joined(separator: "\n"), terminator: "")
        } catch {
            report(error)
            throw ExitCode.failure
        }
    }
}
