import Foundation

/// A file embedded in an article, such as an image.
public struct Resource: Hashable, Sendable, Codable {
    /// The path the article's blocks use to refer to this resource (`images/photo.jpg`).
    public var path: String
    /// The IANA media type (`image/jpeg`).
    public var mediaType: String
    /// The bytes.
    public var data: Data

    /// Creates a resource.
    public init(path: String, mediaType: String, data: Data) {
        self.path = path
        self.mediaType = mediaType
        self.data = data
    }
}
