import ArticleKit
import Foundation

extension Convert {
    /// Refuses an `--output` that is a remote URL (`s3://bucket/out/`): it would otherwise be
    /// taken as a local folder named `s3:`.
    func refuseRemoteOutput() throws(ArticleError) {
        guard let output, let colon = output.range(of: "://") else { return }
        let scheme = output[..<colon.lowerBound].lowercased()
        guard !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }), scheme != "file" else { return }
        throw ArticleError(.usage, "--output \(output.printable) is a remote URL, and ArticleKit writes local files only: write to a local or mounted folder (or --output - into your uploader) and copy from there")
    }

    /// Refuses the folder-and-list flags when the run converts into one output (a file or
    /// standard output), where they would do nothing.
    func refuseBatchFlagsForOneOutput() throws(ArticleError) {
        if let first = givenBatchFlags().first {
            throw ArticleError(.usage, "\(first) applies to folder and list conversions into an output folder (--output DIR/), not to one output file or standard output")
        }
    }

    /// The folder-and-batch flags given on this command line, in a fixed order: what a run into
    /// one output, and a stream, refuse.
    func givenBatchFlags() -> [String] {
        var given: [String] = []
        if batch.shard != nil { given.append("--shard") }
        if !batch.include.isEmpty { given.append("--include") }
        if !batch.exclude.isEmpty { given.append("--exclude") }
        if batch.report != nil { given.append("--report") }
        if batch.jobs != nil { given.append("--jobs") }
        if batch.force { given.append("--force") }
        if batch.listRoot != nil { given.append("--list-root") }
        return given
    }
}
