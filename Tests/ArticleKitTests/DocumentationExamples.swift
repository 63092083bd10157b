import ArticleKit
import Foundation
import Testing

// The code samples of the DocC articles in Sources/ArticleKit/ArticleKit.docc, verbatim, so they
// compile; the tests below run them, and `samplesAreTheArticlesCode` checks that every ```swift
// block of the articles appears here unchanged.

// MARK: - ArticleKit.md

func markdown(of path: String) throws(ArticleError) -> String {
    let converter = Converter()  // every built-in format; Unicode NFC, then language detection
    var context = ConversionContext()
    let articles = try converter.read(try ReaderInput(path: path), context: &context)
    let data = try converter.write(articles, to: "markdown", context: &context)
    return String(decoding: data, as: UTF8.self)
}

// MARK: - WritingAnExporter.md

/// Writes one line per article: the date it was published, then its title.
struct HeadlineListWriter: ArticleWriter {
    let format = FormatInfo(name: "headlines", extensions: ["headlines"],
                            mediaType: "text/plain", summary: "one line per article: date and title")

    /// Every article given goes into one list.
    var combinesArticles: Bool { true }

    func write(_ articles: [Article], context: inout ConversionContext) throws(ArticleError) -> Data {
        var out = ""
        for article in articles {
            let date = article.metadata.published.map { String($0.iso8601.prefix(10)) } ?? "undated"
            if article.metadata.title == nil { context.warn("an article has no title") }
            out += date + "  " + (article.metadata.title ?? "Untitled") + "\n"
        }
        return Data(out.utf8)
    }
}

/// The number of figures in a body, however deeply they are nested in quotes and lists.
func figureCount(in blocks: [Block]) -> Int {
    blocks.reduce(0) { count, block in
        switch block {
        case .figure: count + 1
        case .quote(let children): count + figureCount(in: children)
        case .list(let list): count + list.items.reduce(0) { $0 + figureCount(in: $1.blocks) }
        case .paragraph, .heading, .code, .rule, .table, .html: count
        }
    }
}

/// The headlines of some article files, with the standard readers and the writer above.
func headlines(of paths: [String]) throws(ArticleError) -> String {
    var registry = FormatRegistry.standard
    registry.register(writer: HeadlineListWriter())
    let converter = Converter(registry: registry)
    var context = ConversionContext()
    var inputs: [ReaderInput] = []
    for path in paths { inputs.append(try ReaderInput(path: path)) }
    let data = try converter.convert(inputs, to: "headlines", context: &context)
    return String(decoding: data, as: UTF8.self)
}

/// Writes `NAME.headlines` into `output` for every readable file under `folder`.
func writeHeadlines(of folder: String, into output: URL) throws(ArticleError) -> BatchProgress {
    var registry = FormatRegistry.standard
    registry.register(writer: HeadlineListWriter())
    let options = BatchOptions(formats: ["headlines"], outputDirectory: output)
    let batch = try BatchConverter(converter: Converter(registry: registry), options: options)
    return try batch.run(paths: [folder])
}

/// Drops the figures of the body, for a reader where images do not load.
struct StripFigures: ArticleTransform {
    let name = "strip-figures"

    func apply(to article: Article, context: inout ConversionContext) throws(ArticleError) -> Article {
        var copy = article
        copy.blocks.removeAll { if case .figure = $0 { true } else { false } }
        return copy
    }
}

/// The standard formats and steps, then the step above.
func converterWithoutFigures() -> Converter {
    Converter(transforms: Converter.defaultTransforms + [StripFigures()])
}

// MARK: - WritingAReader.md

/// Reads `.note` files: a title line, `key: value` lines, a blank line, then paragraphs.
struct NoteReader: ArticleReader {
    let format = FormatInfo(name: "note", extensions: ["note"], mediaType: "text/plain",
                            summary: "a title line, key: value lines, then paragraphs")

    func read(_ input: ReaderInput, context: inout ConversionContext) throws(ArticleError) -> [Article] {
        // A BOM, then --encoding, then UTF-8; empty or binary input is a clear error.
        let text = try input.decodeText(encoding: context.options.encoding)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        var metadata = Metadata(title: lines.popFirst()?.trimmingCharacters(in: .whitespaces))
        while let line = lines.first, let colon = line.firstIndex(of: ":") {
            lines.removeFirst()
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "author":
                metadata.authors.append(value)
            case "date":
                // Keep what the source said; fill `published` only when it is a real date.
                metadata.dateline = value
                metadata.published = ArticleDate(iso8601: value)
                if metadata.published == nil { context.warn("\"\(value)\" is not an ISO 8601 date") }
            default:
                metadata.extra[key] = .string(value)
            }
        }
        let paragraphs = lines.split(separator: "").map { $0.joined(separator: " ") }
        guard !paragraphs.isEmpty else {
            throw ArticleError(.noContent, "the note has a title but no text", file: input.name)
        }
        return [Article(metadata: metadata, blocks: paragraphs.map { .paragraph([.text($0)]) })]
    }
}

/// A note as Markdown, through the standard converter with the note reader added.
func markdown(ofNote text: String) throws(ArticleError) -> String {
    var registry = FormatRegistry.standard
    registry.register(reader: NoteReader())
    let converter = Converter(registry: registry)
    var context = ConversionContext()
    let input = ReaderInput(data: Data(text.utf8), name: "today.note")
    let articles = try converter.read(input, context: &context)
    return String(decoding: try converter.write(articles, to: "md", context: &context), as: UTF8.self)
}

// MARK: - Tests

@Suite struct DocumentationExamples {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let catalog = root.appendingPathComponent("Sources/ArticleKit/ArticleKit.docc")
    static func example(_ name: String) -> String { root.appendingPathComponent("examples/" + name).path }

