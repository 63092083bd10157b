import ArticleCore
@testable import ArticleHTML
import Testing

/// The title chosen without a site profile: site names, navigation words and logo links are
/// never the headline.
@Suite struct GenericTitleTests {
    func title(head: String, top: String = "", h1: String) throws -> String? {
        let html = """
        <!doctype html><html lang="en"><head><meta charset="utf-8">\(head)</head><body>
        <header>\(top)<nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
        <main><article>\(h1)\(loremParagraphs)</article></main></body></html>
        """
        return try read(html).metadata.title
    }

    @Test func aHeadingSharingNoWordWithTheTitleLosesWhenNoMetadataTitles() throws {
        #expect(try title(head: "<title>Tram network to grow</title>", h1: "<h1>Lorem</h1>") == "Tram network to grow")
        #expect(try title(head: "<title>Daring Example: Colophon</title>", h1: "<h1>About This Site</h1>") == "Daring Example: Colophon")
        // A heading the title holds is still the headline.
        #expect(try title(head: "<title>Tram network to grow | City News</title>", h1: "<h1>Tram network to grow</h1>") == "Tram network to grow")
    }

    @Test func theSiteNameIsNotTheHeadline() throws {
        let head = "<meta property=\"og:site_name\" content=\"City News\"><title>Trams will run all night</title>"
        #expect(try title(head: head, top: "<h1>City News</h1>", h1: "<h2>Trams will run all night</h2>") == "Trams will run all night")
    }

    @Test func theLogoLinkIsNotTheHeadline() throws {
        // The heading shares a word with <title>, so only its link to the front page tells it apart.
        let head = "<title>Gazette: trams will run all night</title>"
        #expect(try title(head: head, top: "<h1><a href=\"/\">Gazette Online Edition</a></h1>", h1: "<h2>Trams will run all night</h2>")
            == "Gazette: trams will run all night")
    }

    @Test func navigationWordsAreNotHeadlines() throws {
        #expect(try title(head: "<title>Trams will run all night</title>", top: "<h1>Menu</h1>", h1: "") == "Trams will run all night")
    }

    @Test func aKickerBeforeTheHeadlineIsNotTheSitePart() throws {
        let head = "<meta property=\"og:title\" content=\"Ski jumping | A row over the suits\"><title>Ski jumping | A row over the suits</title>"
        #expect(try title(head: head, h1: "<h1>A row over the suits</h1>") == "A row over the suits")
    }

    @Test func dublinCoreAndParselyTitlesCount() throws {
        #expect(try title(head: "<meta property=\"x:title dc:title\" content=\"Preferred title\"><meta property=\"og:title\" content=\"Other\">",
                          h1: "<h1>Heading text</h1>") == "Preferred title")
        #expect(try title(head: "<meta name=\"parsely-title\" content=\"Some Other Title\">", h1: "<h1>Heading text</h1>") == "Some Other Title")
    }
}
