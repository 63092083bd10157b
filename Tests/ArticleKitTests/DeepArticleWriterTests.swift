import ArticleKit
import Foundation
import Testing

/// Articles built in code may nest without bound; every writer flattens what is deeper than any
/// reader accepts instead of overflowing the stack, and keeps every word.
@Suite struct DeepArticleWriterTests {
    static func deep(_ depth: Int) -> Article {
        var b: Block = .paragraph([.text("bottom")])
        for k in 0..<depth { b = k % 2 == 0 ? .quote([b, .paragraph([.text("q\(k)")])]) : .list(ListBlock(ordered: false, items: [ListItem(blocks: [b])])) }
        var inline: Inline = .text("inner")
        for k in 0..<depth { inline = k % 3 == 0 ? .emphasis([inline]) : k % 3 == 1 ? .strong([inline]) : .link(url: "https://example.com", title: nil, content: [inline]) }
        return Article(metadata: Metadata(title: "T"), blocks: [b, .paragraph([inline, .text(" tail")])])
    }

    @Test func everyWriterWritesTenThousandLevels() throws {
        // On a thread with the 8 MiB stack of a main thread and of the batch workers; 10,000
        // levels through a writer's recursion need several times that.
        nonisolated(unsafe) var failures: [String] = []
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            defer { done.signal() }
            let article = Self.deep(10_000)
            for format in ["json", "md", "txt", "html", "epub"] {
                var context = ConversionContext()
                do {
                    let data = try Converter().write([article], to: format, context: &context)
                    if data.isEmpty { failures.append("\(format): empty") }
                } catch { failures.append("\(format): \(error)") }
            }
            var context = ConversionContext()
            let text = (try? Converter().write([article], to: "txt", context: &context)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            for word in ["bottom", "q0", "q9998", "inner", "tail"] where !text.contains(word) { failures.append("lost \(word)") }
        }
        thread.stackSize = 8 << 20
        thread.start()
        done.wait()
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func anArticleWithinTheLimitIsUnchanged() {
        let a = Self.deep(Article.maximumNesting / 2 - 2)
        #expect(a.limitingDepth() == a)
        let b = Self.deep(Article.maximumNesting + 10)
        #expect(b.limitingDepth() != b)
    }
}
