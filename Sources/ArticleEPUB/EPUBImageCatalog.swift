import ArticleCore
import Foundation

/// The images of a book: resolves each image an article refers to (a resource of the article,
/// a `data:` URI, or a file loaded next to the input by ``EmbedLocalImages``), checks its
/// bytes, and gives each distinct image one manifest item, however often it is used.
final class EPUBImageCatalog {
    /// One image in the book.
    struct Item {
        var id: String
        /// Path inside the EPUB folder (`images/img-001.jpg`).
        var href: String
        var mediaType: String
        var data: Data
        var isCover = false
        /// Drawn by the writer (the raster cover), not taken from the input: left out of the
        /// identifier, which the input alone decides.
        var isGenerated = false
    }

    private(set) var items: [Item] = []
    private(set) var warnings: [String] = []
    private var byDigest: [Data: Int] = [:]
    private var warned: Set<String> = []
    /// Put before warnings (the article's title, in a book of several), or empty.
    var warningPrefix = ""

    /// The largest image accepted; bigger ones are left out with a warning.
    static let maximumSize = 50 << 20

    /// The href (relative to a chapter in `text/`) of the image `ref` of `article`, or `nil`
    /// when it cannot be embedded (a warning says why).
    func chapterSource(for ref: ImageReference, in article: Article) -> String? {
        itemIndex(for: ref, in: article).map { "../" + items[$0].href }
    }

    /// The catalog index of the image `ref` of `article`, adding it on first use.
    func itemIndex(for ref: ImageReference, in article: Article) -> Int? {
        let source = ref.source.trimmingCharacters(in: .whitespaces)
        if source.isEmpty { return nil }
        if let r = article.resource(at: source) {
            return add(r.data, label: source)
        }
        let lower = source.lowercased()
        if lower.hasPrefix("data:") {
            guard let data = Self.decodeDataURI(source) else {
                warnOnce("an image data: URI could not be decoded; the image is left out")
                return nil
            }
            return add(data, label: "a data: URI image")
        }
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") {
            warnOnce("remote image not fetched, left out: \(source)")
            return nil
        }
        warnOnce("image not found, left out (the caption is kept): \(source)")
        return nil
    }

    /// The catalog index of the lead image `source` of `article` (``/ArticleCore/Metadata/image``)
    /// when its bytes are in the book: a resource of the article with that path, as the image
    /// steps and the downloads leave it, the same look-up as a figure's, or a `data:` URI. A lead
    /// image that is not (a remote one never fetched) is no warning: the book gets its
    /// generated cover instead.
    func leadImageIndex(for source: String, in article: Article) -> Int? {
        let source = source.trimmingCharacters(in: .whitespaces)
        if let r = article.resource(at: source) { return add(r.data, label: source) }
        if source.lowercased().hasPrefix("data:"), URLSafety.isSafeImageSource(source), let data = Self.decodeDataURI(source) {
            return add(data, label: "the lead image data: URI")
        }
        return nil
    }

    /// Adds the raster cover (JPEG bytes the writer drew) as the book's cover-image item,
    /// `images/cover.jpg`, the last item (so no article image's id depends on it).
    func addGeneratedCover(_ data: Data) -> Int? {
        guard ImageType.sniff(data) == .jpeg else { return nil }
        for i in items.indices { items[i].isCover = false }
        items.append(Item(id: "cover-jpeg", href: "images/cover.jpg", mediaType: ImageType.jpeg.mediaType, data: data,
                          isCover: true, isGenerated: true))
        return items.count - 1
    }

    /// Adds the image bytes read from `label` if they are an image EPUB readers show.
    func add(_ data: Data, label: String, isCover: Bool = false) -> Int? {
        guard data.count <= Self.maximumSize else {
            warnOnce("image larger than \(Self.maximumSize >> 20) MB, left out: \(label)")
            return nil
        }
        guard let type = ImageType.sniff(data) else {
            warnOnce("not a JPEG, PNG, GIF or WebP image (by its first bytes), left out: \(label)")
            return nil
        }
        var digest = SHA256Digest()
        digest.update(data)
        let key = Data(digest.finalize())
        if let i = byDigest[key] {
            if isCover { items[i].isCover = true }
            return i
        }
        let n = items.count + 1
        let id = "img-" + String(format: "%03d", n)
        items.append(Item(id: id, href: "images/\(id).\(type.fileExtension)", mediaType: type.mediaType, data: data, isCover: isCover))
        byDigest[key] = items.count - 1
        return items.count - 1
    }

    func markCover(_ index: Int) { items[index].isCover = true }

    private func warnOnce(_ message: String) {
        let m = warningPrefix + message
        if warned.insert(m).inserted { warnings.append(m) }
    }

    /// The bytes of a `data:` URI (base64 or percent-encoded), or `nil`.
    static func decodeDataURI(_ uri: String) -> Data? {
        guard let comma = uri.firstIndex(of: ",") else { return nil }
        let header = uri[uri.index(uri.startIndex, offsetBy: 5)..<comma].lowercased()
        let payload = String(uri[uri.index(after: comma)...])
        if header.hasSuffix(";base64") {
            return Data(base64Encoded: payload.filter { !$0.isWhitespace }, options: .ignoreUnknownCharacters)
        }
        return payload.removingPercentEncoding.map { Data($0.utf8) }
    }
}

/// The raster image formats that EPUB 3.3 lists as core media types, told apart by their first
/// bytes (the file name or declared type is not trusted): ``/ArticleCore/ImageFormat`` without SVG,
/// which a book does not embed.
enum ImageType: String {
    case jpeg, png, gif, webp

    static func sniff(_ d: Data) -> ImageType? {
        ImageFormat.sniff(d).flatMap { ImageType(rawValue: $0.rawValue) }
    }

    var mediaType: String { "image/" + rawValue }
    var fileExtension: String { self == .jpeg ? "jpg" : rawValue }
}
