import ArticleKit
import Foundation

// Converts every file named on the command line (or every file in the folders named) to JSON
// in this one process, and prints the pages per second. Used by Benchmarks/html_extract.py to
// compare with trafilatura run in one Python process over the same pages.
//
//     articlekit-bench [--from html] [--to json] [--repeat N] PATH...

var from = "html"
var to = "json"
var repeats = 1
var paths: [String] = []
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--from": from = args.popFirst() ?? from
    case "--to": to = args.popFirst() ?? to
    case "--repeat": repeats = Int(args.popFirst() ?? "") ?? 1
    default: paths.append(a)
    }
}
var files: [URL] = []
for p in paths {
    let url = URL(fileURLWithPath: p)
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: p, isDirectory: &isDir), isDir.boolValue {
        let items = (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? []
        files += items.filter { !$0.hasDirectoryPath }.sorted { $0.path < $1.path }
    } else {
        files.append(url)
    }
}
let inputs = files.compactMap { url -> ReaderInput? in
    guard let data = try? Data(contentsOf: url) else { return nil }
    return ReaderInput(data: data, name: url.path, fileURL: url)
}
let converter = Converter()
var failures = 0
var bytes = 0
let start = DispatchTime.now().uptimeNanoseconds
let cpuStart = clock()
for _ in 0..<max(1, repeats) {
    for input in inputs {
        var context = ConversionContext()
        do throws(ArticleError) {
            let articles = try converter.read(input, from: from, context: &context)
            bytes += try converter.write(articles, to: to, context: &context).count
        } catch {
            failures += 1
        }
    }
}
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
// CPU time as well as wall time: on a shared machine the wall clock also counts waiting for a core.
let cpuSeconds = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
let pages = inputs.count * max(1, repeats)
print(String(format: "articlekit: %d pages in %.3f s = %.1f pages/s (%.2f ms/page), %d without an article; CPU %.3f s = %.1f pages/s",
             pages, seconds, Double(pages) / seconds, seconds * 1000 / Double(max(1, pages)), failures,
             cpuSeconds, Double(pages) / max(cpuSeconds, 1e-9)))
