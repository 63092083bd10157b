import ArgumentParser
import ArticleKit
import Foundation

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert articles from one format to another.",
        discussion: """
        The output format comes from --to, or else from the --output file's extension.
        `-` reads standard input or writes standard output.

        Examples:
          articlekit convert examples/000_seed.txt --to epub --output seed.epub
          articlekit convert examples/000_seed.txt --output seed.md
          cat article.txt | articlekit convert - --from text --to json --output -
        """
    )

    @Argument(help: ArgumentHelp("The input file, or - for standard input.", valueName: "input"))
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("The output format (`articlekit formats` lists them).", valueName: "format"))
    var to: String?

    @Option(name: [.short, .long], help: ArgumentHelp("The output file, or - for standard output (default: the input name with the new extension).", valueName: "path"))
    var output: String?

    @OptionGroup var reading: ReadingOptions

    @Option(name: .long, help: ArgumentHelp("Plain-text line width; 0 for no wrapping.", valueName: "n"))
    var width: Int = 72

    @Option(name: .long, help: ArgumentHelp("A title for a book of several articles, or for an article without one.", valueName: "text"))
    var title: String?

    @Option(name: .long, help: ArgumentHelp("The book identifier (EPUB), instead of one derived from the content.", valueName: "id"))
    var identifier: String?

    @Option(name: .long, help: ArgumentHelp("An image file to use as the cover (EPUB).", valueName: "file"))
    var cover: String?

    @Flag(name: [.short, .long], help: "Print no warnings.")
    var quiet = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give an input file, or - for standard input") }
        if width < 0 { throw ValidationError("--width must be 0 (no wrapping) or more") }
        if to == nil && (output == nil || output == "-") {
            throw ValidationError("name the output format with --to (or give an --output file with an extension)")
        }
    }

    func run() throws {
        var options = ConversionOptions()
        reading.apply(to: &options)
        options.width = width
        options.title = title
        options.identifier = identifier
        options.coverPath = cover
        var converter = Converter()
        var context = ConversionContext(options: options)
        do throws(ArticleError) {
            let writer = try resolveWriter(converter)
            converter.transforms += writer.inputTransforms
            var articles: [Article] = []
            var inputURLs: [URL] = []
            for path in inputs {
                let input = try ReaderInput(path: path)
                if let u = input.fileURL { inputURLs.append(u) }
                articles += try converter.read(input, from: reading.from, context: &context)
            }
            if articles.count > 1 && !writer.combinesArticles && inputs.count > 1 {
                throw ArticleError(.usage, "\(writer.format.name) holds one article per file; convert the inputs one at a time")
            }
            let data = try writer.write(articles, context: &context)
            if !quiet { printWarnings(context.warnings) }
            let target = output ?? defaultOutput(for: inputs[0], writer: writer)
            if target == "-" {
                FileHandle.standardOutput.write(data)
            } else {
                try OutputFile.write(data, to: URL(fileURLWithPath: target), inputs: inputURLs)
            }
        } catch {
            report(error)
            throw ExitCode.failure
        }
    }

    private func resolveWriter(_ converter: Converter) throws(ArticleError) -> any ArticleWriter {
        if let to { return try converter.writer(named: to) }
        if let output, let w = converter.registry.writer(forPath: output) { return w }
        throw ArticleError(.unknownFormat, "cannot tell the output format from the file name; name it with --to", file: output)
    }

    private func defaultOutput(for input: String, writer: any ArticleWriter) -> String {
        if input == "-" { return "-" }
        let url = URL(fileURLWithPath: input).deletingPathExtension()
        return url.path + "." + (writer.format.extensions.first ?? writer.format.name)
    }
}