    /// Every ```swift block of the catalog's articles, with the article it is in.
    static func swiftBlocks() throws -> [(article: String, code: String)] {
        var blocks: [(String, String)] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: catalog.path).filter { $0.hasSuffix(".md") }.sorted()
        for name in names {
            let text = try String(contentsOf: catalog.appendingPathComponent(name), encoding: .utf8)
            var code: String?
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if code == nil, line == "```swift" {
                    code = ""
                } else if let c = code, line == "```" {
                    blocks.append((name, c))
                    code = nil
                } else if let c = code {
                    code = c + line + "\n"
                }
            }
        }
        return blocks
    }

    @Test func samplesAreTheArticlesCode() throws {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let blocks = try Self.swiftBlocks()
        let articles = Set(blocks.map(\.article))
        #expect(articles.isSuperset(of: ["ArticleKit.md", "WritingAnExporter.md", "WritingAReader.md"]))
        for block in blocks {
            #expect(source.contains(block.code), "a sample of \(block.article) is not in DocumentationExamples.swift verbatim:\n\(block.code)")
        }
    }

    @Test func overviewConvertsTheSeedArticleToMarkdown() throws {
        let text = try markdown(of: Self.example("000_seed.txt"))
        #expect(text.contains("During the revolutionary process, our Party has always emphasized mass mobilization work."))
    }

    @Test func headlineWriterListsEachArticleWithItsDate() throws {
        let text = try headlines(of: [Self.example("002_school_year.txt"), Self.example("bicycle-lanes.html")])
        #expect(text == """
            2011-09-05  Nearly 700,000 students in Nghe An enter the new school year
            2023-04-17  City council approves new bicycle lanes for the old town

            """)
    }

    @Test func headlineWriterWarnsAboutAnUntitledArticle() throws {
        var context = ConversionContext()
        let data = try HeadlineListWriter().write([Article()], context: &context)
        #expect(String(decoding: data, as: UTF8.self) == "undated  Untitled\n")
        #expect(context.warnings.map(\.message) == ["an article has no title"])
    }

    @Test func batchWritesOneHeadlineFilePerInput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("articlekit-doc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.example("002_school_year.txt"), toPath: input.appendingPathComponent("school.txt").path)
        try FileManager.default.copyItem(atPath: Self.example("bicycle-lanes.html"), toPath: input.appendingPathComponent("lanes.html").path)
        let progress = try writeHeadlines(of: input.path, into: dir.appendingPathComponent("out"))
        #expect(progress.converted == 2 && progress.failed == 0)
        let lanes = try String(contentsOf: dir.appendingPathComponent("out/lanes.headlines"), encoding: .utf8)
        #expect(lanes == "2023-04-17  City council approves new bicycle lanes for the old town\n")
    }

    @Test func figureCountFindsNestedFigures() {
        let figure = Block.figure(Figure(caption: [.text("A market")], credit: "Lan Anh"))
        let body: [Block] = [figure, .quote([figure, .paragraph([.text("x")])]),
                             .list(ListBlock(ordered: false, items: [ListItem(blocks: [figure])]))]
        #expect(figureCount(in: body) == 3)
    }

    @Test func stripFiguresRemovesTheSeedArticlesFigure() throws {
        var context = ConversionContext()
        let input = try ReaderInput(path: Self.example("000_seed.txt"))
        let with = try Converter().read(input, context: &context)[0]
        let without = try converterWithoutFigures().read(input, context: &context)[0]
        #expect(figureCount(in: with.blocks) >= 1)
        #expect(figureCount(in: without.blocks) == 0)
        #expect(without.blocks.count == with.blocks.count - figureCount(in: with.blocks))
    }

    static let note = """
        Night buses return
        author: Lan Anh
        date: 2024-06-15T19:30:00+07:00
        section: City

        Three night bus lines start again on Monday,
        after a two-year pause.

        Tickets cost the same as by day.
        """

    @Test func noteReaderReadsTitleMetadataAndParagraphs() throws {
        var context = ConversionContext()
        let articles = try NoteReader().read(ReaderInput(data: Data(Self.note.utf8), name: "a.note"), context: &context)
        let a = try #require(articles.first)
        #expect(articles.count == 1)
        #expect(a.metadata.title == "Night buses return")
        #expect(a.metadata.authors == ["Lan Anh"])
        #expect(a.metadata.published?.iso8601 == "2024-06-15T19:30:00+07:00")
        #expect(a.metadata.extra["section"] == .string("City"))
        #expect(a.blocks.map(\.plainText) == ["Three night bus lines start again on Monday, after a two-year pause.",
                                              "Tickets cost the same as by day."])
        #expect(context.warnings.isEmpty)
    }

    @Test func noteReaderKeepsADateItCannotParse() throws {
        var context = ConversionContext()
        let text = "Title\ndate: last Monday\n\nBody."
        let a = try NoteReader().read(ReaderInput(data: Data(text.utf8), name: "b.note"), context: &context)[0]
        #expect(a.metadata.dateline == "last Monday")
        #expect(a.metadata.published == nil)
        #expect(context.warnings.map(\.message) == ["\"last Monday\" is not an ISO 8601 date"])
    }

    @Test func noteReaderRefusesANoteWithoutText() {
        var context = ConversionContext()
        do {
            _ = try NoteReader().read(ReaderInput(data: Data("Title only\n".utf8), name: "c.note"), context: &context)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .noContent)
            #expect(error.file == "c.note")
        }
    }

    @Test func aRegisteredNoteReaderFeedsTheMarkdownWriter() throws {
        let md = try markdown(ofNote: Self.note)
        #expect(md.contains("Three night bus lines start again on Monday, after a two-year pause."))
    }
}
