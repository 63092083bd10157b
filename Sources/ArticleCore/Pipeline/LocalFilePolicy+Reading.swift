import Foundation

extension LocalFilePolicy {
    /// The image at `real`, an absolute path with no symbolic link in it, read without following
    /// any link that appears meanwhile and without opening anything but a regular file.
    ///
    /// The path is walked one folder at a time with `O_NOFOLLOW` (a folder swapped for a link
    /// after realpath(3) fails the open instead of leading elsewhere); the last name is checked
    /// with `fstatat` before it is opened, so a device or pipe is never opened, and opened with
    /// `O_NONBLOCK` and checked again with `fstat` in case it was swapped in between.
    static func readImage(atRealPath real: String, maximumSize: Int) -> Result<LocalImage, LocalFileRefusal> {
        let data: Data
        switch readRegularFile(atRealPath: real, maximumSize: maximumSize) {
        case .success(let d): data = d
        case .failure(let refusal): return .failure(refusal)
        }
        guard let format = ImageFormat.sniff(data) else {
            return .failure(LocalFileRefusal(.notAnImage, "not an image (by its first bytes)"))
        }
        return .success(LocalImage(path: real, data: data, format: format))
    }

    static func readRegularFile(atRealPath real: String, maximumSize: Int) -> Result<Data, LocalFileRefusal> {
        let parts = real.split(separator: "/").map(String.init)
        guard real.hasPrefix("/"), let last = parts.last else { return .failure(.notRegular(mode: S_IFDIR)) }
        var dir = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dir >= 0 else { return .failure(.from(errno: errno)) }
        defer { close(dir) }
        for part in parts.dropLast() {
            let next = openat(dir, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else { return .failure(.from(errno: errno)) }
            close(dir)
            dir = next
        }
        var before = stat()
        guard fstatat(dir, last, &before, AT_SYMLINK_NOFOLLOW) == 0 else { return .failure(.from(errno: errno)) }
        if (before.st_mode & S_IFMT) == S_IFLNK {
            return .failure(LocalFileRefusal(.unreadable, "a symbolic link appeared in its path while it was read"))
        }
        guard (before.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegular(mode: before.st_mode)) }
        guard before.st_size <= Int64(maximumSize) else { return .failure(tooLarge(maximumSize)) }
        let fd = openat(dir, last, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.from(errno: errno)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(.from(errno: errno)) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegular(mode: st.st_mode)) }
        guard st.st_dev == before.st_dev, st.st_ino == before.st_ino else {
            return .failure(LocalFileRefusal(.unreadable, "the file changed while it was read"))
        }
        // Read up to one byte past the cap, so a file that grew since fstat is still caught.
        let limit = maximumSize < Int.max ? maximumSize + 1 : maximumSize
        var data = Data(count: min(max(Int(clamping: st.st_size), 0), limit - 1) + 1)
        var filled = 0
        while filled < limit {
            if filled == data.count { data.count = min(limit, data.count + max(data.count, 64 * 1024)) }
            let room = data.count - filled
            let n = data.withUnsafeMutableBytes { raw in raw.baseAddress.map { read(fd, $0 + filled, room) } ?? 0 }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.from(errno: errno))
            }
            if n == 0 { break }
            filled += n
        }
        guard filled <= maximumSize else { return .failure(tooLarge(maximumSize)) }
        data.count = filled
        return .success(data)
    }

    private static func tooLarge(_ maximumSize: Int) -> LocalFileRefusal {
        LocalFileRefusal(.tooLarge, maximumSize >= 1 << 20 ? "larger than \(maximumSize >> 20) MB" : "larger than \(maximumSize) bytes")
    }
}
