// custom-exporter: converts articles into one Atom feed with ArticleKit's Converter (the API
// `articlekit convert` uses), and with --batch into one feed per input through BatchConverter
// (the API `articlekit convert DIR --output DIR/` uses). The Atom writer and the reading-time
// step come from this package, not from ArticleKit.
import ArticleKit
import AtomExporter
import Foundation

let usage = """
    usage: custom-exporter INPUT... --output FEED.atom [--batch OUTDIR] [--title TEXT] [--strip-figures]

    INPUT is a file, or a folder whose readable files (not its subfolders) are taken in name order.
    Files no registered reader understands are skipped with a note.
    """

struct Arguments {
    var inputs: [String] = []
    var output: String?
    var batch: String?
    var title: String?
    var stripFigures = false

    init(_ args: [String]) throws(ArticleError) {
        var it = args.makeIterator()
        func value(_ flag: String) throws(ArticleError) -> String {
            guard let v = it.next() else { throw ArticleError(.usage, "\(flag) needs a value") }
            return v
        }
        while let a = it.next() {
            switch a {
            case "-o", "--output": output = try value(a)
            case "--batch": batch = try value(a)
            case "--title": title = try value(a)
            case "--strip-figures": stripFigures = true
            case "-h", "--help": print(usage); exit(0)
            default:
                if a.hasPrefix("-") && a != "-" { throw ArticleError(.usage, "unknown option \(a)") }
                inputs.append(a)
            }
        }
        if inputs.isEmpty { throw ArticleError(.usage, "give at least one input file or folder") }
        if output == nil && batch == nil { throw ArticleError(.usage, "give --output FEED.atom, --batch OUTDIR, or both") }
    }
}

/// The input files: folders give their readable files in name order; unreadable files are
/// skipped with a note on standard error.
func inputFiles(_ paths: [String], registry: FormatRegistry) throws(ArticleError) -> [String] {
    var files: [String] = []
    for path in paths {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ArticleError(.io, "no such file or folder", file: path)
        }
        var candidates = [path]
        if isDir.boolValue {
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
                throw ArticleError(.io, "cannot list the folder", file: path)
            }
            candidates = names.filter { !$0.hasPrefix(".") }.sorted().map { (path as NSString).appendingPathComponent($0) }
                .filter { var d: ObjCBool = false; return FileManager.default.fileExists(atPath: $0, isDirectory: &d) && !d.boolValue }
        }
        for file in candidates {
            if registry.reader(forPath: file) == nil {
                FileHandle.standardError.write(Data("custom-exporter: skipping \(file): no reader for it in this build\n".utf8))
            } else {
                files.append(file)
            }
        }
    }
    return files
}

func run() throws(ArticleError) -> Int32 {
    let args = try Arguments(Array(CommandLine.arguments.dropFirst()))

    // 1. The formats: everything ArticleKit ships, plus the Atom writer from this package.
    var registry = FormatRegistry.standard
    registry.register(writer: AtomFeedWriter())

    // 2. The pipeline: ArticleKit's default steps (Unicode NFC, language detection), then ours.
    var transforms = Converter.defaultTransforms
    if args.stripFigures { transforms.append(.stripFigures) }
    transforms.append(ReadingTimeTransform())
    let converter = Converter(registry: registry, transforms: transforms)

    let files = try inputFiles(args.inputs, registry: registry)
    guard !files.isEmpty else { throw ArticleError(.noContent, "none of the inputs can be read") }
    for file in files { print("input: \(file)") }

    var options = ConversionOptions()
    options.title = args.title

    // 3. One feed of every article, as `articlekit convert a b c --to atom --output feed.atom`.
    if let output = args.output {
        var context = ConversionContext(options: options)
        var inputs: [ReaderInput] = []
        for file in files { inputs.append(try ReaderInput(path: file)) }
        let feed = try converter.convert(inputs, to: "atom", context: &context)
        for warning in context.warnings { FileHandle.standardError.write(Data("\(warning)\n".utf8)) }
        try OutputFile.write(feed, to: URL(fileURLWithPath: output), inputs: inputs.compactMap(\.fileURL))
        print("feed: \(output)")
    }

    // 4. One feed per input, on all cores, as `articlekit convert … --to atom --output OUTDIR/`.
    if let batchDirectory = args.batch {
        var batchOptions = BatchOptions(formats: ["atom"], outputDirectory: URL(fileURLWithPath: batchDirectory))
        batchOptions.conversion = options
        let batch = try BatchConverter(converter: converter, options: batchOptions)
        let summary = try batch.run(paths: files) { record, _ in
            let what = record.status == .failed ? "failed: \(record.error ?? "")" : record.status.rawValue
            print("batch: \(record.path) \(what) \(record.outputs.joined(separator: " "))")
        }
        print("batch: \(summary.converted) converted, \(summary.skipped) skipped, \(summary.failed) failed")
        if summary.failed > 0 { return 1 }
    }
    return 0
}

do {
    exit(try run())
} catch {
    FileHandle.standardError.write(Data("custom-exporter: \(error)\n".utf8))
    exit(error.code == .usage ? 2 : 1)
}
