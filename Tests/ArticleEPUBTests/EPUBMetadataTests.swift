import ArticleCore
@testable import ArticleEPUB
import Foundation
import Testing

@Suite struct EPUBMetadataTests {
    @Test func metadataComesFromTheArticle() throws {
        let (book, _) = try makeBook([Fixtures.article()])
        let opf = XMLProbe.parse(book.files["EPUB/package.opf"] ?? Data())
        #expect(opf.wellFormed)
        #expect(opf.text(of: "title") == "Rice harvest breaks records")
        #expect(opf.text(of: "language") == "vi")
        #expect(opf.elements.filter { $0.name == "creator" }.map(\.text) == ["Thanh Le", "Nguyen Xuan Son"])
        #expect(opf.text(of: "date") == "2011-09-05T01:30:00Z")
        #expect(opf.text(of: "publisher") == "Baonghean")
        #expect(opf.text(of: "source") == "https://example.org/rice")
        #expect(opf.text(of: "subject") == "agriculture")
        #expect(opf.text(of: "description") == "Farmers agreed on prices.")
        for property in ["schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature",
                         "schema:accessibilityHazard", "schema:accessibilitySummary"] {
            #expect(book.opf.contains("property=\"\(property)\""), "\(property)")
        }
    }

    @Test func titleWithMarkupCharactersAndEmojiSurvives() throws {
        let title = "Farmers & co-ops <finally> \"agree\" 'today' 🌾"
        let (book, _) = try makeBook([Fixtures.article(title: title)])
        #expect(XMLProbe.parse(book.files["EPUB/package.opf"] ?? Data()).text(of: "title") == title)
        #expect(XMLProbe.parse(book.files["EPUB/toc.ncx"] ?? Data()).text(of: "docTitle")?.contains(title) == true)
        let chapter = XMLProbe.parse(Data(book.chapters[0].utf8))
        #expect(chapter.elements.first { $0.name == "h1" }?.text == title)
    }

    @Test func noTitleFallsBackToTheFileNameWithAWarning() throws {
        let (book, warnings) = try makeBook([Fixtures.article(title: nil)], inputName: "news/2011-09-05 harvest.json")
        #expect(XMLProbe.parse(book.files["EPUB/package.opf"] ?? Data()).text(of: "title") == "2011-09-05 harvest")
        #expect(warnings.contains { $0.message.contains("no title") })
        var options = ConversionOptions()
        options.title = "Given title"
        let (titled, _) = try makeBook([Fixtures.article(title: "  ")], options: options)
        #expect(XMLProbe.parse(titled.files["EPUB/package.opf"] ?? Data()).text(of: "title") == "Given title")
        let (stdin, _) = try makeBook([Fixtures.article(title: nil)], inputName: "-")
        #expect(XMLProbe.parse(stdin.files["EPUB/package.opf"] ?? Data()).text(of: "title") == "Untitled")
    }

    @Test func languageIsTheArticlesOrUndeterminedNeverTheLocale() throws {
        var a = Fixtures.article()
        a.metadata.language = nil
        let (book, _) = try makeBook([a])
        #expect(book.opf.contains("<dc:language>und</dc:language>"))
        #expect(book.chapters[0].contains("xml:lang=\"und\""))
        var en = Fixtures.article()
        en.metadata.language = "en"
        let (mixed, _) = try makeBook([en, Fixtures.article(), Fixtures.article()])
        #expect(mixed.opf.contains("<dc:language>vi</dc:language>\n<dc:language>en</dc:language>"))
        var odd = Fixtures.article()
        odd.metadata.language = "English (UK)"
        let (bad, warnings) = try makeBook([odd])
        #expect(bad.opf.contains("<dc:language>und</dc:language>"))
        #expect(warnings.contains { $0.message.contains("BCP 47") })
        odd.metadata.language = "ar"
        let (arabic, _) = try makeBook([odd])
        #expect(arabic.chapters[0].contains("xml:lang=\"ar\" dir=\"rtl\""))
        #expect(arabic.opf.contains("<spine toc=\"ncx\" page-progression-direction=\"rtl\">"))
        odd.metadata.language = "pt_BR"
        #expect(try makeBook([odd]).0.opf.contains("<dc:language>pt-BR</dc:language>"))
    }

    @Test func generatedCoverIsDeclaredWhenThereIsNoLeadImage() throws {
        var a = Fixtures.article()
        a.blocks.removeAll { if case .figure = $0 { return true }; return false }
        let (book, _) = try makeBook([a])
        #expect(book.opf.contains("href=\"images/cover.svg\" media-type=\"image/svg+xml\" properties=\"cover-image\""))
        #expect(book.opf.contains("<meta name=\"cover\" content=\"cover-image\"/>"))
        let svg = XMLProbe.parse(book.files["EPUB/images/cover.svg"] ?? Data())
        #expect(svg.wellFormed)
        let texts = svg.elements.filter { $0.name == "text" }.map(\.text).joined(separator: " ")
        #expect(texts.contains("Rice harvest") && texts.contains("BAONGHEAN") && texts.contains("Thanh Le") && texts.contains("2011-09-05"))
    }

    @Test func leadImageOrCoverFileBecomesTheCover() throws {
        let (book, _) = try makeBook([Fixtures.article()])
        #expect(book.files["EPUB/images/cover.svg"] == nil)
        #expect(book.opf.contains("properties=\"cover-image\""))
        #expect(book.opf.contains("<meta name=\"cover\" content=\"img-001\"/>"))

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("epub-cover-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var cover = tinyPNG
        cover.append(0)  // a different image from the lead one
        try cover.write(to: dir.appendingPathComponent("cover.png"))
        var options = ConversionOptions()
        options.coverPath = dir.appendingPathComponent("cover.png").path
        let (covered, _) = try makeBook([Fixtures.article(), Fixtures.article()], options: options)
        #expect(covered.opf.contains("<meta name=\"cover\" content=\"img-002\"/>"))
        options.coverPath = dir.appendingPathComponent("nothing.png").path
        let (fallback, warnings) = try makeBook([Fixtures.article()], options: options)
        #expect(fallback.files["EPUB/images/cover.svg"] != nil)
        #expect(warnings.contains { $0.message.contains("--cover") })
    }
}
