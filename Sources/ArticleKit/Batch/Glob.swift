import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Shell-style globs for `--include` / `--exclude`, by POSIX fnmatch(3).
///
/// A pattern without `/` matches the file name anywhere (`*.txt`); one with `/` matches the path
/// relative to the input folder, where `*` does not cross `/` but `**/` matches any folders.
enum Glob {
    static func matches(_ pattern: String, _ relativePath: String) -> Bool {
        if !pattern.contains("/") {
            let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
            return fnmatch(pattern, name, 0) == 0
        }
        if fnmatch(pattern, relativePath, FNM_PATHNAME) == 0 { return true }
        // `**/x` also matches `x` at the top, and `a/**/x` matches `a/x`.
        if pattern.contains("**/") {
            return fnmatch(pattern.replacingOccurrences(of: "**/", with: ""), relativePath, FNM_PATHNAME) == 0
                || fnmatch(pattern.replacingOccurrences(of: "**/", with: "*/"), relativePath, 0) == 0
        }
        return false
    }
}
