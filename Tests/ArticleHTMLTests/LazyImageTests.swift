import ArticleCore
import ArticleHTML
import Foundation
import Testing

/// Lazy-loading pages, marked up as real sites mark them up: the reader finds the picture the
/// page shows once its scripts ran, never the placeholder.
@Suite struct LazyImageTests {
    static let gif1x1 = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
    static let svgPlaceholder = "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%201600%20900'%3E%3C/svg%3E"

    func figures(_ markup: String, imageMax: Int = 1600) throws -> [Figure] {
        var context = ConversionContext()
        context.options.images.maxDimension = imageMax
        let html = page(head: #"<link rel="canonical" href="https://news.example.com/2024/05/story">"#, body: loremParagraphs + markup + "<p>\(lorem[0])</p>")
        let articles = try HTMLReader().read(ReaderInput(data: Data(html.utf8), name: "page.html"), context: &context)
        return articles.first?.figures ?? []
    }

    func source(_ markup: String, imageMax: Int = 1600) throws -> String? {
        try figures(markup, imageMax: imageMax).first?.image?.source
    }

    @Test func wordPressLazyLoad() throws {
        // WP Rocket / a3 Lazy Load: a placeholder src, the real ones in data-lazy-*, a noscript copy.
        let markup = """
            <figure class="wp-block-image size-large"><img width="1024" height="683" src="\(Self.svgPlaceholder)" \
            data-lazy-src="https://news.example.com/wp-content/uploads/2024/05/tram-1024x683.jpg" \
            data-lazy-srcset="https://news.example.com/wp-content/uploads/2024/05/tram-1024x683.jpg 1024w, \
            https://news.example.com/wp-content/uploads/2024/05/tram-300x200.jpg 300w, \
            https://news.example.com/wp-content/uploads/2024/05/tram-1920x1280.jpg 1920w, \
            https://news.example.com/wp-content/uploads/2024/05/tram-2560x1707.jpg 2560w" alt="The tram">\
            <noscript><img width="1024" height="683" src="https://news.example.com/wp-content/uploads/2024/05/tram-1024x683.jpg" alt="The tram"></noscript>\
            <figcaption>The new tram at the depot. Photo: Jane Roe</figcaption></figure>
            """
        let f = try figures(markup)
        #expect(f.count == 1)
        #expect(f.first?.image?.source == "https://news.example.com/wp-content/uploads/2024/05/tram-1920x1280.jpg")
        #expect(f.first?.image?.alt == "The tram")
        #expect(f.first?.credit == "Jane Roe")
        // A smaller book takes a smaller candidate.
        #expect(try source(markup, imageMax: 1000) == "https://news.example.com/wp-content/uploads/2024/05/tram-1024x683.jpg")
    }

    @Test func lazysizesDataSrcset() throws {
        let s = try source("""
            <figure><img class="lazyload" src="\(Self.gif1x1)" data-sizes="auto" \
            data-srcset="/img/harbour-480.jpg 480w, /img/harbour-960.jpg 960w, /img/harbour-1800.jpg 1800w" \
            data-src="/img/harbour-960.jpg" alt="Harbour"><figcaption>Ships in the harbour at dawn.</figcaption></figure>
            """)
        #expect(s == "https://news.example.com/img/harbour-1800.jpg")
    }

    @Test func mediumStyleNoscriptReplacesTheBlurredThumbnail() throws {
        let f = try figures("""
            <figure class="graf graf--figure"><div class="aspectRatioPlaceholder is-locked">\
            <img class="graf-image progressiveMedia-thumbnail" src="https://cdn-images-1.medium.com/freeze/max/60/1*abc.jpeg?q=20">\
            <canvas class="progressiveMedia-canvas"></canvas>\
            <img class="progressiveMedia-image" data-src="https://cdn-images-1.medium.com/max/1600/1*abc.jpeg">\
            <noscript class="progressiveMedia-noscript"><img class="progressiveMedia-noscript" src="https://cdn-images-1.medium.com/max/1600/1*abc.jpeg"></noscript>\
            </div><figcaption class="imageCaption">The bridge at night.</figcaption></figure>
            """)
        #expect(f.count == 1)
        #expect(f.first?.image?.source == "https://cdn-images-1.medium.com/max/1600/1*abc.jpeg")
        #expect(f.first?.caption.plainText == "The bridge at night.")
    }

    @Test func aPlaceholderInTheTextTakesItsNoscriptCopy() throws {
        let f = try figures("""
            <p><img class="lazy" src="\(Self.gif1x1)" width="800" height="450" alt="The square">\
            <noscript><img src="/media/square.jpg" width="800" height="450" alt="The square"></noscript></p>
            """)
        #expect(f.map(\.image?.source) == ["https://news.example.com/media/square.jpg"])
        #expect(f.first?.image?.alt == "The square")
    }

    @Test func wikipediaDensitySrcset() throws {
        let s = try source("""
            <figure typeof="mw:File/Thumb"><a href="/wiki/File:Tram.jpg" class="mw-file-description">\
            <img src="//upload.wikimedia.org/wikipedia/commons/thumb/a/ab/Tram.jpg/220px-Tram.jpg" decoding="async" width="220" height="147" \
            class="mw-file-element" srcset="//upload.wikimedia.org/wikipedia/commons/thumb/a/ab/Tram.jpg/330px-Tram.jpg 1.5x, \
            //upload.wikimedia.org/wikipedia/commons/thumb/a/ab/Tram.jpg/440px-Tram.jpg 2x"></a>\
            <figcaption>A tram in Basel.</figcaption></figure>
            """)
        #expect(s == "https://upload.wikimedia.org/wikipedia/commons/thumb/a/ab/Tram.jpg/440px-Tram.jpg")
    }

    @Test func pictureSourcesByTypeAndWidth() throws {
        let picture = """
            <figure><picture>\
            <source type="image/jxl" srcset="/p/photo-2000.jxl 2000w">\
            <source type="image/avif" srcset="/p/photo-800.avif 800w, /p/photo-1600.avif 1600w, /p/photo-3200.avif 3200w">\
            <source type="image/webp" srcset="/p/photo-800.webp 800w, /p/photo-1600.webp 1600w, /p/photo-3200.webp 3200w">\
            <img src="/p/photo-800.jpg" srcset="/p/photo-800.jpg 800w, /p/photo-1600.jpg 1600w" alt="A photo"></picture>\
            <figcaption>The valley in spring.</figcaption></figure>
            """
        // 1600 px in every type: the JPEG, which every e-reader shows.
        #expect(try source(picture) == "https://news.example.com/p/photo-1600.jpg")
        // Only the WebP and AVIF reach 3000 px: WebP before AVIF; never the JPEG XL.
        #expect(try source(picture, imageMax: 3000) == "https://news.example.com/p/photo-3200.webp")
        let noImg = #"<figure class="photo"><picture><source type="image/avif" srcset="/q/a.avif 1200w"><source srcset="/q/a.jpg 1200w, /q/b.jpg 600w"></picture><figcaption>Only sources here.</figcaption></figure>"#
        #expect(try source(noImg) == "https://news.example.com/q/a.jpg")
    }

    @Test func guardianStylePictureWithMediaQueries() throws {
        let base = "https://i.guim.co.uk/img/media/abc123/0_0_5000_3000/master/5000.jpg"
        let s = try source("""
            <figure itemprop="associatedMedia image" class="dcr-1"><div class="dcr-2"><picture class="dcr-3">\
            <source srcset="\(base)?width=620&amp;dpr=2&amp;s=none 1240w" media="(min-width: 660px) and (-webkit-min-device-pixel-ratio: 1.25), (min-width: 660px) and (min-resolution: 120dpi)">\
            <source srcset="\(base)?width=620&amp;dpr=1&amp;s=none 620w" media="(min-width: 660px)">\
            <source srcset="\(base)?width=465&amp;dpr=2&amp;s=none 930w" media="(min-width: 480px) and (-webkit-min-device-pixel-ratio: 1.25)">\
            <source srcset="\(base)?width=445&amp;dpr=1&amp;s=none 445w" media="(min-width: 320px)">\
            <img alt="Protesters outside parliament" src="\(base)?width=445&amp;dpr=1&amp;s=none" width="445" height="267" loading="eager" class="dcr-4"></picture></div>\
            <figcaption class="dcr-5"><span class="dcr-6">Protesters outside parliament on Tuesday.</span> Photograph: Jane Roe/Reuters</figcaption></figure>
            """)
        #expect(s == "\(base)?width=620&dpr=2&s=none")
    }

    @Test(arguments: [
        #"<img src="\#(gif1x1)" width="600" height="400">"#,
        #"<img src="/spacer.gif" width="1" height="1">"#,
        #"<img src="/assets/img/lazy-placeholder.png" alt="">"#,
        #"<img src="\#(svgPlaceholder)">"#,
        #"<img src="https://pixel.example.net/track?id=42" width="1" height="1">"#,
        #"<img data-src="https://static.example.com/image/59234409_${formatId}.jpg" src="/1x1.gif">"#,
    ])
    func aPlaceholderIsNeverTheImageAndTheCaptionStays(_ img: String) throws {
        let f = try figures(#"<figure>\#(img)<figcaption>The river after the flood. Photo: A. Photographer</figcaption></figure>"#)
        #expect(f.count == 1)
        #expect(f.first?.image == nil)
        #expect(f.first?.caption.plainText == "The river after the flood.")
        #expect(f.first?.credit == "A. Photographer")
    }

    @Test func aRealURLWinsOverADataImage() throws {
        // A blur-up preview of several kilobytes is still not the picture when an address exists.
        let preview = "data:image/jpeg;base64," + String(repeating: "A", count: 12_000)
        #expect(try source(#"<figure><img src="\#(preview)" data-original="/img/full.jpg"><figcaption>A long caption text.</figcaption></figure>"#)
            == "https://news.example.com/img/full.jpg")
        #expect(try source(#"<figure><img src="/img/plain.jpg" data-lazy-src="\#(Self.gif1x1)"><figcaption>A long caption text.</figcaption></figure>"#)
            == "https://news.example.com/img/plain.jpg")
    }

    @Test func relativeSourcesResolveAgainstTheBaseAndUnsafeOnesAreRefused() throws {
        let head = #"<base href="https://cdn.example.org/assets/"><link rel="canonical" href="https://news.example.com/a">"#
        let html = page(head: head, body: loremParagraphs
            + #"<figure><img src="\#(Self.gif1x1)" data-srcset="photos/a-2000.jpg 2000w, javascript:alert(1) 1700w"><figcaption>First caption here.</figcaption></figure>"#
            + #"<figure><img src="\#(Self.gif1x1)" data-src="file:///etc/passwd"><figcaption>Second caption here.</figcaption></figure>"#)
        let f = try read(html).figures
        #expect(f.map(\.image?.source) == ["https://cdn.example.org/assets/photos/a-2000.jpg", nil])
        #expect(f.last?.caption.plainText == "Second caption here.")
    }
}
