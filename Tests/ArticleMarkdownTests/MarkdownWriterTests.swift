import ArticleCore
import ArticleMarkdown
import Testing

/// The writer, construct by construct: model in, exact Markdown out.
@Suite struct MarkdownWriterTests {
    @Test func textThatLooksLikeMarkdownIsEscaped() {
        #expect(markdown([.paragraph([.text("1. not a list")])]) == "1\\. not a list\n")
        #expect(markdown([.paragraph([.text("# not a heading")])]) == "\\# not a heading\n")
        #expect(markdown([.paragraph([.text("- not an item")])]) == "\\- not an item\n")
        #expect(markdown([.paragraph([.text("> not a quote")])]) == "\\> not a quote\n")
        #expect(markdown([.paragraph([.text("*stars* and _underscores_ [brackets] <tag> `tick` ~tilde~ a|b \\")])])
            == "\\*stars\\* and \\_underscores\\_ \\[brackets\\] \\<tag> \\`tick\\` \\~tilde\\~ a\\|b \\\\\n")
    }

    @Test func entitiesStayText() {
        #expect(markdown([.paragraph([.text("AT&T &amp; &#42; co")])]) == "AT&T \\&amp; \\&#42; co\n")
        #expect(markdown([.paragraph([.text("&copy")])]) == "&copy\n")
        #expect(markdown([.paragraph([.text("two\nlines")])]) == "two&#10;lines\n")
    }

    @Test func leadingAndTrailingSpacesSurvive() {
        #expect(markdown([.paragraph([.text(" indented")])]) == "&#32;indented\n")
        #expect(markdown([.paragraph([.text("a  "), .softBreak, .text("b")])]) == "a &#32;\nb\n")
    }

    @Test func emphasisPicksDelimitersThatWork() {
        #expect(markdown([.paragraph([.text("a "), .emphasis([.text("b")]), .text(" c")])]) == "a *b* c\n")
        #expect(markdown([.paragraph([.text("foo"), .emphasis([.text("bar")]), .text("baz")])]) == "foo*bar*baz\n")
        #expect(markdown([.paragraph([.emphasis([.emphasis([.text("x")])])])]) == "_*x*_\n")
        #expect(markdown([.paragraph([.emphasis([.text("a")]), .emphasis([.text("b")])])]) == "*a*_b_\n")
        #expect(markdown([.paragraph([.strong([.text("bold")]), .text(" and "), .strikethrough([.text("gone")])])])
            == "**bold** and ~~gone~~\n")
    }

    @Test func emphasisNoDelimiterCanHoldBecomesHTML() {
        // An opening `*` before a space is not emphasis in CommonMark: the tag renders the same.
        #expect(markdown([.paragraph([.text("a"), .emphasis([.text(" b")])])]) == "a<em> b</em>\n")
    }

    @Test func codeSpansUseALongerFence() {
        #expect(markdown([.paragraph([.code("a`b")])]) == "``a`b``\n")
        #expect(markdown([.paragraph([.code("`x`")])]) == "`` `x` ``\n")
        #expect(markdown([.paragraph([.code(" a ")])]) == "`  a  `\n")
    }

    @Test func linksAndImages() {
        #expect(markdown([.paragraph([.link(url: "/a b", title: "t \"q\"", content: [.text("l")])])])
            == "[l](</a b> \"t \\\"q\\\"\")\n")
        #expect(markdown([.paragraph([.link(url: "/a(b)", title: nil, content: [.text("x")])])]) == "[x](/a\\(b\\))\n")
        #expect(markdown([.paragraph([.link(url: "https://x.org", title: nil, content: [.text("https://x.org")])])])
            == "<https://x.org>\n")
        #expect(markdown([.paragraph([.link(url: "mailto:a@b.org", title: nil, content: [.text("a@b.org")])])])
            == "<a@b.org>\n")
        #expect(markdown([.paragraph([.text("see "), .image(ImageReference(source: "a.png", alt: "A *b*"))])])
            == "see ![A \\*b\\*](a.png)\n")
        #expect(markdown([.paragraph([.text("Wow!"), .link(url: "/u", title: nil, content: [.text("x")])])])
            == "Wow\\![x](/u)\n")
    }

    @Test func breaks() {
        #expect(markdown([.paragraph([.text("a"), .lineBreak, .text("b")])]) == "a\\\nb\n")
        #expect(markdown([.paragraph([.text("a"), .softBreak, .text("- b")])]) == "a\n\\- b\n")
    }

    @Test func headings() {
        #expect(markdown([.heading(level: 2, content: [.text("Title #")])]) == "## Title \\#\n")
        #expect(markdown([.heading(level: 2, content: [.text("a"), .softBreak, .text("b")])]) == "a\nb\n---\n")
        #expect(markdown([.heading(level: 3, content: [.emphasis([.text("x")])])]) == "### *x*\n")
    }

    @Test func codeBlocksAreFencedPastTheirContent() {
        #expect(markdown([.code(language: "swift", text: "let a = \"```\"")]) == "````swift\nlet a = \"```\"\n````\n")
        #expect(markdown([.code(language: "a`b", text: "x")]) == "~~~a`b\nx\n~~~\n")
        #expect(markdown([.code(language: nil, text: "")]) == "```\n```\n")
    }

    @Test func listsKeepMarkersTightnessAndNumbers() {
        let a = ListItem(blocks: [.paragraph([.text("a")])])
        let b = ListItem(blocks: [.paragraph([.text("b")])])
        #expect(markdown([.list(ListBlock(ordered: false, items: [a, b]))]) == "- a\n- b\n")
        #expect(markdown([.list(ListBlock(ordered: true, start: 3, tight: false, items: [a, b]))]) == "3. a\n\n4. b\n")
        #expect(markdown([.list(ListBlock(ordered: false, items: [a])), .list(ListBlock(ordered: false, items: [b]))])
            == "- a\n\n* b\n")
        #expect(markdown([.list(ListBlock(ordered: true, items: [a])), .list(ListBlock(ordered: true, items: [b]))])
            == "1. a\n\n1) b\n")
        let tasks = ListBlock(ordered: false, items: [
            ListItem(blocks: [.paragraph([.text("done")])], checked: true),
            ListItem(blocks: [.paragraph([.text("todo")])], checked: false),
        ])
        #expect(markdown([.list(tasks)]) == "- [x] done\n- [ ] todo\n")
        let nested = ListItem(blocks: [.paragraph([.text("a")]), .list(ListBlock(ordered: false, items: [b]))])
        #expect(markdown([.list(ListBlock(ordered: false, items: [nested]))]) == "- a\n  - b\n")
        #expect(markdown([.list(ListBlock(ordered: false, items: [ListItem(blocks: []), b]))]) == "-\n- b\n")
        // A list that may not interrupt a paragraph gets an empty comment, not a blank line.
        let seven = ListItem(blocks: [.paragraph([.text("a")]), .list(ListBlock(ordered: true, start: 7, items: [b]))])
        #expect(markdown([.list(ListBlock(ordered: false, items: [seven]))]) == "- a\n  <!-- -->\n  7. b\n")
    }

    @Test func quotesRulesTablesAndHTML() {
        #expect(markdown([.quote([.paragraph([.text("a")]), .paragraph([.text("b")])])]) == "> a\n>\n> b\n")
        #expect(markdown([.rule]) == "___\n")
        let table = Table(alignments: [.left, .right], header: [TableCell([.text("a")]), TableCell([.text("b")])],
                          rows: [[TableCell([.text("1")]), TableCell([.code("x|y")])]])
        #expect(markdown([.table(table)]) == "| a | b |\n| :-- | --: |\n| 1 | `x\\|y` |\n")
        #expect(markdown([.html("<div>\n*raw*\n</div>")]) == "<div>\n*raw*\n</div>\n")
        #expect(markdown([.paragraph([.text("a "), .html("<b>"), .text("b"), .html("</b>")])]) == "a <b>b</b>\n")
    }

    @Test func figureConvention() {
        let figure = Figure(image: ImageReference(source: "p.jpg", alt: "A"), caption: [.text("Caption")], credit: "Thanh Le")
        #expect(markdown([.figure(figure)]) == "![A](p.jpg)\n*Caption* (Photo: Thanh Le)\n")
        #expect(markdown([.figure(Figure(caption: [.text("Caption")], credit: "AP"))]) == "*Caption* (Photo: AP)\n")
        #expect(markdown([.figure(Figure(image: ImageReference(source: "p.jpg")))]) == "![](p.jpg)\n")
    }
}
