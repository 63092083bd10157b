import ArticleCore
import ArticleHTML
import Testing

/// Page layouts that fool class-name rules: articles inside "sidebar" layouts and <form>s,
/// figures in "share"/"widget" wrappers, galleries as lists, captions beside their figure.
@Suite struct LayoutTests {
    @Test func articleInsideASidebarLayoutWrapper() throws {
        let html = """
        <html><body><div class="layout sidebar-enabled"><div class="entry-content">\(moreLorem.map { "<p>\($0)</p>" }.joined())</div></div>
        <div class="sidebar"><p>Popular: ten things you did not know about trams and their history in the city.</p></div></body></html>
        """
        #expect(try read(html).paragraphs == moreLorem)
    }

    @Test func wholePageInAForm() throws {
        let html = """
        <html><body><form id="aspnetForm"><nav><a href="/">Home</a><a href="/a">A</a><a href="/b">B</a></nav>
        \(moreLorem.map { "<div class=LongDesc>\($0)<br><br></div>" }.joined())</form></body></html>
        """
        let text = try read(html).blocks.map(\.plainText).joined(separator: " ")
        #expect(moreLorem.allSatisfy { text.contains($0) })
    }

    @Test func figureInAShareableWrapperAndCaptionBesideIt() throws {
        let body = loremParagraphs + """
        <div class="image-container shareable-item"><figure><img src="https://cdn.example.com/a.jpg"></figure>
        <figcaption><span class="caption">Activists in Plymouth tonight</span><span class="credit"> (Image: Anadolu via Getty Images)</span></figcaption></div>
        """
        let f = try read(page(body: body)).figures.first
        #expect(f?.caption.plainText == "Activists in Plymouth tonight")
        #expect(f?.credit == "Anadolu via Getty Images")
    }

    @Test func galleryListBecomesFigures() throws {
        let body = loremParagraphs + """
        <ul class="gallery"><li><figure><img src="/1.jpg"><figcaption>First picture of the gallery. <cite>Foto: A/AP</cite></figcaption></figure></li>
        <li><figure><img src="/2.jpg"><figcaption>Second picture of the gallery. <cite>Foto: B/AP</cite></figcaption></figure></li></ul>
        """
        let figures = try read(page(body: body)).figures
        #expect(figures.map(\.caption.plainText) == ["First picture of the gallery.", "Second picture of the gallery."])
        #expect(figures.map(\.credit) == ["A/AP", "B/AP"])
    }

    @Test func nextStoryBelowIsNotTheBody() throws {
        let html = """
        <html><head><title>Tram network to grow</title></head><body>
        <article><h1>Tram network to grow</h1><div class="bodytext">\(loremParagraphs)</div></article>
        <article class="next-article"><h2>Another story</h2><div class="bodytext">\(loremParagraphs)\(loremParagraphs)
        <p>A much longer story follows here, with many more sentences, commas, and clauses, so it scores higher.</p></div></article>
        </body></html>
        """
        #expect(try read(html).paragraphs == lorem)
    }
}
