import ArticleCore
import Foundation

/// The articles an ArticleKit book was made from. The EPUB writer stores each chapter's article
/// as ArticleKit JSON in `articlekit/article-NNN.json` (an ordinary manifest item that no
/// reading system shows), so reading the book back loses nothing the model held. Images are
/// not stored twice: the file lists each resource's book path, and the bytes come from there.
struct EPUBSourceArticle: Codable {
    struct ResourceReference: Codable {
        var path: String
        var mediaType: String
        /// The file inside the book that holds the bytes.
        var href: String
    }

    var article: Article
    var resources: [ResourceReference]

    /// The manifest folder the files live in, relative to the package document.
    static let folder = "articlekit/"
}

enum EPUBSourceArticles {
    /// The stored articles in order, or `nil` when the book is not one of ArticleKit's.
    static func read(package: EPUBPackage, archive: EPUBArchive, name: String) throws(ArticleError) -> [Article]? {
        let files = package.items.values
            .filter { $0.mediaType == "application/json" && $0.path.contains("/" + EPUBSourceArticle.folder) }
            .map(\.path).sorted()
        guard !files.isEmpty else { return nil }
        var articles: [Article] = []
        for path in files {
            let data = try archive.data(path)
            let stored: EPUBSourceArticle
            do {
                stored = try JSONDecoder().decode(EPUBSourceArticle.self, from: data)
            } catch {
                throw ArticleError(.malformed, "\(path) is not an ArticleKit article", file: name)
            }
            var article = stored.article
            let base = EPUBPath.folder(of: path)
            for ref in stored.resources {
                let bookPath = EPUBPath.resolve(ref.href, against: base)
                guard archive.contains(bookPath), let bytes = try? archive.data(bookPath) else { continue }
                article.resources.append(Resource(path: ref.path, mediaType: ref.mediaType, data: bytes))
            }
            articles.append(article)
        }
        return articles
    }
}
