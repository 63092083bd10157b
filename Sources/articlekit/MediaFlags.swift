import ArgumentParser

/// pandoc's options for the images of an HTML or Markdown output.
struct MediaFlags: ParsableArguments {
    @Option(name: .customLong("extract-media"), help: ArgumentHelp("Markdown and HTML output: write every image (local, fetched from the web, or from an EPUB or data: URI) into this folder, named by its content, and refer to it by a relative path.", valueName: "dir"))
    var extractMedia: String?

    @Flag(name: .customLong("embed-resources"), help: "HTML output: one self-contained file, every image (local or fetched from the web) inside it as a data: URI.")
    var embedResources = false

    /// Whether the images of an HTML or Markdown output are gathered (and remote ones fetched).
    var gathersImages: Bool { extractMedia != nil || embedResources }

    func validate(formats: [String]) throws {
        if extractMedia != nil && embedResources {
            throw ValidationError("--extract-media and --embed-resources exclude each other: images go into a folder or into the page")
        }
        if let dir = extractMedia, dir.isEmpty { throw ValidationError("--extract-media needs a folder") }
        if extractMedia != nil, formats.contains(where: { $0 != "html" && $0 != "markdown" }) {
            throw ValidationError("--extract-media is for Markdown and HTML output")
        }
        if embedResources, formats.contains(where: { $0 != "html" }) {
            throw ValidationError("--embed-resources is for HTML output")
        }
    }
}
