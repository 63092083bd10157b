import Foundation

/// One file or web page to convert, and where its outputs go relative to the output folder.
public struct BatchInput: Sendable, Hashable {
    /// The file, or the http(s) URL of a page.
    public var url: URL
    /// The path as given or found, for messages and reports.
    public var displayPath: String
    /// The path below the output folder, without extension (`2024/05/story`).
    public var relativeStem: String
    /// The path relative to its input folder, used for globs and shards (for a URL: the URL
    /// without its scheme).
    public var relativePath: String
    /// The page, once the batch's parent has fetched it (its bytes may have moved to `pageFile`).
    var page: FetchedDocument?
    /// Where the parent put the page's bytes for a worker process.
    var pageFile: String?

    /// Whether the input is a page to fetch (an http or https URL), not a file.
    public var isWeb: Bool { url.scheme == "http" || url.scheme == "https" }
}

/// Walks the inputs lazily: folders are enumerated as the run goes, so a million files are never
/// held in memory at once.
struct InputWalker: Sequence, IteratorProtocol {
    enum Source {
        case paths([String])
        case list(FileHandle)
    }

    private var pending: [String]
    private var listReader: LineReader?
    /// The folder being walked: where it is, the path as given, its prefix below the output.
    private var current: (root: URL, rootPath: String, given: String, prefix: String, walk: FolderWalk)?
    /// With one input folder its tree is mirrored straight into the output folder; with several,
    /// each goes into a subfolder named after it, so their files cannot collide.
    private let prefixFolders: Bool
    private let readable: (String) -> Bool
    private let options: BatchOptions
    private let outputPath: String
    /// Paths that could not be read while walking (permissions), reported as failures.
    private(set) var problems: [(String, String)] = []
    /// The URLs met so far (hashed): a URL given twice is converted once.
    private var seenURLs = Set<UInt64>()
    /// The files and folders named so far (as arguments or list entries), by their absolute
    /// path with `.` and `..` folded (hashed): `a.txt` and `./a.txt` are one input, converted
    /// once, not two that "would be written to" one output.
    private var seenGiven = Set<UInt64>()

    /// The folder a list's paths are named relative to (`ListRoot`), in a list run.
    private let listRoot: String?
    private let currentFolder = FileManager.default.currentDirectoryPath

    /// A walker of `source`; a list is the run's NUL-separated copy of it, and `listRoot` the
    /// folder its paths (and `extraPaths`) are named relative to.
    init(source: Source, options: BatchOptions, readable: @escaping (String) -> Bool, extraPaths: [String] = [], listRoot: String? = nil) {
        switch source {
        case .paths(let p): pending = p.reversed(); listReader = nil
        case .list(let h): pending = extraPaths.reversed(); listReader = LineReader(handle: h, separator: .nul)
        }
        self.listRoot = listRoot
        if case .paths(let p) = source, p.count == 1 { prefixFolders = false } else { prefixFolders = true }
        self.readable = readable
        self.options = options
        self.outputPath = options.outputDirectory.standardizedFileURL.resolvingSymlinksInPath().path
    }

