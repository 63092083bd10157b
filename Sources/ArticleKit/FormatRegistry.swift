

/// The one list of formats: which reader reads a name or extension, which writer writes it.
///
/// Start from ``standard`` and register more; a later registration for the same name wins, so
/// a library user can replace a built-in format as well as add one.
public struct FormatRegistry: Sendable {
    /// Every registered reader, in registration order.
    public private(set) var readers: [any ArticleReader] = []
    /// Every registered writer, in registration order.
    public private(set) var writers: [any ArticleWriter] = []

    /// An empty registry.
    public init() {}

    /// Adds a reader.
    public mutating func register(reader: any ArticleReader) {
        readers.append(reader)
    }

    /// Adds a writer.
    public mutating func register(writer: any ArticleWriter) {
        writers.append(writer)
    }

    /// The reader for a format name or alias (`md`), the latest registered first.
    public func reader(named name: String) -> (any ArticleReader)? {
        readers.last { $0.format.isNamed(name) }
    }

    /// The writer for a format name or alias.
    public func writer(named name: String) -> (any ArticleWriter)? {
        writers.last { $0.format.isNamed(name) }
    }

    /// The reader for a file name's extension (`page.html`, `notes.MD`).
    public func reader(forPath path: String) -> (any ArticleReader)? {
        guard let ext = Self.fileExtension(path) else { return nil }
        return readers.last { $0.format.extensions.contains(ext) }
    }

    /// The writer for a file name's extension.
    public func writer(forPath path: String) -> (any ArticleWriter)? {
        guard let ext = Self.fileExtension(path) else { return nil }
        return writers.last { $0.format.extensions.contains(ext) }
    }

    /// The last component's extension, lower-cased; `nil` for none (a leading dot is none).
    /// Found by bytes: splitting the path into components cost 10,000 instructions a file in a
    /// batch's walker (callgrind).
    static func fileExtension(_ path: String) -> String? {
        let name = PathText.lastComponent(path)
        let utf8 = name.utf8
        guard let dot = utf8.lastIndex(of: 0x2E), dot != utf8.startIndex else { return nil }
        let ext = Substring(utf8[utf8.index(after: dot)...])
        return ext.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 }) ? ext.lowercased() : String(ext)
    }
}
