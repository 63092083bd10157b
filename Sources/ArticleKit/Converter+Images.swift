import ArticleEPUB
import ArticleFetch
import ArticleImages

extension Converter {
    /// The image steps of a book, after its local images are loaded: the download of its
    /// remote images (when `remoteImages` is given), then ArticleImages's `NormalizeImages`.
    public static func imageSteps(remoteImages: FetchRemoteImages?) -> [any ArticleTransform] {
        (remoteImages.map { [$0] } ?? []) + [NormalizeImages()]
    }

    /// A copy that also brings every image its articles show into their resources, for an HTML
    /// page that holds them (`--embed-resources`) or a Markdown or HTML file whose images go to
    /// a folder (`--extract-media`, with ``extractingMedia(_:)``): the local images
    /// ``/ArticleCore/LocalFilePolicy`` allows, the remote ones when `remoteImages` is given,
    /// then made ready as ``/ArticleCore/ConversionOptions/images`` says (as for a book).
    public func gatheringImages(remoteImages: FetchRemoteImages?) -> Converter {
        var copy = self
        copy.transforms += [EmbedLocalImages()] + Self.imageSteps(remoteImages: remoteImages)
        return copy
    }

    /// A copy that moves every image its articles hold into `extraction` and points the
    /// articles at the files it will write; run after ``gatheringImages(remoteImages:)``.
    public func extractingMedia(_ extraction: MediaExtraction) -> Converter {
        var copy = self
        copy.transforms.append(ExtractMedia(extraction: extraction))
        return copy
    }
}
