import ArticleCore
import Foundation

/// Loads the images an article refers to by a local path into the article's resources, while
/// the folder of its input is still known. Paths are relative to the input file (standard
/// input: the current folder). URLs, `data:` URIs and images already in the resources are left
/// alone; a missing file is left for the writer to report.
///
/// The EPUB writer asks for this step through ``/ArticleCore/ArticleWriter/inputTransforms``.
public struct EmbedLocalImages: ArticleTransform {
    /// `embed-local-images`.
    public let name = "embed-local-images"

    /// Creates the step.
    public init() {}

    /// The article with its local images added to its resources.
    public func apply(to article: Article, context: inout ConversionContext) throws(ArticleError) -> Article {
        var collector = ImageSources()
        collector.walk(blocks: article.blocks)
        let sources = collector.sources
        if sources.isEmpty { return article }
        let base: URL
        if let input = context.inputName, input != "-" {
            base = URL(fileURLWithPath: input).deletingLastPathComponent()
        } else {
            base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        }
        var result = article
        var seen = Set(article.resources.map(\.path))
        for source in sources where !seen.contains(source) {
            seen.insert(source)
            guard let url = Self.localURL(source, base: base) else { continue }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue,
                  let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber,
                  size.intValue <= EPUBImageCatalog.maximumSize,
                  let data = try? Data(contentsOf: url)
            else { continue }
            let type = ImageType.sniff(data)?.mediaType ?? "application/octet-stream"
            result.resources.append(Resource(path: source, mediaType: type, data: data))
        }
        return result
    }

    /// The file an image source names, or `nil` for a URL with a scheme other than `file`.
    static func localURL(_ source: String, base: URL) -> URL? {
        let s = source.trimmingCharacters(in: .whitespaces)
        if s.isEmpty || s.hasPrefix("//") { return nil }
        if s.lowercased().hasPrefix("file://") { return URL(string: s).flatMap { $0.isFileURL ? $0 : nil } }
        if let colon = s.firstIndex(of: ":"), s[..<colon].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." }) {
            return nil
        }
        let path = (s.split(separator: "#").first.map(String.init) ?? s).removingPercentEncoding ?? s
        if path.hasPrefix("/") { return URL(fileURLWithPath: path) }
        return base.appendingPathComponent(path)
    }
}

/// Every image source of a body, in reading order.
struct ImageSources: ArticleVisitor {
    var sources: [String] = []

    mutating func visit(image: ImageReference) -> Bool {
        sources.append(image.source)
        return true
    }
}
