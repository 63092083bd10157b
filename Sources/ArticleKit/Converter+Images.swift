import ArticleEPUB
import ArticleFetch
import ArticleImages

extension Converter {
    /// The image steps of a book, after its local images are loaded: the download of its
    /// remote images (when `remoteImages` is given), each made ready by ArticleImages's
    /// normaliser as soon as it has arrived, then `NormalizeImages` for the rest (the local
    /// ones; a downloaded image it finds ready already is kept as it is).
    ///
    /// A book fetches each article's lead image as well (`leadImage`), for the cover of a book
    /// of one article.
    public static func imageSteps(remoteImages: FetchRemoteImages?, leadImage: Bool = false) -> [any ArticleTransform] {
        var steps: [any ArticleTransform] = []
        if let remoteImages {
            steps.append(preparingImages(remoteImages.fetchingLeadImage(leadImage)))
        }
        steps.append(NormalizeImages())
        return steps
    }

    /// `remoteImages`, with each image made ready by ArticleImages's normaliser on its own
    /// thread as soon as it has arrived, while the others are still downloading (the
    /// `NormalizeImages` step that follows keeps a ready image as it is).
    public static func preparingImages(_ remoteImages: FetchRemoteImages) -> FetchRemoteImages {
        remoteImages.preparing { resource, options in NormalizeImages.prepared(resource, options: options) }
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
