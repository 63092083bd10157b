@testable import ArticleSupport
import Foundation
import Testing

/// The pre-parse hands libxml2 short tokens for the long values of the attributes a reader
/// keeps; every value must still read exactly as libxml2 reads the page itself.
@Suite struct HTMLParserAttributeValueTests {
    static let kept = ["class", "href", "id", "src", "title", "content", "alt"]

    /// Every element's kept attributes, in document order, read the three ways XMLNode offers.
    static func keptAttributes(_ doc: XMLDocument) -> [String] {
        var out: [String] = []
        doc.root?.forEachDescendant { node in
            guard node.isElement else { return true }
            for (name, value) in node.attributes where kept.contains(name) {
                let single = node.attribute(name) ?? "(none)"
                let inPlace = node.withAttribute(name) { String(decoding: $0, as: UTF8.self) } ?? "(none)"
                out.append("\(node.name) \(name)=[\(value)] [\(single)] [\(inPlace)]")
            }
            return true
        }
        return out
    }

    /// The same page parsed with the attributes kept (tokens) and with none named (no tokens).
    static func both(_ html: String, maximumAttributes: Int = 100) throws -> (tokens: XMLDocument, plain: XMLDocument) {
        let tokens = try HTMLParser.parse(Data(html.utf8), options: .init(discardScripts: true, keptAttributes: kept,
                                                                         maximumAttributes: maximumAttributes))
        let plain = try HTMLParser.parse(Data(html.utf8), options: .init(discardScripts: true, maximumAttributes: maximumAttributes))
        return (tokens, plain)
    }

    static let page = """
        <!DOCTYPE html><html class="root-class-name is-long"><head>
        <meta content="A description long enough to be taken &amp; one with a reference" name="description">
        <meta content="A description long enough to be taken, plain" property="og:description">
        <title>t</title></head>
        <body class="body-class another-class" id='single-quoted-identifier'>
        <div class="a  b\tc\nd with white space inside" data-x="dropped-attribute-value">x</div>
        <a href="https://example.com/a/long/path?x=1&amp;y=2" title="Übergrößenträger – 日本語のタイトル 🚀">link</a>
        <a href="https://example.com/with&#x27;reference">r</a>
        <img src="https://example.com/image-with-a-long-name.jpg" alt=unquoted-but-long-alternative-text>
        <p class="duplicate-first-value" class="duplicate-second-value">d</p>
        <p class="carriage\r\nreturn inside the value">c</p>
        <html class="misplaced-html-tag-class" id="misplaced-html-identifier">
        <body class="second-body-tag-class-value">
        <span class="short">s</span><span class="exactly9c">n</span>
        <div class="value ending the page without a closing quote
        """

    @Test func keptValuesReadAsLibxml2ReadsThem() throws {
        let (tokens, plain) = try Self.both(Self.page)
        #expect(Self.keptAttributes(tokens) == Self.keptAttributes(plain))
        #expect(Self.keptAttributes(plain).count >= 15)
        // Not vacuous: the long plain values did go through the table.
        #expect((tokens.attributeValues?.ranges.count ?? 0) >= 8)
        #expect(plain.attributeValues == nil)
        let body = tokens.root?.elementChildren.last
        #expect(body?.attribute("class") == "body-class another-class")
    }

    @Test func valuesOverTheAttributeCapGoWithTheirAttributes() throws {
        let many = (0..<12).map { " data-n\($0)=\"some-value-\($0)-long\"" }.joined()
        let html = "<html><body><div class=\"first-long-class-value\"\(many) title=\"a title long enough\" id=\"an-identifier-value\">x</div></body></html>"
        let (tokens, plain) = try Self.both(html, maximumAttributes: 2)
        #expect(Self.keptAttributes(tokens) == ["div class=[first-long-class-value] [first-long-class-value] [first-long-class-value]",
                                              "div title=[a title long enough] [a title long enough] [a title long enough]"])
        #expect(!Self.keptAttributes(plain).isEmpty)
    }

    /// Thousands of values: tokens of one, two and three digits all read back.
    @Test func everyValueOfALongPageReadsBack() throws {
        let html = "<html><body>" + (0..<5_000).map { "<p class=\"class-number-\($0)\">t</p>" }.joined() + "</body></html>"
        let (tokens, plain) = try Self.both(html)
        #expect(tokens.attributeValues?.ranges.count == 5_000)
        #expect(Self.keptAttributes(tokens) == Self.keptAttributes(plain))
        #expect(Self.keptAttributes(tokens).last == "p class=[class-number-4999] [class-number-4999] [class-number-4999]")
    }

    /// A page holding the marker byte itself gets no tokens: its own values could look like one.
    @Test func aPageWithTheMarkerByteKeepsItsValues() throws {
        let html = "<html><body><p class=\"\u{1}1\">a</p><p class=\"another-long-class-value\">b</p></body></html>"
        let (tokens, plain) = try Self.both(html)
        #expect(tokens.attributeValues == nil)
        #expect(Self.keptAttributes(tokens) == Self.keptAttributes(plain))
        #expect(Self.keptAttributes(tokens).first?.contains("[\u{1}1]") == true)
    }

    /// Random attribute soup: whatever libxml2 makes of it, tokens or not, the values agree.
    @Test func generatedMarkupReadsTheSame() throws {
        var rng = SplitMix(seed: 16)
        let pieces = ["class=\"long-class-name-\(1)\"", "class='quoted-single-long'", "href=\"https://e.com/&amp;x\"",
                      "title=\"ti tle\nwith line\"", "id=x", "class", "/", "class=\"a\"b=\"c-long-value\"", "=\"stray-value\"",
                      "src = \"spaced-equals-long-value\"", "\u{0C}class=\"after-form-feed-value\"", "class=\"<inner>&lt;tag\"",
                      "alt=\"é日本🚀-long-enough\"", "content=\"\"", "class=\"x\" class=\"dup-long-value\""]
        for _ in 0..<200 {
            var html = "<html><body>"
            for _ in 0..<8 {
                let tag = ["div", "a", "p", "img", "span", "br", "1x", "svg:rect"][Int(rng.next() % 8)]
                let attrs = (0..<Int(rng.next() % 5)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }
                html += "<\(tag) " + attrs.joined(separator: rng.next() % 3 == 0 ? "" : " ") + ">t"
            }
            let (tokens, plain) = try Self.both(html)
            #expect(Self.keptAttributes(tokens) == Self.keptAttributes(plain), "\(html)")
        }
    }
}

/// A small deterministic generator for the generated cases.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
