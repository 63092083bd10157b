import Foundation

/// A depth-first walk of a folder tree by readdir(3), taking each entry's type from the
/// directory itself (`d_type`) instead of a stat(2) per file.
///
/// FileManager's enumerator stats every entry it returns, and the batch walker then asked again
/// (lstat) what each one was: two calls a file, on each of the batch's two walks, in a run whose
/// time is mostly the kernel's. Like FileManager's enumerator (fts(3)), it reads a folder's names
/// when it enters the folder and holds only the folders on the current path, so its memory is
/// bounded by the largest folder, not the tree. Symbolic links to folders are not followed.
struct FolderWalk {
    enum Kind { case file, folder, other }

    struct Entry {
        /// The path below the root (`2024/05/story.txt`).
        var relative: String
        var kind: Kind
    }

    private let root: String
    private var stack: [(prefix: String, names: [(String, UInt8)], index: Int)] = []
    /// Folders below the root that could not be listed, with the reason.
    private(set) var problems: [(path: String, reason: String)] = []
    private var pendingDescend: String?

    /// Starts a walk of `root`; nil when the root cannot be listed (`errno` says why).
    init?(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
        guard let names = Self.list(self.root) else { return nil }
        stack = [("", names, 0)]
    }

    /// Do not walk into the folder `next()` just returned.
    mutating func skipDescendants() { pendingDescend = nil }

    mutating func next() -> Entry? {
        if let folder = pendingDescend {
            pendingDescend = nil
            if let names = Self.list(root + "/" + folder) {
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
            let kind = Self.kind(type: type, path: root + "/" + relative)
            if kind == .folder { pendingDescend = relative }
            return Entry(relative: relative, kind: kind)
        }
        return nil
    }

    // From <dirent.h>; the same on Linux and the BSDs.
    private static let typeUnknown: UInt8 = 0, typeFolder: UInt8 = 4, typeFile: UInt8 = 8, typeLink: UInt8 = 10

    private static func kind(type: UInt8, path: String) -> Kind {
        switch type {
        case typeFile: return .file
        case typeFolder: return .folder
        case typeLink, typeUnknown: return kind(of: path)
        default: return .other
        }
    }

    /// What a path is, by stat(2). Symbolic links to files count as files; links to folders are
    /// not followed, so a link loop cannot trap the walk.
    static func kind(of path: String) -> Kind {
        var st = stat()
        guard lstat(path, &st) == 0 else { return .other }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK:
            var target = stat()
            return stat(path, &target) == 0 && (target.st_mode & S_IFMT) == S_IFREG ? .file : .other
        default: return .other
        }
    }

    /// The names in a folder (without `.` and `..`) and their types.
    private static func list(_ path: String) -> [(String, UInt8)]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [(String, UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
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
    public func readableFiles(under folder: String, anyFormat: Bool = false) throws(ArticleError) -> [String] {
        guard var walk = FolderWalk(root: folder) else {
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
