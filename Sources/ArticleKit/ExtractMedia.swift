import Foundation

/// Moves every image an article holds (a resource, or a `data:` URI of a raster image) into a
/// ``MediaExtraction`` and points the image at the file it will be: the step behind
/// `--extract-media`. Images it cannot take (a remote one not fetched) are left as they are.
struct ExtractMedia: ArticleTransform {
    let name = "extract-media"
    let extraction: MediaExtraction

    func apply(to article: Article, context: inout ConversionContext) throws(ArticleError) -> Article {
        var mover = MediaMover(article: article, extraction: extraction)
        var result = mover.rewrite(article)
        result.resources = article.resources.filter { !mover.moved.contains($0.path) }
        return result
    }
}

/// The rewrite of image sources into references to the extracted files.
private struct MediaMover: ArticleRewriter {
    let article: Article
    let extraction: MediaExtraction
    var moved: Set<String> = []
    var references: [String: String] = [:]

    init(article: Article, extraction: MediaExtraction) {
        self.article = article
        self.extraction = extraction
    }

    mutating func rewrite(image: ImageReference) -> ImageReference? {
        var ref = image
        if let known = references[image.source] {
            ref.source = known
        } else if let resource = article.resource(at: image.source), resource.mediaType.lowercased().hasPrefix("image/") {
            ref.source = extraction.add(resource.data, mediaType: resource.mediaType)
            moved.insert(image.source)
            references[image.source] = ref.source
        } else if let data = Self.rasterData(image.source), let format = ImageFormat.sniff(data), format.isRaster {
            ref.source = extraction.add(data, mediaType: format.mediaType)
            references[image.source] = ref.source
        }
        return ref
    }

    /// The bytes of a base64 `data:` URI (percent-encoded ones are text, never a photo).
    static func rasterData(_ source: String) -> Data? {
        guard source.prefix(5).lowercased() == "data:", let comma = source.firstIndex(of: ",") else { return nil }
        let header = source[source.index(source.startIndex, offsetBy: 5)..<comma].lowercased()
        guard header.hasSuffix(";base64") else { return nil }
        return Data(base64Encoded: source[source.index(after: comma)...].filter { !$0.isWhitespace }, options: .ignoreUnknownCharacters)
    }
}
