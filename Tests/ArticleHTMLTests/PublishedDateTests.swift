import ArticleCore
@testable import ArticleHTML
import Testing

/// Where pages put the publication date, and what is not one.
@Suite struct PublishedDateTests {
    func published(head: String = "", body: String, lang: String = "en") throws -> String? {
        let html = """
        <!doctype html><html lang="\(lang)"><head><meta charset="utf-8">\(head)</head><body>
        <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
        <main><article>\(body)\(loremParagraphs)</article></main></body></html>
        """
        return try read(html).metadata.published?.iso8601
    }

    @Test func jsonLDInCDATAAndGraph() throws {
        let ld = """
        <script type="application/ld+json">//<![CDATA[
        {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
         {"@type":"BlogPosting","headline":"Trams","datePublished":"2018-04-05T06:00","dateModified":"2018-04-11"}]}
        //]]></script>
        """
        #expect(try published(head: ld, body: "<h1>Trams</h1>") == "2018-04-05T06:00:00")
    }

    @Test func publishedMetaBeatsCreatedAndKeepsItsZone() throws {
        let head = """
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Trams","dateCreated":"2017-02-24T01:18:13Z"}</script>
        <meta property="article:modified_time" content="2017-03-01T10:00:00-08:00">
        <meta property="og:article:published_time" content="2017-02-23T17:18:13-08:00">
        """
        #expect(try published(head: head, body: "<h1>Trams</h1>") == "2017-02-23T17:18:13-08:00")
    }

    @Test func modifiedIsNeverThePublicationDate() throws {
        let head = """
        <meta property="article:modified_time" content="2020-03-01T10:00:00Z">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Trams","dateModified":"2020-03-01"}</script>
        """
        #expect(try published(head: head, body: "<h1>Trams</h1><p>Updated <time datetime=\"2020-03-01T10:00:00Z\">March 1</time></p>") == nil)
    }

    @Test func microdataOnATextElement() throws {
        let body = "<h1>Trams</h1><div class=\"info\"><span itemprop=\"datePublished\">December 12, 2016 7:00 AM</span></div>"
        #expect(try published(body: body) == "2016-12-12T07:00:00")
    }

    @Test func timeInTheArticleHeaderNotTheSidebar() throws {
        let html = """
        <html lang="en"><body><aside><ul><li><a href="/old">Old story</a> <time datetime="2015-01-01">Jan 1</time></li></ul></aside>
        <article><h1>Trams</h1><p class="meta"><time datetime="2016-05-04T09:30:00+02:00">4 May</time></p>\(loremParagraphs)</article></body></html>
        """
        #expect(try read(html).metadata.published?.iso8601 == "2016-05-04T09:30:00+02:00")
    }

    @Test func visibleDatelineInSeveralLanguages() throws {
        let cases: [(String, String, String)] = [
            ("en", "By Ann Smith · Saturday, December 27, 2014, 12:06 PM", "2014-12-27T12:06:00"),
            ("de", "Von Anna Schmidt, 12. März 2024, 18:30 Uhr", "2024-03-12T18:30:00"),
            ("fr", "Publié le 3 août 2023 à 07h15", "2023-08-03T07:15:00"),
            ("es", "Madrid, 12 de marzo de 2024", "2024-03-12T00:00:00"),
            ("it", "Roma, 5 maggio 2022 ore 10:05", "2022-05-05T10:05:00"),
            ("pt", "Publicado em 21 de dezembro de 2018", "2018-12-21T00:00:00"),
            ("nl", "Gepubliceerd op 2 maart 2021", "2021-03-02T00:00:00"),
            ("vi", "Thứ hai, ngày 12 tháng 3 năm 2024", "2024-03-12T00:00:00"),
            ("en", "Posted 03/04/2024", "2024-03-04T00:00:00"),
            ("de", "Veröffentlicht 03.04.2024", "2024-04-03T00:00:00"),
        ]
        for (lang, line, want) in cases {
            #expect(try published(body: "<h1>Trams</h1><div class=\"x\">\(line)</div>", lang: lang) == want, "\(line)")
        }
    }

    @Test func datelineUpdateLabelIsSkipped() throws {
        let body = "<h1>Trams</h1><p class=\"x\">Updated March 5, 2021 · Published March 1, 2021</p>"
        #expect(try published(body: body) == "2021-03-01T00:00:00")
    }

    @Test func futureAndAncientDatesAreRejected() throws {
        #expect(try published(head: "<meta property=\"article:published_time\" content=\"2999-01-01T00:00:00Z\">", body: "<h1>T</h1>") == nil)
        #expect(try published(head: "<meta name=\"date\" content=\"1970-01-01\">", body: "<h1>T</h1>") == nil)
    }

    @Test func nonISOForms() {
        #expect(HTMLDateParser.parse("Mon Aug 03 12:45:00 EDT 2015")?.iso8601 == "2015-08-03T12:45:00-04:00")
        #expect(HTMLDateParser.parse("2018-10-29T10:15-500")?.iso8601 == "2018-10-29T10:15:00-05:00")
        #expect(HTMLDateParser.parse("Sat Dec 07 2024 01:36:42 GMT+0100 (CET)")?.iso8601 == "2024-12-07T01:36:42+01:00")
        #expect(HTMLDateParser.parse("05/29/2007 09:49:00")?.iso8601 == "2007-05-29T09:49:00")
        #expect(HTMLDateParser.parse("Dec. 6, 2024, 10:00 PM UTC")?.iso8601 == "2024-12-06T22:00:00Z")
    }
}
