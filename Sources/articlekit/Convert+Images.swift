import ArticleKit
import Foundation

/// How a run gets its images: the converter (with the download step for books, and for
/// `--extract-media` / `--embed-resources`), the fetcher to shut down afterwards, and the
/// folder of extracted images.
struct ImagePipeline {
    var converter: Converter
    var fetcher: Fetcher?
    var extraction: MediaExtraction?
}

extension Convert {
    /// The canonical names of the output formats (`markdown` for `--to md`); unknown names are
    /// left to the writer lookup to report.
    func outputFormatNames() -> [String] {
        let registry = FormatRegistry.standard
        if !formats.isEmpty { return formats.map { registry.writer(named: $0)?.format.name ?? $0 } }
        if let output, let writer = registry.writer(forPath: output) { return [writer.format.name] }
        return []
    }

    /// The converter for this run. The network is used only when it is wanted: a book
    /// (`--to epub`), or `--extract-media` / `--embed-resources`, and never with `--images none`
    /// or `--no-fetch`.
    /// Worker processes of a batch build the same pipeline from the same arguments.
    func imagePipeline(target: String?) throws(ArticleError) -> ImagePipeline {
        let names = outputFormatNames()
        let wantsNetwork = images != .none && !fetch.noFetch && (names.contains("epub") || media.gathersImages)
        // The same fetcher (and so the same limits, headers, proxy and CA) as the run's pages.
        // A batch worker's images: the workers split the run's connection limits between them.
        let share = batch.batchWorker ? max(1, batch.jobs ?? ProcessInfo.processInfo.activeProcessorCount) : 1
        let fetcher = wantsNetwork ? try fetch.makeFetcher(share: share) : nil
        let remote = fetcher.map { FetchRemoteImages(fetcher: $0) }
        var converter = Converter(registry: .standard(remoteImages: remote))
        var extraction: MediaExtraction?
        if media.gathersImages { converter = converter.gatheringImages(remoteImages: remote) }
        if let dir = media.extractMedia {
            guard let target else {
                throw ArticleError(.usage, "--extract-media works for one output file, not a folder of outputs")
            }
            let outputFolder = target == "-"
                ? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
                : URL(fileURLWithPath: target).deletingLastPathComponent()
            let media = MediaExtraction(folder: URL(fileURLWithPath: dir, isDirectory: true), outputFolder: outputFolder)
            converter = converter.extractingMedia(media)
            extraction = media
        }
        return ImagePipeline(converter: converter, fetcher: fetcher, extraction: extraction)
    }

    /// Writes the output of one conversion, after the images it refers to (`--extract-media`);
    /// when the output cannot be written the images written for it are removed again.
    func writeOutput(_ data: Data, to target: String, inputFiles: [URL], extraction: MediaExtraction?) throws(ArticleError) {
        let written = try extraction?.write() ?? []
        do throws(ArticleError) {
            if target == "-" {
                FileHandle.standardOutput.write(data)
            } else {
                try OutputFile.write(data, to: URL(fileURLWithPath: target), inputs: inputFiles)
            }
        } catch {
            extraction?.remove(written)
            throw error
        }
    }
}
