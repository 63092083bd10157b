import ArticleCore
import ArticleHTML
import Testing

/// The language a page declares, wherever it declares it, is the article's.
@Suite struct DeclaredLanguageTests {
    /// The page skeleton of `page(head:body:)` without its `lang` attribute.
    func undeclared(head: String, htmlAttributes: String = "", bodyAttributes: String = "") -> String {
        page(head: head, body: loremParagraphs)
            .replacingOccurrences(of: #"<html lang="en">"#, with: "<html\(htmlAttributes)>")
            .replacingOccurrences(of: "<body>", with: "<body\(bodyAttributes)>")
    }

    @Test(arguments: [
        (#"<meta property="og:locale" content="fi_FI">"#, "fi-FI"),
        (#"<meta http-equiv="content-language" content="hu, en">"#, "hu"),
        (#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"X","inLanguage":"uk-UA"}</script>"#, "uk-UA"),
        (#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"X","inLanguage":{"@type":"Language","name":"Japanese","alternateName":"ja"}}</script>"#, "ja"),
        (#"<meta name="dc.language" content="vi">"#, "vi"),
    ])
    func fromMetadata(head: String, language: String) throws {
        #expect(try read(undeclared(head: head)).metadata.language == language)
    }

    @Test func htmlLangComesFirst() throws {
        let head = #"<meta property="og:locale" content="fi_FI">"#
        #expect(try read(undeclared(head: head, htmlAttributes: #" lang="sv-FI""#)).metadata.language == "sv-FI")
        #expect(try read(undeclared(head: head, bodyAttributes: #" lang="et""#)).metadata.language == "et")
    }

    /// Values that are not language tags are passed over for the next source, or none.
    @Test func notATagIsPassedOver() throws {
        #expect(try read(undeclared(head: #"<meta name="language" content="English">"#)).metadata.language == nil)
        #expect(try read(undeclared(head: #"<meta property="og:locale" content="x-default"><meta name="dc.language" content="de">"#)).metadata.language == "de")
        #expect(try read(undeclared(head: "", htmlAttributes: #" lang="und""#)).metadata.language == nil)
        // A charset where the language belongs is not a language.
        for charset in ["utf-8", "iso-8859-1", "windows-1252", "gb2312"] {
            #expect(try read(undeclared(head: #"<meta http-equiv="Content-Language" content="\#(charset)">"#)).metadata.language == nil)
        }
        #expect(try read(undeclared(head: #"<meta http-equiv="Content-Language" content="de-CH-1996">"#)).metadata.language == "de-CH-1996")
    }
}
