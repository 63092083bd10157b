import ArgumentParser
import ArticleKit

extension RecordStream.ErrorPolicy: ExpressibleByArgument {}

/// The options of a stream of records (`--from jsonl`, a WARC file, to one line per record).
struct StreamFlags: ParsableArguments {
    @Option(name: .customLong("on-error"), help: ArgumentHelp("What a record that fails does to a stream: skip (report it and go on; the default) or stop (report it and stop).", valueName: "skip|stop"))
    var onError: RecordStream.ErrorPolicy?

    @Option(name: .long, help: ArgumentHelp("Write a stream's error lines (one JSON object per failed record) to this file instead of standard error.", valueName: "file"))
    var errors: String?

    @Option(name: .long, help: ArgumentHelp("The record field a stream's error lines and per-record lines carry as their key (`id`); a WARC page's key is its target URI unless named.", valueName: "field"))
    var key: String?

    /// The stream flags given, by name, for the error that says they need a stream.
    var given: [String] {
        var names: [String] = []
        if onError != nil { names.append("--on-error") }
        if errors != nil { names.append("--errors") }
        if key != nil { names.append("--key") }
        return names
    }
}
