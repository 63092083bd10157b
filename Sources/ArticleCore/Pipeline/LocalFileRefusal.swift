import Foundation

/// Why ``LocalFilePolicy`` left a local file out; its description is the reason a warning gives
/// ("outside the document's folder").
public struct LocalFileRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of refusal.
    public enum Reason: Hashable, Sendable {
        /// The document came from a book or the network, which never reach local files.
        case untrustedOrigin
        /// The file lies outside the document's folder tree and every `--resource-path` folder.
        case outsideAllowedFolders
        /// Nothing is there (or a symbolic link points nowhere).
        case notFound
        /// A folder, device, pipe or socket, not a regular file.
        case notRegularFile
        /// Larger than the policy's size cap.
        case tooLarge
        /// The bytes are not an image ArticleKit knows (``ImageFormat/sniff(_:)``).
        case notAnImage
        /// The system refused to read it (permissions), or it changed while being read.
        case unreadable
    }

    /// The kind of refusal.
    public var reason: Reason
    /// The reason in words, for a warning.
    public var description: String

    /// Creates a refusal.
    public init(_ reason: Reason, _ description: String) {
        self.reason = reason
        self.description = description
    }

    static func from(errno code: Int32) -> LocalFileRefusal {
        if code == ENOENT || code == ENOTDIR { return LocalFileRefusal(.notFound, "no such file") }
        if code == ELOOP { return LocalFileRefusal(.unreadable, "a symbolic link appeared in its path while it was read") }
        return LocalFileRefusal(.unreadable, "cannot be read (" + String(cString: strerror(code)).lowercased() + ")")
    }

    static func notRegular(mode: mode_t) -> LocalFileRefusal {
        let kind: String
        switch mode & S_IFMT {
        case S_IFDIR: kind = "a folder"
        case S_IFIFO: kind = "a pipe"
        case S_IFCHR, S_IFBLK: kind = "a device"
        case S_IFSOCK: kind = "a socket"
        default: kind = "a special file"
        }
        return LocalFileRefusal(.notRegularFile, "not a regular file (\(kind))")
    }
}

/// An image file that ``LocalFilePolicy`` allowed, with its bytes.
public struct LocalImage: Hashable, Sendable {
    /// The file's real path: absolute, with no `..` and no symbolic link in it.
    public var path: String
    /// The bytes.
    public var data: Data
    /// The format its bytes show.
    public var format: ImageFormat
}
