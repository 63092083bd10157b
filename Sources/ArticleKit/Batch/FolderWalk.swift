import Foundation

/// A depth-first walk of a folder tree by readdir(3), taking each entry's type from the
/// directory itself (`d_type`) instead of a stat(2) per file.
///
/// FileManager's enumerator stats every entry it returns, and the batch walker then asked again
/// (lstat) what each one was: two calls a file, on each of the batch's two walks, in a run whose
/// time is mostly the kernel's. Like FileManager's enumerator (fts(3)), it reads a folder's names
/// when it enters the folder and holds only the folders on the current path, so its memory is
/// bounded by the largest folder, not the tree. Symbolic links to folders are not followed; links
/// to files are followed only when they stay inside the tree (after resolving every link on the
/// way), unless `followLinks`: a planted `in/a.txt -> /home/me/notes.txt` must not pull a file
/// from elsewhere into a batch. A link inside the tree is converted under its own name, like a
/// copy would be. A name that is not UTF-8 is reported, not turned into a path that does not
/// exist.
struct FolderWalk {
    enum Kind { case file, folder, other }

    struct Entry {
        /// The path below the root (`2024/05/story.txt`).
        var relative: String
        var kind: Kind
    }

    private let root: String
    /// The root with every link resolved, for telling links inside the tree from links out of it.
    private let resolvedRoot: String
    private let followLinks: Bool
    private var stack: [(prefix: String, names: [(String, UInt8)], index: Int)] = []
    /// Folders below the root that could not be listed, with the reason.
    private(set) var problems: [(path: String, reason: String)] = []
    private var pendingDescend: String?

    /// Starts a walk of `root`; nil when the root cannot be listed (`errno` says why).
    init?(root: String, followLinks: Bool = false) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        self.followLinks = followLinks
        resolvedRoot = Self.resolved(self.root) ?? self.root
        guard let names = list("") else { return nil }
        stack = [("", names, 0)]
    }

    /// Do not walk into the folder `next()` just returned.
    mutating func skipDescendants() { pendingDescend = nil }

    mutating func next() -> Entry? {
        if let folder = pendingDescend {
            pendingDescend = nil
            if let names = list(folder + "/") {
                stack.append((folder + "/", names, 0))
            } else {
                problems.append((root + "/" + folder, "cannot list the folder (\(ReaderInput.reason(errno: errno)))"))
            }
        }
        while var top = stack.popLast() {
            guard top.index < top.names.count else { continue }
            let (name, type) = top.names[top.index]
            top.index += 1
            stack.append(top)
            let relative = top.prefix + name
            let kind = kind(type: type, path: root + "/" + relative)
            if kind == .folder { pendingDescend = relative }
            return Entry(relative: relative, kind: kind)
        }
        return nil
    }

    // From <dirent.h>; the same on Linux and the BSDs.
    private static let typeUnknown: UInt8 = 0, typeFolder: UInt8 = 4, typeFile: UInt8 = 8, typeLink: UInt8 = 10

    private func kind(type: UInt8, path: String) -> Kind {
        switch type {
        case Self.typeFile: return .file
        case Self.typeFolder: return .folder
        case Self.typeLink, Self.typeUnknown: return kind(of: path)
        default: return .other
        }
    }

    /// What a path is, by lstat(2). A link to a file counts as a file when it resolves inside the
    /// tree, or anywhere with `followLinks`; links to folders are never followed, so a link loop
    /// cannot trap the walk.
    private func kind(of path: String) -> Kind {
        var st = stat()
        guard lstat(path, &st) == 0 else { return .other }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK:
            var target = stat()
            guard stat(path, &target) == 0, (target.st_mode & S_IFMT) == S_IFREG else { return .other }
            if followLinks { return .file }
            guard let resolved = Self.resolved(path) else { return .other }
            return resolved.hasPrefix(resolvedRoot == "/" ? "/" : resolvedRoot + "/") ? .file : .other
        default: return .other
        }
    }

    /// The path with every link and `..` resolved, by realpath(3).
    private static func resolved(_ path: String) -> String? {
        guard let r = realpath(path, nil) else { return nil }
        defer { free(r) }
        return String(validatingCString: r)
    }

    /// The names in a folder below the root (`""` for the root, else ending in `/`), without
    /// `.` and `..`, and their types. A name that is not UTF-8 cannot be a Swift path: it is
    /// recorded as a problem with its bytes shown (`caf\xE9.txt`), and left out.
    private mutating func list(_ prefix: String) -> [(String, UInt8)]? {
        guard let dir = opendir(root + "/" + prefix) else { return nil }
        defer { closedir(dir) }
        var names: [(String, UInt8)] = []
        while let entry = readdir(dir) {
            let name: String? = withUnsafePointer(to: &entry.pointee.d_name) {
                String(validatingCString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard let name else {
                let bytes = withUnsafePointer(to: &entry.pointee.d_name) {
                    let c = UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)
                    return Array(UnsafeBufferPointer(start: UnsafeRawPointer(c).assumingMemoryBound(to: UInt8.self), count: strlen(c)))
                }
                if bytes.first != UInt8(ascii: ".") {
                    problems.append((root + "/" + prefix + String(printableBytes: bytes),
                                     "the file name is not valid UTF-8, which ArticleKit needs for file names; rename it (convmv -f latin1 -t utf8 does it)"))
                }
                continue
            }
            if name == "." || name == ".." { continue }
            names.append((name, entry.pointee.d_type))
        }
        return names
    }
}

extension Converter {
    /// The files under `folder` that a reader can read (any file when `anyFormat`, for an input
    /// format named by hand), in name order: the chapters of a book made from a folder. Hidden
    /// files and folders are left out and links to folders are not followed, as in a batch run.
    ///
    /// - Parameters:
    ///   - folder: The folder to walk.
    ///   - anyFormat: Take every file, not only those a reader claims by extension.
    ///   - followSymlinks: Take links to files outside the folder too (`--follow-symlinks`);
    ///     without it only links that stay inside the folder's tree are followed.
    public func readableFiles(under folder: String, anyFormat: Bool = false, followSymlinks: Bool = false) throws(ArticleError) -> [String] {
        guard var walk = FolderWalk(root: folder, followLinks: followSymlinks) else {
            throw ArticleError(.io, "cannot list the folder (\(ReaderInput.reason(errno: errno)))", file: folder)
        }
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var files: [String] = []
        while let entry = walk.next() {
            let name = (entry.relative as NSString).lastPathComponent
            switch entry.kind {
            case .folder where name.hasPrefix("."): walk.skipDescendants()
            case .file where !name.hasPrefix(".") && (anyFormat || registry.reader(forPath: name) != nil):
                files.append(base + "/" + entry.relative)
            default: continue
            }
        }
        if let problem = walk.problems.first {
            throw ArticleError(.io, problem.reason, file: problem.path)
        }
        return files.sorted()
    }
}
