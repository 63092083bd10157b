import ArgumentParser
import ArticleKit
import Foundation

/// Options shared by the commands that read articles.
struct ReadingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The input format, when the file extension does not say it.", valueName: "format"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("The input's character encoding (default: a BOM or declaration, then UTF-8).", valueName: "name"))
    var encoding: String?

    @Option(name: .long, help: ArgumentHelp("The article language as a BCP 47 tag, instead of the detected one.", valueName: "tag"))
    var language: String?

    @Flag(name: .long, help: "Read a book (EPUB not made by ArticleKit) as one article with a heading per chapter, not one article per chapter.")
    var joinChapters = false

    @Flag(name: .customLong("no-nonlinear"), help: "Read a book (EPUB) without its non-linear documents (notes, answers the spine marks linear=no), which otherwise come after the others.")
    var noNonlinear = false

    @Option(name: .long, help: ArgumentHelp("Web pages: take title preferences per site from this JSON file (the format of Resources/html-sites.json) instead of the built-in ones; none for the generic choice on every site.", valueName: "file"))
    var htmlSiteProfiles: String?

    @Option(name: .long, help: ArgumentHelp("The most one input may hold, in bytes or with a K, M or G suffix (powers of 1024): a larger file is refused before it is read, and a device, pipe or standard input is refused once it goes past it (default: 1G).", valueName: "size"))
    var maxInput: ByteSize?

    func apply(to options: inout ConversionOptions) {
        if let maxInput { options.maximumInputSize = maxInput.bytes }
        options.encoding = encoding
        options.language = language
        if joinChapters { options.extra["epub-chapters"] = "join" }
        if noNonlinear { options.extra["epub-nonlinear"] = "omit" }
        if let htmlSiteProfiles { options.extra["html-site-profiles"] = htmlSiteProfiles }
    }
}

/// Prints an error the way every command does: one line on stderr, `articlekit: FILE: message`.
func report(_ error: ArticleError) {
    FileHandle.standardError.write(Data("articlekit: \(error)\n".utf8))
}

func printWarnings(_ warnings: [ConversionWarning]) {
    for w in warnings {
        FileHandle.standardError.write(Data("articlekit: \(w)\n".utf8))
    }
}