    mutating func next() -> BatchInput? {
        while true {
            if let c = current {
                while let entry = current?.walk.next() {
                    let rel = entry.relative
                    let full = c.rootPath + "/" + rel
                    let name = PathText.lastComponent(rel)
                    switch entry.kind {
                    case .folder:
                        // Never walk into the output folder (it may sit inside the input folder), an
                        // earlier run's output folder (it holds the rerun stamp), or hidden folders.
                        if name.hasPrefix(".") || URL(fileURLWithPath: full).resolvingSymlinksInPath().path == outputPath
                            || RerunStamp.marks(full) {
                            current?.walk.skipDescendants()
                        }
                    case .file where !name.hasPrefix("."):
                        let display = c.given.hasSuffix("/") ? c.given + rel : c.given + "/" + rel
                        // In a list run globs see the path from the list's root, as for a listed file.
                        let listed = listReader != nil && !c.prefix.isEmpty
                        if let input = accept(URL(fileURLWithPath: full, isDirectory: false), name: name, relative: listed ? c.prefix + "/" + rel : rel,
                                              prefix: listed ? "" : c.prefix, display: display) { return input }
                    default:
                        continue
                    }
                }
                // The walk in `current`, not the copy in `c`, has met the folders it could not list.
                problems += current?.walk.problems.map { ($0.path, $0.reason) } ?? []
                current = nil
            }
            guard let path = nextPath() else { return nil }
            if WebAddress.isURL(path) {
                if let input = acceptWeb(path) { return input }
                continue
            }
            let url = URL(fileURLWithPath: path)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                // Only a NUL-separated list gives a listed name holding a newline.
                let hint = listReader != nil && path.utf8.contains(0x0A)
                    ? " (the name holds a newline: a list of one path a line is read with --from-list, not --from-list0)" : ""
                problems.append((path, "no such file or folder" + hint))
                continue
            }
            let absolute = path.hasPrefix("/") ? path : currentFolder + "/" + path
            guard seenGiven.insert(Shard.fnv1a(OutputFolder.standardized(absolute))).inserted else { continue }
            if isDir.boolValue {
                guard let w = FolderWalk(root: path, followLinks: options.followSymlinks) else {
                    problems.append((path, "cannot list the folder (\(ReaderInput.reason(errno: errno)))"))
                    continue
                }
                let root = url.standardizedFileURL
                if listReader != nil {
                    // A listed folder: its files are named by their path from the list's root.
                    guard let below = belowListRoot(path) else { continue }
                    current = (root, root.path, path, below, w)
                } else {
                    current = (root, root.path, path, prefixFolders ? root.lastPathComponent : "", w)
                }
            } else if listReader != nil {
                // A listed file keeps its folders from the list's root below the output folder.
                guard let rel = belowListRoot(path) else { continue }
                guard !rel.isEmpty else {
                    problems.append((path, "is the list's root folder itself (--list-root), not a file inside it"))
                    continue
                }
                if let input = accept(url, name: PathText.lastComponent(rel), relative: rel, prefix: "", display: path, force: true) { return input }
            } else {
                let rel = url.lastPathComponent
                if let input = accept(url, name: rel[...], relative: rel, prefix: "", display: path, force: true) { return input }
            }
        }
    }

    private mutating func nextPath() -> String? {
        if let p = pending.popLast() { return p }
        while let bytes = listReader?.nextBytes() {
            guard let line = String(validating: bytes, as: UTF8.self) else {
                // Decoding would put U+FFFD in the name and report "no such file".
                problems.append((String(printableBytes: bytes), "the listed path is not valid UTF-8, which ArticleKit needs for file names; rename the file (convmv -f latin1 -t utf8 does it)"))
                continue
            }
            // The run's copy of the list holds each entry as it is to be looked up.
            if !line.isEmpty { return line }
        }
        return nil
    }

    /// A listed path relative to the list's root, or nil (with the problem recorded) when it is
    /// outside a root given with `--list-root`. Without a root (nothing listed exists) a file is
    /// named by its name alone.
    private mutating func belowListRoot(_ path: String) -> String? {
        let absolute = ListRoot.absolute(path, in: currentFolder)
        guard let root = listRoot else { return String(PathText.lastComponent(absolute)) }
        guard let rel = ListRoot.relative(absolute, to: root) else {
            problems.append((path, "is not inside the list's root folder \(root) (--list-root)"))
            return nil
        }
        return rel
    }

    /// A URL input: named from its host and path (``WebAddress/outputStem(for:)``), straight in
    /// the output folder; its globs and shard see the URL without its scheme.
    private mutating func acceptWeb(_ text: String) -> BatchInput? {
        let url: URL
        do {
            url = try WebAddress.url(from: text)
        } catch {
            problems.append((text, error.message))
            return nil
        }
        var key = url.absoluteString
        if let hash = key.firstIndex(of: "#") { key = String(key[..<hash]) }
        guard seenURLs.insert(Shard.fnv1a(key)).inserted else { return nil }
        let relative = key.range(of: "://").map { String(key[$0.upperBound...]) } ?? key
        if !options.include.isEmpty && !options.include.contains(where: { Glob.matches($0, relative) }) { return nil }
        if options.exclude.contains(where: { Glob.matches($0, relative) }) { return nil }
        if let shard = options.shard, !shard.contains(relative) { return nil }
        return BatchInput(url: url, displayPath: text, relativeStem: WebAddress.outputStem(for: url), relativePath: relative)
    }

    private func accept(_ url: URL, name: Substring, relative: String, prefix: String, display: String? = nil, force: Bool = false) -> BatchInput? {
        if !force || options.inputFormat == nil {
            guard options.inputFormat != nil || readable(String(name)) else { return nil }
        }
        if !options.include.isEmpty && !options.include.contains(where: { Glob.matches($0, relative) }) { return nil }
        if options.exclude.contains(where: { Glob.matches($0, relative) }) { return nil }
        let shardKey = prefix.isEmpty ? relative : prefix + "/" + relative
        if let shard = options.shard, !shard.contains(shardKey) { return nil }
        let stemRel = PathText.deletingExtension(relative)
        let stem = prefix.isEmpty ? stemRel : prefix + "/" + stemRel
        return BatchInput(url: url, displayPath: display ?? url.path, relativeStem: stem, relativePath: shardKey)
    }
}
