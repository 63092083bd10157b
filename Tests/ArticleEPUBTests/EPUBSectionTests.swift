import ArticleCore
import Foundation
import Testing

/// A paper: articles in sections (feeds) get a two-level table of contents and a cover that
/// names the sections; books without sections are laid out as before.
@Suite struct EPUBSectionTests {
    static func article(_ title: String, section: String?, day: Int = 1) -> Article {
        var a = Fixtures.article(title: title, url: "https://example.org/\(title.lowercased().replacingOccurrences(of: " ", with: "-"))")
        a.metadata.section = section
        a.metadata.published = ArticleDate(year: 2024, month: 5, day: day, hour: 7, utcOffsetMinutes: 0)
        return a
    }

    @Test func consecutiveArticlesOfOneSectionShareOneEntryInNavAndNCX() throws {
        let articles = [Self.article("One", section: "Harbour Times"), Self.article("Two", section: "Harbour Times"),
                        Self.article("Three", section: "Atom Weekly", day: 3), Self.article("Alone", section: nil)]
        var options = ConversionOptions()
        options.title = "Paper"
        let (book, _) = try makeBook(articles, options: options)
        let nav = book.text("EPUB/nav.xhtml")
        // Feed → its articles → their headings.
        #expect(nav.contains("<li><a href=\"text/chapter-001.xhtml\">Harbour Times</a>\n<ol>\n<li><a href=\"text/chapter-001.xhtml\">One</a>\n<ol>\n<li><a href=\"text/chapter-001.xhtml#c1-"), "\(nav)")
        #expect(nav.contains("<li><a href=\"text/chapter-003.xhtml\">Atom Weekly</a>\n<ol>\n<li><a href=\"text/chapter-003.xhtml\">Three</a>"), "\(nav)")
        #expect(nav.components(separatedBy: ">Harbour Times<").count == 2, "one entry for the section")
        let ncx = book.text("EPUB/toc.ncx")
        #expect(ncx.contains("<meta name=\"dtb:depth\" content=\"5\"/>"), "one level more than a book without sections: \(ncx)")
        // The section and its first article open the same page: one playOrder.
        #expect(ncx.contains("<navPoint id=\"np-1\" playOrder=\"1\">\n<navLabel><text>Harbour Times</text></navLabel>"), "\(ncx)")
        #expect(ncx.contains("<navPoint id=\"np-2\" playOrder=\"1\">\n<navLabel><text>One</text></navLabel>"), "\(ncx)")
        let cover = book.text("EPUB/images/cover.svg")
        #expect(cover.contains("HARBOUR TIMES · ATOM WEEKLY"), "\(cover)")
        #expect(cover.contains("2024-05-03") && cover.contains("4 articles from 2 feeds"), "\(cover)")
    }

    @Test func aBookWithoutSectionsOrOfOneArticleIsLaidOutAsBefore() throws {
        let plain = [Self.article("One", section: nil), Self.article("Two", section: nil)]
        let sectioned = plain.map { var a = $0; a.metadata.section = "Feed"; return a }
        let (a, _) = try makeBook(plain)
        let (one, _) = try makeBook([sectioned[0]])
        let (oneBare, _) = try makeBook([plain[0]])
        #expect(!a.text("EPUB/nav.xhtml").contains("Feed"))
        #expect(a.text("EPUB/nav.xhtml").contains("<ol>\n<li><a href=\"text/chapter-001.xhtml\">One</a>"))
        // One article: its section changes nothing in the table of contents.
        #expect(one.text("EPUB/nav.xhtml") == oneBare.text("EPUB/nav.xhtml"))
        #expect(one.text("EPUB/toc.ncx") == oneBare.text("EPUB/toc.ncx"))
    }
}
