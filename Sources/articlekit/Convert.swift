import ArgumentParser
import ArticleKit
import Foundation

extension ImageOptions.Mode: ExpressibleByArgument {}

/// `--raster-cover`: a JPEG cover beside the SVG one, for one book (auto), always, or never.
enum RasterCoverChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, yes, no
}

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert articles, or whole folders of them, from one format to others.",
        discussion: """
        The output format comes from --to, or else from the --output file's extension.
        `-` reads standard input or writes standard output. With folders, a --from-list, or
        several --to formats, every readable file is converted into the --output folder,
        mirroring the folder tree, on all cores; a rerun skips outputs that are up to date.

        An input may be an http(s) URL: the page is fetched (see "From the web" below) and read
        by its Content-Type; with --output DIR/ each page's outputs are named from its host and
        path.

        A feed (RSS, Atom, JSON Feed, or an OPML list of feeds; a URL, file or standard input)
        gives its items as articles: several feeds into one book make a daily paper with a
        section per feed (see "News feeds" below).

        A stream of records (JSON Lines, or a WARC file's pages) to --output - or FILE.jsonl is
        converted one record at a time: one output line per record, each failed record one JSON
        line on standard error (see "Streams of records" below).

        Exit status: 0 when everything converted, 1 when an input failed, 2 for a usage error,
        3 when some records of a stream failed and the rest were written.

        Examples:
          articlekit convert examples/000_seed.txt --to epub --output seed.epub
          articlekit convert examples/000_seed.txt --output seed.md
          articlekit convert https://example.com/2024/story.html --to epub --output story.epub
          articlekit convert https://example.com/feed.xml feeds.opml --since 24h --to epub --output paper.epub
          articlekit convert articles/ --to epub,md,json --output out/ --report report.json
          find . -name '*.txt' | articlekit convert --from-list - --to json --output out/ --shard 2/8
          find /data -name '*.txt' -print0 | articlekit convert --from-list0 - --to json --output out/
          articlekit convert - --from jsonl --to jsonl --output - --key id --errors bad.jsonl
          articlekit convert crawl.warc.gz --to jsonl --output -
        """
    )

    @Argument(help: ArgumentHelp("Input files, folders or http(s) URLs, or - for standard input.", valueName: "input"))
    var inputs: [String] = []

    @Option(name: .long, help: ArgumentHelp("Output formats, comma-separated (`articlekit formats` lists them).", valueName: "format,…"))
    var to: String?

    @Option(name: [.short, .long], help: ArgumentHelp("The output file, - for standard output, or the output folder for several inputs (default: beside the input).", valueName: "path"))
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

    @Option(name: .customLong("resource-path"), help: ArgumentHelp("A folder whose images documents may embed besides their own folder tree, searched after it for relative paths; repeatable (EPUB).", valueName: "dir"))
    var resourcePaths: [String] = []
    @Flag(name: .long, help: "Keep raw HTML (Markdown's HTML, JSON html blocks) as written in HTML pages and EPUB chapters, for trusted input; by default it is sanitized: no script, event handlers, frames, forms or unsafe URLs.")
    var rawHTML = false

    @Option(name: .long, help: ArgumentHelp("What a book does with its images: reader (JPEG or PNG, scaled down, upright, no metadata), keep (as they are), none (left out, captions kept).", valueName: "reader|keep|none"))
    var images: ImageOptions.Mode = .reader

    @Option(name: .customLong("image-max"), help: ArgumentHelp("The longest side, in pixels, photos in a book are scaled down to (never up).", valueName: "px"))
    var imageMax = ImageOptions().maxDimension

    @Option(name: .customLong("image-quality"), help: ArgumentHelp("JPEG quality of a book's photos, 1-100.", valueName: "q"))
    var imageQuality = ImageOptions().quality

    @Option(name: .customLong("raster-cover"), help: ArgumentHelp("Whether a book also gets a JPEG cover for library views that show no SVG cover: auto (for one book, not in folder batches, where it would double the time a book takes), yes, no.", valueName: "auto|yes|no"))
    var rasterCover: RasterCoverChoice = .auto

    @OptionGroup(title: "Images of HTML and Markdown outputs") var media: MediaFlags

    @OptionGroup(title: "Folders and batches") var batch: BatchFlags

    @OptionGroup(title: "From the web") var fetch: FetchFlags

    @OptionGroup(title: "News feeds") var feeds: FeedFlags
    @OptionGroup(title: "Streams of records") var stream: StreamFlags

    @Flag(name: [.short, .long], help: "No progress bar and no warnings.")
    var quiet = false

    @Flag(name: [.customShort("v"), .long], help: "List each file as it is converted.")
    var verbose = false

    var formats: [String] { (to ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }

    func validate() throws {
        if batch.fromList != nil && batch.fromList0 != nil {
            throw ValidationError("--from-list and --from-list0 cannot be used together: give one list, NUL-separated with --from-list0 or one path a line with --from-list")
        }
        if inputs.isEmpty && batch.list == nil { throw ValidationError("give an input file or folder, - for standard input, --from-list or --from-list0") }
        if let root = batch.listRoot {
            if batch.list == nil { throw ValidationError("--list-root applies to a list of inputs: --from-list or --from-list0") }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("--list-root \(root): no such folder")
            }
        }
        if width < 0 { throw ValidationError("--width must be 0 (no wrapping) or more") }
        if to == nil && (output == nil || output == "-") {
            throw ValidationError("name the output format with --to (or give an --output file with an extension)")
        }
        if let s = batch.shard, Shard(s) == nil { throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, for example 3/16") }
        if let j = batch.jobs, j < 1 { throw ValidationError("--jobs must be 1 or more") }
        if imageMax < 16 || imageMax > 20_000 { throw ValidationError("--image-max must be from 16 to 20000 pixels") }
        if !(1...100).contains(imageQuality) { throw ValidationError("--image-quality must be from 1 to 100") }
        try media.validate(formats: outputFormatNames())
        for path in resourcePaths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("--resource-path \(path): no such folder")
            }
        }
    }

    func conversionOptions() -> ConversionOptions {
        var options = ConversionOptions()
        reading.apply(to: &options)
        options.width = width
        options.title = title
        options.identifier = identifier
        options.coverPath = cover
        options.resourcePaths = resourcePaths
        options.rawHTML = rawHTML
        options.rasterCover = rasterCover != .no
        options.images.mode = images
        options.images.maxDimension = imageMax
        options.images.quality = imageQuality
        return options
    }

    func run() throws {
        var status: Int32 = 0
        var fetcher: Fetcher?
        defer { fetcher?.shutdownBlocking() }
        do throws(ArticleError) {
            let plain = Converter()
            try refuseRemoteOutput()
            if let kinds = try streamKinds() {
                status = try runStream(kinds, converter: plain)
            } else {
                let batch = try isBatch(plain)
                if !batch && !self.batch.batchWorker { try refuseBatchFlagsForOneOutput() }
                let pipeline = try imagePipeline(target: batch ? nil : try singleTarget(plain))
                fetcher = pipeline.fetcher
                if batch {
                    // Feeds among the inputs: an output per article; else the batch runner.
                    if let done = try runFeedsToFolder(pipeline) { status = done } else { status = try runBatch(pipeline.converter) }
                } else {
                    status = try runSingle(pipeline)
                }
            }
        } catch {
            report(error)
            throw ExitCode(error.code == .usage || error.code == .unknownFormat ? 2 : 1)
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// A batch: folders to a non-combining format, a list, several formats, or several inputs
    /// into an output folder.
    private func isBatch(_ converter: Converter) throws(ArticleError) -> Bool {
        if batch.list != nil || formats.count > 1 { return true }
        // An output folder means one file per input (and per article of a book).
        if let output, output != "-", Self.looksLikeFolder(output) { return true }
        let writer = try resolveWriter(converter)
        let anyFolder = inputs.contains { var d: ObjCBool = false; return !Self.isURL($0) && FileManager.default.fileExists(atPath: $0, isDirectory: &d) && d.boolValue }
        // A folder in and an output named without an extension: a folder out, for books too
        // (`--output books` must not become one book called "books"). One book from a folder
        // is asked for by naming the file: `--output all.epub`.
        if anyFolder, let output, output != "-", URL(fileURLWithPath: output).pathExtension.isEmpty { return true }
        if writer.combinesArticles { return false }
        if anyFolder { return true }
        if inputs.count > 1 && output == nil {
            throw ArticleError(.usage, "several inputs: give --output FILE to join them into one document, or --output DIR/ for a file each")
        }
        return false
    }

    static func looksLikeFolder(_ path: String) -> Bool {
        var d: ObjCBool = false
        return path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &d) && d.boolValue)
    }

    private func singleTarget(_ converter: Converter) throws(ArticleError) -> String {
        if let output { return output }
        let first = inputs.first ?? "-"
        let writer = try resolveWriter(converter)
        return Self.isURL(first) ? Self.defaultOutput(forURL: first, writer: writer) : defaultOutput(for: first, writer: writer)
    }

    /// Converts the inputs into one output; returns the exit status.
    private func runSingle(_ pipeline: ImagePipeline) throws(ArticleError) -> Int32 {
        let converter = pipeline.converter
        var context = ConversionContext(options: conversionOptions())
        let writer = try resolveWriter(converter)
        // A combining writer (a book) takes files from folders too, in name order; URLs are
        // fetched, all at once. Feeds among them give way to their items' articles (a paper).
        let fetched = try feedSources(converter, maximumInputSize: context.options.maximumInputSize, fetcher: pipeline.fetcher)
        let stage = try feedStage(fetched.sources, failed: fetched.failed, pipeline: pipeline, context: &context)
        if stage.nothingNew {
            if !quiet { FileHandle.standardError.write(Data("articlekit: no new items in the feeds since the last run (--state); nothing written\n".utf8)) }
            return 0
        }
        let sources = stage.sources
        // One output file holds one document: several articles (a book's chapters) are joined.
        let data = try converter.convert(sources, from: reading.from, to: writer, context: &context)
        if !quiet { printWarnings(context.warnings) }
        let files = sources.compactMap { source -> URL? in if case .file(let input) = source { return input.fileURL } else { return nil } }
        try writeOutput(data, to: try singleTarget(converter), inputFiles: files, extraction: pipeline.extraction)
        return try finishFeeds(stage)
    }

    func expandFolders(_ paths: [String], _ converter: Converter) throws(ArticleError) -> [String] {
        var out: [String] = []
        for p in paths {
            var d: ObjCBool = false
            guard p != "-", !Self.isURL(p), FileManager.default.fileExists(atPath: p, isDirectory: &d), d.boolValue else { out.append(p); continue }
            out += try converter.readableFiles(under: p, anyFormat: reading.from != nil, followSymlinks: batch.followSymlinks)
        }
        return out
    }

    private func resolveWriter(_ converter: Converter) throws(ArticleError) -> any ArticleWriter {
        if let first = formats.first { return try converter.writer(named: first) }
        if let output, let w = converter.registry.writer(forPath: output) { return w }
        throw ArticleError(.unknownFormat, "cannot tell the output format from the file name; name it with --to", file: output)
    }

    private func defaultOutput(for input: String, writer: any ArticleWriter) -> String {
        if input == "-" { return "-" }
        let url = URL(fileURLWithPath: input).deletingPathExtension()
        return url.path + "." + (writer.format.extensions.first ?? writer.format.name)
    }
}
