import Foundation

/// Draws a book's raster (JPEG) cover from a ``CoverDesign``: some Kindle and Kobo library
/// views show only a raster cover image, never an SVG one. ArticleKit's standard EPUB writer is
/// given ArticleImages's `CoverRenderer`; a writer with none keeps the SVG cover alone.
public protocol CoverRasterizer: Sendable {
    /// The JPEG bytes of the cover `design` describes.
    ///
    /// - Throws: ``ArticleError`` when it cannot be drawn (the book then keeps its other cover).
    func jpeg(for design: CoverDesign) throws(ArticleError) -> Data
}
