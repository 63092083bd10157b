import Foundation

/// What a book's raster cover shows, in the order it is laid out: the source above a rule,
/// the title, the authors under a second rule, a note and the date near the foot; or, when the
/// book is one article with a lead image, the photo across the top with the source, title and
/// authors under it. The EPUB writer describes its cover this way and a ``CoverRasterizer``
/// draws it, so that a format target needs no image library.
public struct CoverDesign: Hashable, Sendable {
    /// The book's title.
    public var title: String
    /// The source line (upper case), or `nil`.
    public var kicker: String?
    /// The authors, or `nil`.
    public var byline: String?
    /// The date or dates, or `nil`.
    public var footer: String?
    /// A note above the date (`3 articles`), or `nil`.
    public var note: String?
    /// The lead photo's bytes (a JPEG, PNG, GIF or WebP image the book holds), or `nil`.
    public var photo: Data?

    /// Creates a design; only the title is required.
    public init(title: String, kicker: String? = nil, byline: String? = nil, footer: String? = nil,
                note: String? = nil, photo: Data? = nil) {
        self.title = title
        self.kicker = kicker
        self.byline = byline
        self.footer = footer
        self.note = note
        self.photo = photo
    }
}
