import ArticleCore
import ArticleText
import Foundation
import Testing

func plainText(_ a: Article, width: Int = 72) throws -> String {
    var options = ConversionOptions()
    options.width = width
    var context = ConversionContext(options: options)
    return String(decoding: try PlainTextWriter().write([a], context: &context), as: UTF8.self)
}

@Test func wrapsAtWidthCountingGraphemes() throws {
    let text = String(repeating: "Người dân được hỗ trợ ổn định cuộc sống. ", count: 10)
    let out = try plainText(Article(blocks: [.paragraph([.text(text)])]), width: 40)
    for line in out.split(separator: "\n") {
        #expect(TextWrapper.columns(line) <= 40, "\(line)")
    }
    // Decomposed marks do not count as columns.
    #expect(TextWrapper.columns("e\u{0323}\u{0302}") == 1)
    #expect(TextWrapper.columns("中文") == 4)
}

@Test func widthZeroDoesNotWrap() throws {
    let text = String(repeating: "word ", count: 100).trimmingCharacters(in: .whitespaces)
    let out = try plainText(Article(blocks: [.paragraph([.text(text)])]), width: 0)
    #expect(out.contains(text))
}

@Test func bylineDateCaptionsAndListsAreReadable() throws {
    var m = Metadata(title: "A title", authors: ["My Ha", "Thanh Chung"], dateline: "Monday, 05/09/2011 - 08:30", source: "Baonghean.vn")
    m.language = "en"
    let a = Article(metadata: m, blocks: [
        .figure(Figure(caption: [.text("Teachers at the ceremony.")], credit: "Archive")),
        .list(ListBlock(ordered: true, items: [ListItem(blocks: [.paragraph([.text("First")])]), ListItem(blocks: [.paragraph([.text("Second")])])])),
    ])
    let out = try plainText(a)
    #expect(out.hasPrefix("A title\n=======\n\nBy My Ha and Thanh Chung\nMonday, 05/09/2011 - 08:30 · Baonghean.vn\n"))
    #expect(out.contains("[Image] Teachers at the ceremony.\n        Photo: Archive"))
    #expect(out.contains("1. First\n2. Second"))
}
