/// Relative file paths taken apart by their UTF-8 bytes, with the results of NSString's
/// `lastPathComponent` and `deletingPathExtension` for the paths a folder walk makes (no
/// trailing `/`; tested equal). Those NSString methods cost 17,000–20,000 instructions a call
/// (callgrind), and a batch's walker, which runs in the one parent process, called them twice
/// for every file: a quarter of the parent's work per file.
enum PathText {
    /// What follows the last `/` (the whole path when there is none).
    static func lastComponent(_ path: String) -> Substring {
        let utf8 = path.utf8
        guard let slash = utf8.lastIndex(of: 0x2F) else { return path[...] }
        return Substring(utf8[utf8.index(after: slash)...])
    }

    /// The path without its last component's extension: from that component's last `.` on,
    /// unless the dot starts the component (`.profile`) or the component is `..`, which then
    /// have none.
    static func deletingExtension(_ path: String) -> String {
        let utf8 = path.utf8
        let start = utf8.lastIndex(of: 0x2F).map { utf8.index(after: $0) } ?? utf8.startIndex
        guard let dot = utf8[start...].lastIndex(of: 0x2E), dot != start, !utf8[start...].elementsEqual("..".utf8) else { return path }
        return String(Substring(utf8[..<dot]))
    }
}
