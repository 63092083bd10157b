@testable import ArticleKit
import Foundation
import Testing

/// The string-level path and line handling the batch uses in place of URL and Substring
/// operations (for speed) must give what those give.
@Suite struct BatchPathTextTests {
    /// Folding `.`, `..` and empty components by bytes agrees with `standardizedFileURL`, and the
    /// folder part of a path with `deletingLastPathComponent`, on paths of every shape.
    @Test func pathsFoldAsFoundationFoldsThem() {
        let parts = ["a", "b", ".", "..", "", "..x", ".hidden", "x.", "...", "é", "c d"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let n = Int.random(in: 1...6, using: &rng)
            let path = "/" + (0..<n).map { _ in parts[Int.random(in: 0..<parts.count, using: &rng)] }.joined(separator: "/")
            #expect(OutputFolder.standardized(path) == URL(fileURLWithPath: path).standardizedFileURL.path, "\(path)")
            let file = path + "/f.json"
            #expect(OutputFolder.standardized(OutputFolder.parent(of: file))
                    == URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL.path, "\(file)")
        }
        #expect(OutputFolder.parent(of: "/f.json") == "/")
    }

    /// Job and result lines split on their bytes keep every field, with tabs, newlines, the
    /// list separator, backslashes and non-ASCII text in names and messages.
    @Test func wireLinesKeepEveryField() throws {
        let odd = ["plain", "tab\there", "new\nline", "back\\slash", "unit\u{1F}sep", "ü/ñ 日本", "", "cr\rlf", "e\u{301}"]
        for name in odd {
            let input = BatchInput(url: URL(fileURLWithPath: "/in/" + name, isDirectory: false), displayPath: name,
                                   relativeStem: "s/" + name, relativePath: name + ".txt")
            let line = WorkerWire.job(input)
            let back = try #require(WorkerWire.parseJob(line.dropLast()[...]))
            #expect(back.displayPath == name && back.relativeStem == "s/" + name && back.relativePath == name + ".txt")
            #expect(back.url.path == input.url.path)
            let record = BatchRecord(path: name, outputs: ["/o/" + name, "/o2/" + name], status: .converted,
                                     warnings: [name, "w2"], error: "bad " + name, milliseconds: 1.5)
            let r = try #require(WorkerWire.parseResult(WorkerWire.result(record, noSpace: true).dropLast()[...], path: name))
            #expect(r.record.outputs == record.outputs && r.record.warnings == record.warnings && r.record.error == record.error)
            #expect(r.noSpace && r.record.status == .converted)
        }
    }

    /// A relative path's last component and its path without the extension, by bytes, agree
    /// with NSString's `lastPathComponent` and `deletingPathExtension`, and a file's extension
    /// with `pathExtension` (lower-cased, none for a leading dot).
    @Test func namesAndExtensionsAsNSStringGivesThem() {
        let parts = ["a", "b.txt", ".hidden", "b.", "x..y", "..", "..b", "a b.t xt", "b.TXT", "café.md", "b. c", "α.β", "b.😀", "d.tar.gz", "Ü.MD"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let n = Int.random(in: 1...4, using: &rng)
            let path = (0..<n).map { _ in parts[Int.random(in: 0..<parts.count, using: &rng)] }.joined(separator: "/")
            let ns = path as NSString
            #expect(String(PathText.lastComponent(path)) == ns.lastPathComponent, "\(path)")
            #expect(PathText.deletingExtension(path) == ns.deletingPathExtension, "\(path)")
            let ext = ns.pathExtension
            let name = ns.lastPathComponent
            let hasOne = name.lastIndex(of: ".").map { $0 != name.startIndex } ?? false
            let expected: String? = hasOne ? ext.lowercased() : nil
            #expect(FormatRegistry.fileExtension(path) == expected, "\(path)")
        }
    }

    /// Output paths joined as strings are the ones `appendingPathComponent` made.
    @Test func outputPathsAsURLsMadeThem() throws {
        for folder in ["/tmp/out", "/tmp/out/", "/", "out", "./o/../out"] {
            var options = BatchOptions(formats: ["json", "md", "epub"], outputDirectory: URL(fileURLWithPath: folder, isDirectory: true))
            options.jobs = 1
            let batch = try BatchConverter(options: options)
            for stem in ["a", "sub/b", "é/c d", "x.y"] {
                let input = BatchInput(url: URL(fileURLWithPath: "/in/" + stem + ".txt"), displayPath: stem, relativeStem: stem, relativePath: stem + ".txt")
                let old = batch.writers.map { options.outputDirectory.appendingPathComponent(stem + "." + batch.outputExtension($0), isDirectory: false).path }
                #expect(batch.outputPaths(of: input) == old, "\(folder) \(stem)")
            }
        }
    }
}
