import ArticleKit
import Foundation

/// Reads `bytes` as `format`, then writes the result in every registered output format. Errors
/// are the expected outcome for most inputs; a crash, a hang or a leak is a finding.
public func fuzzOne(_ bytes: UnsafePointer<UInt8>, _ count: Int, format: String) {
    let data = Data(bytes: bytes, count: count)
    let converter = Converter()
    var context = ConversionContext()
    guard let articles = try? converter.read(ReaderInput(data: data, name: "fuzz." + format), from: format, context: &context) else { return }
    // No raster cover: it is drawn by pango and cairo from the book's title, not from the input's
    // bytes beyond that, and fontconfig keeps its font cache for the life of the process, which
    // LeakSanitizer reports as a leak at every exit.
    var options = ConversionOptions()
    options.rasterCover = false
    for writer in converter.registry.writers {
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
