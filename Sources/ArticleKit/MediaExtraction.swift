import Foundation

/// The images of an HTML or Markdown output written as files into a folder beside it
/// (`--extract-media DIR`, pandoc's option), instead of staying remote or inside the output.
///
/// Each image gets a name made from its bytes (`3f9a…e1.jpg`): the same image is one file however
/// often it is used, and no name an article or a server chose reaches the disk. The output
/// refers to the files by a path relative to its own folder. Nothing is written until
/// ``write()``, which the caller runs only once the output is ready, so a failed conversion
/// leaves no files.
///
/// ```swift
/// let media = MediaExtraction(folder: URL(fileURLWithPath: "out/media"), outputFolder: URL(fileURLWithPath: "out"))
/// let converter = Converter().gatheringImages(remoteImages: nil).extractingMedia(media)
/// let markdown = try converter.convert(inputs, to: "md", context: &context)
/// let written = try media.write()
/// ```
public final class MediaExtraction: @unchecked Sendable {
    /// The folder the images go to.
    public let folder: URL
    /// How the output names the folder: a relative URL path ending in `/`, or empty when the
    /// output is in the folder itself.
    public let reference: String

    private let lock = NSLock()
    private var files: [String: Data] = [:]
    private var order: [String] = []

    /// Creates an extraction into `folder`, for an output in `outputFolder` (the current folder
    /// for standard output).
    public init(folder: URL, outputFolder: URL) {
        self.folder = folder.standardizedFileURL
        let path = Self.relativePath(from: outputFolder.standardizedFileURL.path, to: self.folder.path)
        reference = path.isEmpty ? "" : path.split(separator: "/").map { component in
            String(component).addingPercentEncoding(withAllowedCharacters: Self.pathCharacters) ?? String(component)
        }.joined(separator: "/") + "/"
    }

    /// The names of the files to write, in the order the images were first met.
    public var fileNames: [String] { lock.withLock { order } }

    /// Takes an image and returns the reference the output uses for it.
    func add(_ data: Data, mediaType: String) -> String {
        let base = Self.hexDigest(data)
        let ext = Self.fileExtension(mediaType)
        return lock.withLock {
            var name = "\(base).\(ext)"
            var n = 1
            // Two different images with the same 128-bit name: the later one is numbered.
            while let held = files[name], held != data {
                n += 1
                name = "\(base)-\(n).\(ext)"
            }
            if files[name] == nil {
                files[name] = data
                order.append(name)
            }
            return reference + name
        }
    }

    /// Writes the files into ``folder`` (created when missing), each to a temporary file renamed
    /// into place, never through a symbolic link planted under its name.
    /// - Returns: The files written.
    /// - Throws: ``/ArticleCore/ArticleError`` naming the file that could not be written; the
    ///   files written before it are removed again.
    @discardableResult
    public func write() throws(ArticleError) -> [URL] {
        let pending = lock.withLock { order.map { ($0, files[$0] ?? Data()) } }
        var written: [URL] = []
        for (name, data) in pending {
            let url = folder.appendingPathComponent(name)
            do {
                try OutputFile.write(data, to: url, within: folder)
            } catch {
                remove(written)
                throw error
            }
            written.append(url)
        }
        return written
    }

    /// Removes files ``write()`` wrote, when the output they belong to could not be written.
    public func remove(_ written: [URL]) {
        for url in written { unlink(url.path) }
    }

    /// `../media` from `/a/out` to `/a/media`; both absolute and standardized.
    static func relativePath(from base: String, to target: String) -> String {
        let from = base.split(separator: "/"), to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to[common...].map(String.init)).joined(separator: "/")
    }

    /// What may stand unescaped in a path component of the reference.
    static let pathCharacters: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        set.insert(charactersIn: "-._~")
        return set
    }()

    /// The extension for a media type: `jpg`, `png`, `svg`, `webp`…
    static func fileExtension(_ mediaType: String) -> String {
        let subtype = mediaType.lowercased().split(separator: "/").last.map(String.init) ?? ""
        switch subtype {
        case "jpeg", "jpg": return "jpg"
        case "svg+xml": return "svg"
        case "tiff": return "tif"
        default:
            let clean = subtype.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
            return clean.isEmpty ? "img" : String(clean.prefix(8))
        }
    }

    /// 32 hex digits from two FNV-1a hashes of the bytes with different starting values:
    /// enough that different images practically never share a name (and ``add(_:mediaType:)``
    /// numbers them when they do).
    static func hexDigest(_ data: Data) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in data {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
            b = (b ^ UInt64(byte ^ 0x5c)) &* 0x100_0000_01b3
        }
        let hex = { (v: UInt64) in String(v, radix: 16).leftPadded(to: 16) }
        return hex(a) + hex(b)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
