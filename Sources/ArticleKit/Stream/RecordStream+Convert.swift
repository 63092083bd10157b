import ArticleJSON
import Foundation

extension RecordStream {
    /// One record's articles, through the converter's transforms.
    ///
    /// An article record goes through the transforms as it is. A raw document goes through the
    /// reader its field names (`html`, `text`, `markdown`) as a document from the network
    /// (origin ``/ArticleCore/DocumentOrigin/remote``: no local file it names is ever read), with
    /// the record's `url` as the base its links resolve against; the article fields the record
    /// sets beside it (`title`, `published`, …) win over what the reader found, except `url`,
    /// which only fills in an article without one (a page's canonical link is kept). The
    /// record's own fields (an `id`) are kept on every article it gives.
    func convert(_ record: JSONRecord, name: String, line: Int) throws(ArticleError) -> [Article] {
        let given = record.article
        guard let document = record.document else {
            return [try transform(given, name: name, line: line)]
        }
        let base = given.metadata.url.flatMap(URL.init(string:)).flatMap { ["http", "https"].contains($0.scheme?.lowercased() ?? "") ? $0 : nil }
        let input = ReaderInput(data: Data(document.content.utf8), name: name, origin: .remote, sourceURL: base)
        return try read(input, format: document.format, line: line).map { overlaid($0, with: given.metadata) }
    }

    /// Reads a document that came inside a record (a JSON string, so UTF-8 whatever its own
    /// declaration says) and runs the transforms; errors name the input's line.
    func read(_ input: ReaderInput, format: String, line: Int?, encoding: String? = "utf-8") throws(ArticleError) -> [Article] {
        var context = ConversionContext(options: options)
        context.options.encoding = options.encoding ?? encoding
        do {
            return try converter.read(input, from: format, context: &context)
        } catch {
            var located = error.inFile(input.name)
            if located.line == nil { located.line = line }
            throw located
        }
    }

    /// Runs the transforms on an article read from a record.
    func transform(_ article: Article, name: String, line: Int) throws(ArticleError) -> Article {
        var context = ConversionContext(options: options, inputName: name)
        context.origin = .remote
        var article = article
        for step in converter.transforms {
            do {
                article = try step.apply(to: article, context: &context)
            } catch {
                throw ArticleError(error.code, "\(step.name): \(error.message)", file: name, line: line)
            }
        }
        return article
    }

    /// The article a reader found, with the fields its record set beside the document.
    func overlaid(_ found: Article, with given: Metadata) -> Article {
        var article = found
        var m = article.metadata
        if let v = given.title { m.title = v }
        if let v = given.subtitle { m.subtitle = v }
        if !given.authors.isEmpty { m.authors = given.authors }
        if let v = given.published { m.published = v }
        if let v = given.dateline { m.dateline = v }
        if let v = given.source { m.source = v }
        if m.url == nil { m.url = given.url }
        if let v = given.language { m.language = v }
        if !given.tags.isEmpty { m.tags = given.tags }
        if let v = given.summary { m.summary = v }
        if let v = given.image { m.image = v }
        for (k, v) in given.extra { m.extra[k] = v }
        article.metadata = m
        return article
    }
}
