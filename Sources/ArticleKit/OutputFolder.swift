import Foundation

/// Opens the folder an output goes into, as a descriptor that later calls work relative to.
///
/// Below a root (a batch's output folder), each folder is opened with `O_NOFOLLOW`, one name at
/// a time, and created when missing: a link planted in the mirrored tree (`out/2024 ->
/// /home/me`) fails the output instead of sending it elsewhere, and a folder swapped for a link
/// after the check cannot redirect a write already holding the real folder's descriptor.
enum OutputFolder {
    static func open(for url: URL, within root: URL?) throws(ArticleError) -> Int32 {
        let parent = url.deletingLastPathComponent().standardizedFileURL
        let rootPath = root?.standardizedFileURL.path
        guard let rootPath, parent.path == rootPath || parent.path.hasPrefix(rootPath.hasSuffix("/") ? rootPath : rootPath + "/") else {
            return try openNamed(parent, for: url)
        }
        var fd = try openNamed(URL(fileURLWithPath: rootPath, isDirectory: true), for: url)
        var walked = rootPath
        for component in parent.path.dropFirst(rootPath.count).split(separator: "/") where component != "." {
            let name = String(component)
            walked += (walked.hasSuffix("/") ? "" : "/") + name
            var next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 && errno == ENOENT {
                if mkdirat(fd, name, 0o755) == 0 || errno == EEXIST {
                    next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                }
            }
            let reason = errno
            if next < 0 {
                var st = stat()
                let isLink = fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
                close(fd)
                if name == ".." || isLink {
                    throw ArticleError(.io, "\(walked) is a symbolic link inside the output folder, and ArticleKit does not write through links; remove it", file: url.path)
                }
                throw ArticleError(.io, "cannot create the folder \(walked) (\(ReaderInput.reason(errno: reason)))", file: url.path)
            }
            close(fd)
            fd = next
        }
        return fd
    }

    /// The folder as the user named it (links followed), created when missing.
    private static func openNamed(_ folder: URL, for url: URL) throws(ArticleError) -> Int32 {
        var fd = Foundation.open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 && errno == ENOENT {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            fd = Foundation.open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }
        guard fd >= 0 else {
            throw ArticleError(.io, "cannot write the output (\(ReaderInput.reason(errno: errno)))", file: url.path)
        }
        return fd
    }
}
