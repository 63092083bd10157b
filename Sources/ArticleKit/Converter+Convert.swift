import Foundation

extension Converter {
    /// Reads every input and renders all their articles as one output: what
    /// `articlekit convert a.txt b.html --to FORMAT --output FILE` does.
    ///
    /// The writer's own ``/ArticleCore/ArticleWriter/inputTransforms`` run after this converter's
    /// ``transforms`` (the EPUB writer loads the images that sit next to each input). Several
    /// articles given to a writer that does not combine them make one document: an
    /// ``/ArticleCore/ArticleCollectionWriter`` (Markdown, HTML, text, JSON) gets an
    /// ``/ArticleCore/ArticleCollection`` titled by ``/ArticleCore/ConversionOptions/title``, in
    /// which every article keeps its own title, byline, date, dateline and source (without a
    /// title, one joined input's own metadata is kept: see ``/ArticleCore/ArticleCollectionReader``);
    /// any other writer gets them flattened by ``/ArticleCore/Article/joined(_:title:)``.
    ///
    /// ```swift
    /// var context = ConversionContext()
    /// let inputs = [try ReaderInput(path: "mon.txt"), try ReaderInput(path: "tue.html")]
    /// let book = try Converter().convert(inputs, to: "epub", context: &context)
    /// try OutputFile.write(book, to: URL(fileURLWithPath: "week.epub"))
    /// ```
    ///
    /// - Parameters:
    ///   - inputs: The inputs, in order; their articles keep that order.
    ///   - format: The input format of every input, or `nil` to tell each by its file extension.
    ///   - writer: The writer of the output.
    ///   - context: The options, and the warnings collected on the way.
    /// - Returns: The bytes of the one output file.
    /// - Throws: ``/ArticleCore/ArticleError`` naming the input (and step) that failed.
    public func convert(_ inputs: [ReaderInput], from format: String? = nil, to writer: any ArticleWriter,
                        context: inout ConversionContext) throws(ArticleError) -> Data {
        try convert(inputs.map(ArticleSource.file), from: format, to: writer, context: &context)
    }

    /// Reads every source, files and fetched pages alike, and renders all their articles as one
    /// output, like the overload that takes ``/ArticleCore/ReaderInput`` values: what
    /// `articlekit convert https://… story.txt --to epub --output FILE` does.
    ///
    /// - Parameters:
    ///   - sources: The inputs, in order; their articles keep that order.
    ///   - format: The input format of every input, or `nil` to tell a file by its extension and a
    ///     page by its `Content-Type`.
    ///   - writer: The writer of the output.
    ///   - context: The options, and the warnings collected on the way.
    /// - Returns: The bytes of the one output file.
    /// - Throws: ``/ArticleCore/ArticleError`` naming the input (and step) that failed.
    public func convert(_ sources: [ArticleSource], from format: String? = nil, to writer: any ArticleWriter,
                        context: inout ConversionContext) throws(ArticleError) -> Data {
        let pipeline = including(writer.inputTransforms)
        // One book made from one other (EPUB to EPUB): the book's own title and identifier,
        // not its first chapter's title and a new identifier.
        if writer.combinesArticles, sources.count == 1, case .file(let input) = sources[0],
           context.options.title == nil || context.options.identifier == nil,
           (try? reader(for: input, format: format))?.format.name == "epub",
           let own = try ownMetadata(of: input, from: format, context: context) {
            if context.options.title == nil { context.options.title = own.title }
            if context.options.identifier == nil, case .string(let id)? = own.extra["identifier"] { context.options.identifier = id }
        }
        var articles: [Article] = []
        for source in sources {
            switch source {
            case .file(let input): articles += try pipeline.read(input, from: format, context: &context)
            case .page(let document): articles += try pipeline.readPage(document, from: format, context: &context)
            case .articles(let made, let name): articles += try pipeline.transformed(made, name: name, context: &context)
            }
        }
        if articles.count > 1 && !writer.combinesArticles {
            if let collectionWriter = writer as? any ArticleCollectionWriter {
                var collection = ArticleCollection(articles, title: context.options.title)
                if collection.metadata.title == nil, sources.count == 1, case .file(let input) = sources[0],
                   let own = try ownMetadata(of: input, from: format, context: context) {
                    collection.metadata = own
                }
                return try collectionWriter.write(collection, context: &context)
            }
            articles = [Article.joined(articles, title: context.options.title)]
        }
        return try writer.write(articles, context: &context)
    }

    /// Reads every input and renders all their articles as one output in the format named
    /// `output` (a name or alias the ``registry`` knows), like the overload that takes a writer.
    ///
    /// - Parameters:
    ///   - inputs: The inputs, in order; their articles keep that order.
    ///   - format: The input format of every input, or `nil` to tell each by its file extension.
    ///   - output: The output format's name or alias (`epub`, `md`).
    ///   - context: The options, and the warnings collected on the way.
    /// - Returns: The bytes of the one output file.
    /// - Throws: ``/ArticleCore/ArticleError`` for an unknown format, or naming the input that failed.
    public func convert(_ inputs: [ReaderInput], from format: String? = nil, to output: String,
                        context: inout ConversionContext) throws(ArticleError) -> Data {
        try convert(inputs, from: format, to: try writer(named: output), context: &context)
    }

    /// The collection's own metadata when `input` is one joined document (Markdown or JSON that
    /// holds a collection), so that converting it again keeps its title; `nil` for any other
    /// input. The input is read a second time for it, with the warnings of that reading dropped.
    func ownMetadata(of input: ReaderInput, from format: String?, context: ConversionContext) throws(ArticleError) -> Metadata? {
        guard let reader = try reader(for: input, format: format) as? any ArticleCollectionReader else { return nil }
        var scratch = context
        do {
            guard let own = try reader.collectionMetadata(input, context: &scratch) else { return nil }
            return own == Metadata() ? nil : own
        } catch {
            throw error.inFile(input.name)
        }
    }

    /// A copy that also runs `steps` after its own transforms, leaving out any whose name it
    /// already runs.
    func including(_ steps: [any ArticleTransform]) -> Converter {
        var copy = self
        var names = Set(copy.transforms.map(\.name))
        for step in steps where names.insert(step.name).inserted { copy.transforms.append(step) }
        return copy
    }
}
