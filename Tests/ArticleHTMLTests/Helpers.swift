import ArticleCore
import ArticleHTML
import Foundation

/// Reads a page given as a literal with the HTML reader.
func read(_ html: String, encoding: String? = nil) throws(ArticleError) -> Article {
    var context = ConversionContext()
    context.options.encoding = encoding
    let articles = try HTMLReader().read(ReaderInput(data: Data(html.utf8), name: "page.html"), context: &context)
    guard let first = articles.first else { throw ArticleError(.noContent, "no article") }
    return first
}

/// A page with a real-looking article body around `body`, and furniture around it.
func page(head: String = "", body: String) -> String {
    """
    <!doctype html><html lang="en"><head><meta charset="utf-8">\(head)</head><body>
    <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
    <main><article>\(body)</article></main>
    <aside class="related-articles"><h3>Related</h3><ul><li><a href="/a">Another story about something else entirely</a></li>
    <li><a href="/b">Yet another story people clicked on</a></li></ul></aside>
    <footer><p>© 2024 Example News. All rights reserved. Contact us, privacy policy, terms of use.</p></footer>
    </body></html>
    """
}

let lorem = [
    "The city council voted on Tuesday to expand the tram network, a decision that had been debated for years, and work is expected to begin next spring.",
    "Residents of the northern districts, who have waited longest for a direct connection, welcomed the plan, although some shop owners worry about the construction.",
    "The mayor said the project would be paid for partly by the national government, partly by a new bond, and that fares would not rise because of it.",
]

/// More sentences, for layouts where only a long text counts as an article.
let moreLorem = lorem + [
    "Construction will close two streets in the old town for several months, and the council promised detours for buses and for delivery vans alike.",
    "Opposition members criticised the cost estimate, which has grown twice since the first plans were shown, and asked for an independent review.",
    "The transport authority expects forty thousand passengers a day on the new line once it runs every five minutes during the morning and evening.",
    "A public consultation will open next month, with meetings in each district, and residents can also send written comments by the end of the year.",
]

/// Paragraph markup for the sample sentences.
var loremParagraphs: String { lorem.map { "<p>\($0)</p>" }.joined(separator: "\n") }

extension Article {
    var figures: [Figure] {
        blocks.compactMap { if case .figure(let f) = $0 { return f } else { return nil } }
    }
    var paragraphs: [String] {
        blocks.compactMap { if case .paragraph(let c) = $0 { return c.plainText } else { return nil } }
    }
}
