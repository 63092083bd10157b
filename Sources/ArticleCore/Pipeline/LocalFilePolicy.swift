import Foundation

/// The one rule for which files on this machine a document may embed: every reader, writer and
/// step that loads a local file asks it (the EPUB writer's `embed-local-images` step, the
/// `--cover` image).
///
/// A document may embed a local file only when
/// - the document itself is local (``DocumentOrigin/local``; a book's or a web page's
///   references to local files are never followed),
/// - the file, after `..` and every symbolic link are resolved, lies inside the document's own
///   folder tree or a ``ConversionOptions/resourcePaths`` folder (standard input's folder is the
///   current one),
/// - it is a regular file (no folder, device, pipe or socket is ever opened for reading),
/// - it is at most ``maximumSize`` bytes, and
/// - its bytes are an image (``ImageFormat/sniff(_:)``: JPEG, PNG, GIF, WebP or SVG).
///
/// ```swift
/// let policy = LocalFilePolicy(context: context)
/// switch policy.image(for: "photos/a.jpg") {
/// case .success(let image)?: resources.append(Resource(path: "photos/a.jpg", mediaType: image.format.mediaType, data: image.data))
/// case .failure(let refusal)?: context.warn("image photos/a.jpg left out: \(refusal)")
/// case nil: break   // a URL or a data: URI, not a local file
/// }
/// ```
public struct LocalFilePolicy: Sendable {
    /// The default size cap, 50 MB.
    public static let defaultMaximumSize = 50 << 20

    /// Where the document came from; only a local one may embed local files.
    public var origin: DocumentOrigin
    /// The document's folder: relative references resolve against it first.
    public var documentFolder: URL
    /// More folders whose files may be embedded, searched in order after the document's own.
    public var resourceFolders: [URL]
    /// The largest file accepted, in bytes.
    public var maximumSize: Int

    /// Creates a policy for a document in `documentFolder`.
    public init(documentFolder: URL, resourceFolders: [URL] = [], origin: DocumentOrigin = .local,
                maximumSize: Int = LocalFilePolicy.defaultMaximumSize) {
        self.documentFolder = documentFolder
        self.resourceFolders = resourceFolders
        self.origin = origin
        self.maximumSize = maximumSize
    }

    /// The policy for the document `context` is converting: its folder is the folder of
    /// ``ConversionContext/inputName`` (the current folder for standard input), its origin and
    /// resource folders come from the context.
    public init(context: ConversionContext) {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let folder: URL
        if let name = context.inputName, name != "-", !name.isEmpty {
            folder = URL(fileURLWithPath: name, relativeTo: cwd).deletingLastPathComponent()
        } else {
            folder = cwd
        }
        self.init(documentFolder: folder,
                  resourceFolders: context.options.resourcePaths.map { URL(fileURLWithPath: $0, isDirectory: true, relativeTo: cwd) },
                  origin: context.origin)
    }

    /// The image a document's reference names, loaded if the policy allows it; `nil` when the
    /// reference names no local file (a URL with another scheme, a `data:` URI, nothing).
    ///
    /// A reference is a local path (`photos/a.jpg`, `/home/me/a.jpg`, percent-encoded as in a
    /// URL) or a `file:` URL; a `#fragment` is ignored.
    public func image(for reference: String) -> Result<LocalImage, LocalFileRefusal>? {
        guard let path = Self.localPath(of: reference) else { return nil }
        guard origin.mayReferToLocalFiles else { return .failure(LocalFileRefusal(.untrustedOrigin, origin.refusal)) }
        guard !path.contains("\u{0}") else { return .failure(LocalFileRefusal(.notFound, "not a file name (it has a NUL byte)")) }
        let candidates = path.hasPrefix("/") ? [path] : ([documentFolder] + resourceFolders).map { $0.appendingPathComponent(path).path }
        for candidate in candidates {
            let real: String
            switch Self.realPath(candidate) {
            case .success(let r): real = r
            case .failure(let refusal) where refusal.reason == .notFound: continue
            case .failure(let refusal): return .failure(refusal)
            }
            guard allows(real) else {
                let which = resourceFolders.isEmpty ? "the document's folder" : "the document's folder and the --resource-path folders"
                return .failure(LocalFileRefusal(.outsideAllowedFolders, "outside " + which))
            }
            return Self.readImage(atRealPath: real, maximumSize: maximumSize)
        }
        return .failure(LocalFileRefusal(.notFound, "no such file"))
    }

    /// A file the user named themself (`--cover FILE`): it may be anywhere, since it is the
    /// user's own choice and not a document's, but it must still be a regular image file
    /// within `maximumSize`, so that a device or pipe named by mistake is never read.
    public static func userImage(atPath path: String, maximumSize: Int = defaultMaximumSize) -> Result<LocalImage, LocalFileRefusal> {
        guard !path.contains("\u{0}") else { return .failure(LocalFileRefusal(.notFound, "not a file name (it has a NUL byte)")) }
        switch realPath(path) {
        case .success(let real): return readImage(atRealPath: real, maximumSize: maximumSize)
        case .failure(let refusal): return .failure(refusal)
        }
    }

    /// The local file path a reference names, percent-decoded, or `nil` for anything that is
    /// not a local file: a URL with a scheme other than `file`, a protocol-relative `//host/`
    /// URL, an empty reference.
    public static func localPath(of reference: String) -> String? {
        var s = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        if s.isEmpty || s.hasPrefix("//") { return nil }
        if let colon = s.firstIndex(of: ":"), let first = s.first, first.isASCII, first.isLetter,
           s[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }) {
            guard s[..<colon].lowercased() == "file" else { return nil }
            s = String(s[s.index(after: colon)...])
            // file://host/path: the host is dropped (file URLs name this machine's files).
            if s.hasPrefix("//") {
                let rest = s.dropFirst(2)
                s = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
            }
            if let q = s.firstIndex(of: "?") { s = String(s[..<q]) }
        }
        if let hash = s.firstIndex(of: "#") { s = String(s[..<hash]) }
        let path = s.removingPercentEncoding ?? s
        return path.isEmpty ? nil : path
    }

    /// Whether the real path `real` lies inside the document's folder or a resource folder.
    func allows(_ real: String) -> Bool {
        for folder in [documentFolder] + resourceFolders {
            guard case .success(let root) = Self.realPath(folder.path) else { continue }
            if real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/") { return true }
        }
        return false
    }

    /// `path` with `..` and every symbolic link resolved (realpath(3)).
    static func realPath(_ path: String) -> Result<String, LocalFileRefusal> {
        guard let resolved = realpath(path, nil) else { return .failure(.from(errno: errno)) }
        defer { free(resolved) }
        return .success(String(cString: resolved))
    }
}
