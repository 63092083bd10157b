import ArticleCore
import ArticleEPUB
import ArticleHTML
import ArticleImages
import ArticleJSON
import ArticleLanguage
import ArticleMarkdown
import ArticleText
import Foundation

/// The readers and writers of `FormatRegistry.standard` (ArticleKit), built here from the format
/// targets so the fuzz build does not compile the network stack; ArticleKit's
/// `FuzzRegistryTests` fails when the standard registry gains a format this list lacks. Books
/// get the standard image step (`NormalizeImages`) but no download step: the standard registry
/// has none either unless the command line asks for one.
let readers: [any ArticleReader] = [ScrapedTextReader(), JSONReader(), JSONLinesReader(), HTMLReader(), EPUBReader(), MarkdownReader()]
let writers: [any ArticleWriter] = [
    JSONWriter(), JSONLinesWriter(), MarkdownWriter(detectLanguage: { LanguageDetector.detect(in: $0) }), PlainTextWriter(), HTMLWriter(),
    EPUBWriter(imageSteps: [NormalizeImages()], coverRasterizer: CoverRenderer()),
]
/// ArticleKit's `Converter.defaultTransforms`.
let transforms: [any ArticleTransform] = [.normalizeUnicode, .detectLanguage]

/// Reads `bytes` as `format`, runs the default transforms, then writes the result in every
/// output format. Errors are the expected outcome for most inputs; a crash, a hang or a leak is
/// a finding.
public func fuzzOne(_ bytes: UnsafePointer<UInt8>, _ count: Int, format: String) {
    guard let reader = readers.last(where: { $0.format.isNamed(format) }) else { return }
    let data = Data(bytes: bytes, count: count)
    var context = ConversionContext()
    let input = ReaderInput(data: data, name: "fuzz." + format)
    context.inputName = input.name
    context.origin = input.origin
    guard var articles = try? reader.read(input, context: &context) else { return }
    for i in articles.indices {
        for step in transforms {
            guard let a = try? step.apply(to: articles[i], context: &context) else { return }
            articles[i] = a
        }
    }
    // No raster cover: it is drawn by pango and cairo from the book's title, not from the input's
    // bytes beyond that, and fontconfig keeps its font cache for the life of the process, which
    // LeakSanitizer reports as a leak at every exit.
    var options = ConversionOptions()
    options.rasterCover = false
    for writer in writers {
        var c = ConversionContext(options: options)
        _ = try? writer.write(articles, context: &c)
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// Runs libFuzzer's driver with the process arguments and the target's callback.
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                      _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt {
    var c = argc
    var v = argv
    return LLVMFuzzerRunDriver(&c, &v, callback)
}
