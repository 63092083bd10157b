/// How the images a book embeds are prepared (ArticleImages does it): what `--images`,
/// `--image-max` and `--image-quality` set.
public struct ImageOptions: Hashable, Sendable {
    /// What happens to the images a book embeds.
    public enum Mode: String, Hashable, Sendable, CaseIterable {
        /// Made into images every e-reader shows: JPEG or PNG, scaled down, turned upright,
        /// without metadata (the default).
        case reader
        /// Embedded as they are (still checked to be images, and never past the pixel limit).
        case keep
        /// Left out; captions and credits stay.
        case none
    }

    /// What happens to images.
    public var mode: Mode = .reader
    /// The longest side, in pixels, a photo is scaled down to (never up).
    public var maxDimension = 1600
    /// JPEG quality, 1–100.
    public var quality = 82
    /// Images declaring more pixels than this are refused before they are decoded.
    public var maxPixels = 100_000_000

    /// The defaults: reader-ready images, 1600 pixels, quality 82, at most 100 megapixels.
    public init() {}
}
