import Foundation

/// How the paths in a list of inputs (`--from-list`, `--from-list0`) are separated.
public enum InputListSeparator: Sendable, Hashable {
    /// One path a line (`\n`, or `\r\n` as a list written on Windows has it); spaces around a
    /// path and blank lines are ignored.
    case newline
    /// Paths ended by NUL bytes, as `find -print0` writes them, so names may hold newlines and
    /// spaces. As with `xargs -0`, nothing else separates: a list with no NUL byte is one path,
    /// newlines and all. Empty entries (two NULs in a row) are skipped.
    case nul
}

/// Reads the entries of a list from a file handle a block at a time.
final class LineReader {
    private let handle: FileHandle
    private let separator: InputListSeparator
    private var buffer = Data()
    private var done = false

    init(handle: FileHandle, separator: InputListSeparator = .newline) {
        self.handle = handle
        self.separator = separator
    }

    /// The next line as text (bytes that are not UTF-8 become U+FFFD).
    func next() -> String? { nextBytes().map { String(decoding: $0, as: UTF8.self) } }

    /// The next entry's bytes, without its separator (nor, one a line, a carriage return before
    /// the newline: a list written on Windows names the same files): a copy of the list keeps
    /// names as they are.
    func nextBytes() -> Data? {
        let end: UInt8 = separator == .nul ? 0x00 : 0x0A
        while true {
            if let nl = buffer.firstIndex(of: end) {
                let line = Data(buffer[buffer.startIndex..<nl])
                buffer.removeSubrange(buffer.startIndex...nl)
                return trimmed(line)
            }
            if done {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return trimmed(buffer)
            }
            let chunk = handle.readData(ofLength: 64 * 1024)
            if chunk.isEmpty { done = true } else { buffer.append(chunk) }
        }
    }

    private func trimmed(_ line: Data) -> Data {
        guard separator == .newline, line.last == 0x0D else { return line }
        return line.dropLast()
    }

    /// The entries of the list that name something, in order, each as it should be looked up:
    /// one a line, spaces around a path are dropped; blank lines and empty NUL entries are
    /// skipped. Bytes that are not UTF-8 are kept as they are, for the walker to report.
    func nextEntry() -> Data? {
        while let bytes = nextBytes() {
            if separator == .newline, let text = String(validating: bytes, as: UTF8.self) {
                let t = text.trimmingCharacters(in: .whitespaces)
                if !t.isEmpty { return Data(t.utf8) }
                continue
            }
            if !bytes.isEmpty { return bytes }
        }
        return nil
    }
}

/// The folder a list's paths are named relative to: the deepest folder holding every listed
/// file (a listed file counts by its folder, a listed folder by itself), so that a list of the
/// files under `/data` names them as a folder run over `/data` does (`a/x.txt`), for outputs,
/// globs and shards alike. Paths are made absolute against the current folder and `.` and `..`
/// taken out by their text, without resolving links, so `in/g13/x.txt` listed from one folder
/// and `g13/x.txt` from inside `in` are the same file. URLs, paths that are not UTF-8 and
/// paths that do not exist take no part.
struct ListRoot {
    /// The root so far: an absolute path without a trailing `/` (`/` itself for the top).
    private(set) var path: String?
    private let currentFolder: String

    init(currentFolder: String = FileManager.default.currentDirectoryPath) {
        self.currentFolder = currentFolder
    }

    /// Counts one listed path in.
    mutating func add(_ listed: String) {
        let absolute = Self.absolute(listed, in: currentFolder)
        var st = stat()
        guard stat(absolute, &st) == 0 else { return }
        let folder = (st.st_mode & S_IFMT) == S_IFDIR ? absolute : Self.parent(absolute)
        guard var root = path else { path = folder; return }
        while !Self.isInside(folder, root) { root = Self.parent(root) }
        path = root
    }

    /// `path` without `.`, `..` and empty components, absolute against `folder` if relative.
    /// Split by bytes: a `/` followed by a combining mark is one Character, not a separator.
    static func absolute(_ path: String, in folder: String) -> String {
        var parts: [Substring] = []
        let full = path.utf8.first == 0x2F ? path : folder + "/" + path
        for part in full.utf8.split(separator: 0x2F) {
            if part.elementsEqual(".".utf8) { continue }
            if part.elementsEqual("..".utf8) { _ = parts.popLast(); continue }
            parts.append(Substring(part))
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The folder holding `path` (`/` for the top).
    static func parent(_ path: String) -> String {
        let utf8 = path.utf8
        guard let slash = utf8.lastIndex(of: 0x2F), slash != utf8.startIndex else { return "/" }
        return String(Substring(utf8[..<slash]))
    }

    /// Whether `path` is `root` or below it, comparing bytes (not canonically equal text: `é`
    /// composed and decomposed are different file names).
    static func isInside(_ path: String, _ root: String) -> Bool {
        if root == "/" { return true }
        let p = path.utf8, r = root.utf8
        guard p.starts(with: r) else { return false }
        let rest = p.dropFirst(r.count)
        return rest.isEmpty || rest.first == 0x2F
    }

    /// `path` relative to `root` (`""` for the root itself), or nil when it is not inside it.
    static func relative(_ path: String, to root: String) -> String? {
        guard isInside(path, root) else { return nil }
        let rest = path.utf8.dropFirst(root == "/" ? 1 : root.utf8.count)
        return String(Substring(rest.first == 0x2F ? rest.dropFirst() : rest))
    }
}
