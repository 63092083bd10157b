import Foundation

/// The images of a batch's Markdown and HTML outputs: an article from a book that holds its
/// images (a chapter) gets them written into a folder of the input's own beside its document
/// (`out/book/media/` for a book's chapters in `out/book/`, `out/story-media/` for one
/// `out/story.md`), named by their bytes as `--extract-media` names them, and the document
/// links them by that relative path.
extension BatchConverter {
    /// Whether `writer`'s documents link their images as files.
    static func extractsMedia(_ writer: any ArticleWriter) -> Bool {
        ["markdown", "html"].contains(writer.format.name)
    }

    /// Writes `article` to `url` through `writer`, its images into `media`.
    /// - Returns: The images written, then the document, for removal when a later output of the
    ///   same input fails.
    func writeDocument(_ article: [Article], with writer: any ArticleWriter, to url: URL, media mediaFolder: URL, sources: [URL],
                       context: inout ConversionContext) throws(ArticleError) -> (images: [String], document: String) {
        var articles = article
        var extraction: MediaExtraction?
        if options.bookImagesBeside, context.origin != .local, Self.extractsMedia(writer), articles.contains(where: { $0.resources.contains { $0.mediaType.lowercased().hasPrefix("image/") } }) {
            let folder = url.deletingLastPathComponent()
            let media = MediaExtraction(folder: mediaFolder, outputFolder: folder)
            let step = ExtractMedia(extraction: media)
            var moved: [Article] = []
            for a in articles { moved.append(try step.apply(to: a, context: &context)) }
            articles = moved
            extraction = media
        }
        let data = try writer.write(articles, context: &context)
        let images = try extraction?.write() ?? []
        do throws(ArticleError) {
            try OutputFile.write(data, to: url, inputs: sources, within: options.outputDirectory)
        } catch {
            extraction?.remove(images)
            throw error
        }
        return (images.map(\.path), url.path)
    }
}
