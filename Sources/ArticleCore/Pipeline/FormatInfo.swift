/// How a format is named on the command line and recognised from file names.
public struct FormatInfo: Hashable, Sendable {
    /// The canonical name (`epub`, `markdown`).
    public var name: String
    /// Other names accepted for it (`md`, `txt`).
    public var aliases: [String]
    /// File extensions, without the dot, that mean this format; the first is used for output.
    public var extensions: [String]
    /// The IANA media type.
    public var mediaType: String
    /// A one-line description for `articlekit formats`.
    public var summary: String

    /// Creates a format description.
    public init(name: String, aliases: [String] = [], extensions: [String], mediaType: String, summary: String) {
        self.name = name
        self.aliases = aliases
        self.extensions = extensions
        self.mediaType = mediaType
        self.summary = summary
    }

    /// Whether `nameOrAlias` names this format (case-insensitive).
    public func isNamed(_ nameOrAlias: String) -> Bool {
        let n = nameOrAlias.lowercased()
        return n == name || aliases.contains(n)
    }
}
