import ArticleCore
import ArticleHTML
import Testing

@Suite struct MetadataExtractionTests {
    @Test func fromJSONLD() throws {
        let ld = """
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example News"},
        {"@type":"NewsArticle","headline":"Tram network to grow","datePublished":"2024-05-03T10:15:00+02:00",
         "author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"John Doe"}],
         "publisher":{"@type":"Organization","name":"Example News"},"keywords":"trams, city"}]}</script>
        <meta property="og:title" content="Tram network to grow | Example News">
        <title>Tram network to grow - Example News</title>
        """
        let a = try read(page(head: ld, body: "<h1>Tram network to grow</h1>" + loremParagraphs))
        #expect(a.metadata.title == "Tram network to grow")
        #expect(a.metadata.authors == ["Jane Roe", "John Doe"])
        #expect(a.metadata.published?.iso8601 == "2024-05-03T10:15:00+02:00")
        #expect(a.metadata.source == "Example News")
        #expect(a.metadata.tags == ["trams", "city"])
        #expect(a.metadata.language == "en")
        #expect(!a.paragraphs.contains("Tram network to grow"))
    }

    @Test func fromOpenGraphAndMeta() throws {
        let head = """
        <meta property="og:site_name" content="Daily Example"><meta property="og:title" content="Rain all week">
        <meta property="og:url" content="https://daily.example/rain"><meta name="author" content="By Ann Smith and Bob Jones">
        <meta property="article:published_time" content="2023-11-02T07:00:00Z"><meta name="description" content="Forecast.">
        <meta property="og:image" content="https://daily.example/rain.jpg"><title>Rain all week | Daily Example</title>
        """
        let a = try read(page(head: head, body: loremParagraphs))
        #expect(a.metadata.title == "Rain all week")
        #expect(a.metadata.authors == ["Ann Smith", "Bob Jones"])
        #expect(a.metadata.published?.iso8601 == "2023-11-02T07:00:00Z")
        #expect(a.metadata.url == "https://daily.example/rain")
        #expect(a.metadata.summary == "Forecast.")
        #expect(a.metadata.image == "https://daily.example/rain.jpg")
        #expect(a.metadata.extra["image"] == nil)
    }

    @Test func titleWithoutSiteSuffixAndTimeElement() throws {
        let html = """
        <html lang="de-AT"><head><title>Neue Strassenbahn für Graz – Kleine Zeitung</title>
        <meta property="og:site_name" content="Kleine Zeitung"></head><body><article>
        <h1>Neue Strassenbahn für Graz</h1><time datetime="2025-06-30T08:30:00+02:00">30. Juni</time>
        <p>Die Stadt Graz baut das Strassenbahnnetz weiter aus, wie der Gemeinderat am Montag beschlossen hat, und zwar deutlich.</p>
        <p>Die Arbeiten sollen im Frühjahr beginnen und rund drei Jahre dauern, sagte die Bürgermeisterin bei einer Pressekonferenz.</p>
        </article></body></html>
        """
        let a = try read(html)
        #expect(a.metadata.title == "Neue Strassenbahn für Graz")
        #expect(a.metadata.published?.iso8601 == "2025-06-30T08:30:00+02:00")
        #expect(a.metadata.language == "de-AT")
    }

    @Test func undeclaredLanguageIsLeftToThePipeline() throws {
        // The reader reports only what the page declares; the pipeline's detect-language step
        // (ArticleLanguage) reads an undeclared language from the text.
        let html = "<html><body><article><p>Thành phố Hà Nội sẽ mở rộng mạng lưới xe điện trong năm tới, theo quyết định của hội đồng nhân dân thành phố.</p></article></body></html>"
        #expect(try read(html).metadata.language == nil)
    }

    @Test func organisationAuthorOnlyWhenNoPerson() throws {
        let ld = #"<script type="application/ld+json">{"@type":"NewsArticle","headline":"X","author":[{"@type":"Person","name":"Povilas A."},{"@type":"Organization","name":"LRT"}]}</script>"#
        #expect(try read(page(head: ld, body: loremParagraphs)).metadata.authors == ["Povilas A."])
    }
}
