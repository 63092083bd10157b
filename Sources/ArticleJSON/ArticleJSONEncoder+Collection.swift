import ArticleCore
import Foundation

extension JSONOutput {
    /// A collection: the collection's own metadata under the keys an article has, then
    /// `articles`, each a whole article object (in place of an article's `blocks`).
    ///
    /// The bytes go to `sink` after each article (what is left, the end, stays in ``bytes``):
    /// the output is never held twice, as a buffer and as its `Data` copy (a 2,000-chapter
    /// book's 22 MB of JSON was 44 MB at the peak, and the buffer's doubling more).
    mutating func collection(_ c: ArticleCollection, into sink: inout Data) {
        object { o in
            o.metadata(c.metadata)
            o.key("articles") { $0.array(c.articles) { out, a in out.article(a); out.drain(into: &sink) } }
            if !c.metadata.extra.isEmpty { o.key("meta") { $0.value(.object(c.metadata.extra)) } }
        }
    }
}

extension JSONOutput {
    /// Moves the bytes written so far to the end of `sink`, keeping the buffer's room.
    mutating func drain(into sink: inout Data) {
        sink.append(contentsOf: bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}

extension JSONOutput.ObjectWriter {
    /// The metadata keys every article (and collection) has, in reading order, null or `[]` when
    /// unknown.
    mutating func metadata(_ m: Metadata) {
        string("title", m.title)
        string("subtitle", m.subtitle)
        key("authors") { $0.strings(m.authors) }
        string("published", m.published?.iso8601)
        string("dateline", m.dateline)
        string("source", m.source)
        string("url", m.url)
        string("language", m.language)
        key("tags") { $0.strings(m.tags) }
        string("summary", m.summary)
        string("image", m.image.flatMap { URLSafety.isSafeImageSource($0) ? $0 : nil })
        // The one key written only when set: articles outside a book or paper read as before.
        if let section = m.section { string("section", section) }
    }
}
