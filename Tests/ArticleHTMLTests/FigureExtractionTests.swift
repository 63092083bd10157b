import ArticleCore
import ArticleHTML
import Testing

@Suite struct FigureExtractionTests {
    func figure(_ markup: String) throws -> Figure? {
        try read(page(head: #"<link rel="canonical" href="https://news.example.com/a/b">"#, body: loremParagraphs + markup)).figures.first
    }

    @Test func creditElementInsideTheCaption() throws {
        let f = try figure(#"<figure><img src="/img/tram.jpg" alt="A tram"><figcaption>The new tram at the depot. <span class="credit">Photo: Jane Roe</span></figcaption></figure>"#)
        #expect(f?.image?.source == "https://news.example.com/img/tram.jpg")
        #expect(f?.image?.alt == "A tram")
        #expect(f?.caption.plainText == "The new tram at the depot.")
        #expect(f?.credit == "Jane Roe")
    }

    @Test(arguments: [
        ("The mayor at the opening. Photo: Thanh Le", "The mayor at the opening.", "Thanh Le"),
        ("Der Bürgermeister bei der Eröffnung. Foto: APA/Hans Muster", "Der Bürgermeister bei der Eröffnung.", "APA/Hans Muster"),
        ("Thị trưởng tại lễ khai trương. Ảnh: Thanh Lê", "Thị trưởng tại lễ khai trương.", "Thanh Lê"),
        ("Die neue Strassenbahn (Bild: Keystone)", "Die neue Strassenbahn", "Keystone"),
        ("The tram in winter. ©Reuters", "The tram in winter.", "Reuters"),
        ("More than 3,000 documents were released. (AP)", "More than 3,000 documents were released.", "AP"),
        ("The depot at night. Photo by John Smith/Getty Images", "The depot at night.", "John Smith/Getty Images"),
    ])
    func creditWrittenIntoTheCaption(caption: String, text: String, credit: String) throws {
        let f = try figure(#"<figure><img src="/t.jpg"><figcaption>\#(caption)</figcaption></figure>"#)
        #expect(f?.caption.plainText == text)
        #expect(f?.credit == credit)
    }

    @Test func creditInAFigureFooter() throws {
        let f = try figure(#"<figure><img src="/t.jpg"><figcaption>Demonstrators in Hamburg.</figcaption><footer>Imago/Blaulicht-News.de</footer></figure>"#)
        #expect(f?.caption.plainText == "Demonstrators in Hamburg.")
        #expect(f?.credit == "Imago/Blaulicht-News.de")
    }

    @Test func lazyImagesUseTheirRealSource() throws {
        let f = try figure(#"<figure><img src="data:image/gif;base64,R0lGOD" data-src="https://cdn.example.com/big.jpg"><figcaption>A caption here.</figcaption></figure>"#)
        #expect(f?.image?.source == "https://cdn.example.com/big.jpg")
    }

    @Test func altTextStandsInForAMissingCaption() throws {
        let f = try figure(#"<figure><img src="/t.jpg" alt="Ships in the harbour of Gaza at dawn"></figure>"#)
        #expect(f?.caption.plainText == "Ships in the harbour of Gaza at dawn")
    }

    @Test func jsonLDImageObjectFillsTheLeadFigure() throws {
        let ld = #"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","image":{"@type":"ImageObject","url":"https://cdn.example.com/lead.jpg","caption":"Workers lay the first rails.","copyrightHolder":{"@type":"Person","name":"Max Muster"}}}</script>"#
        let a = try read(page(head: ld, body: loremParagraphs))
        #expect(a.figures.first?.caption.plainText == "Workers lay the first rails.")
        #expect(a.figures.first?.credit == "Max Muster")
    }
}
