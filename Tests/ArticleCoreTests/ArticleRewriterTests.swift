@testable import ArticleCore
import Testing

@Suite struct ArticleRewriterTests {
    /// One article with an image, a link and text at every depth the model has.
    static let nested = Article(blocks: [
        .paragraph([.text("a"), .emphasis([.link(url: "u1", title: "t", content: [.image(ImageReference(source: "i1", alt: "alt1"))])])]),
        .list(ListBlock(ordered: false, items: [ListItem(blocks: [.quote([.figure(Figure(image: ImageReference(source: "i2"), caption: [.text("cap")], credit: "cr"))])])])),
        .table(Table(header: [TableCell([.image(ImageReference(source: "i3"))])], rows: [[TableCell([.strong([.text("b")])])]])),
        .html("<b>x</b>"),
    ])

    struct Sources: ArticleVisitor {
        var seen: [String] = []
        mutating func visit(image: ImageReference) -> Bool { seen.append(image.source); return true }
    }

    @Test func visitorSeesEveryImageInReadingOrder() {
        var v = Sources()
        let finished = v.walk(blocks: Self.nested.blocks)
        #expect(finished)
        #expect(v.seen == ["i1", "i2", "i3"])
    }

    struct StopAtSecond: ArticleVisitor {
        var count = 0
        mutating func visit(image: ImageReference) -> Bool { count += 1; return count < 2 }
    }

    @Test func visitorStopsWhenAsked() {
        var v = StopAtSecond()
        let finished = v.walk(blocks: Self.nested.blocks)
        #expect(!finished)
        #expect(v.count == 2)
    }

    struct DropImagesAndRaw: ArticleRewriter {
        func rewrite(image: ImageReference) -> ImageReference? { nil }
        func rewrite(block: Block) -> [Block] { if case .html = block { return [] }; return [block] }
    }

    @Test func rewriterRemovesImagesEverywhereKeepingAltAndCaptions() {
        var r = DropImagesAndRaw()
        let out = r.rewrite(Self.nested)
        var v = Sources()
        v.walk(blocks: out.blocks)
        #expect(v.seen.isEmpty)
        #expect(out.blocks.count == 3)
        #expect(out.blocks[0] == .paragraph([.text("a"), .emphasis([.link(url: "u1", title: "t", content: [.text("alt1")])])]))
        guard case .list(let l) = out.blocks[1], case .quote(let q) = l.items[0].blocks[0], case .figure(let f) = q[0] else {
            Issue.record("structure changed: \(out.blocks[1])"); return
        }
        #expect(f.image == nil && f.caption == [.text("cap")] && f.credit == "cr")
    }

    @Test func mapStringsReachesEveryString() {
        let out = Self.nested.mapStrings { $0.uppercased() }
        #expect(out.blocks[0] == .paragraph([.text("A"), .emphasis([.link(url: "u1", title: "T", content: [.image(ImageReference(source: "i1", alt: "ALT1"))])])]))
        guard case .list(let l) = out.blocks[1], case .quote(let q) = l.items[0].blocks[0], case .figure(let f) = q[0] else {
            Issue.record("structure changed"); return
        }
        #expect(f.caption == [.text("CAP")] && f.credit == "CR" && f.image?.source == "i2")
        #expect(out.blocks[3] == .html("<b>x</b>"))
        #expect(Self.nested.containsString { $0 == "cr" })
        #expect(Self.nested.containsString { $0 == "t" })
        #expect(!Self.nested.containsString { $0 == "i1" })
    }
}
