@testable import ArticleKit
import Foundation
import Testing

/// The readdir walk the batch runner finds its inputs with.
@Suite struct FolderWalkTests {
    func tree() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("walk-" + UUID().uuidString)
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("a/b/c"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("skip/deep"), withIntermediateDirectories: true)
        for p in ["top.txt", "a/one.txt", "a/b/two.md", "a/b/c/three.html", "skip/x.txt", "skip/deep/y.txt"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(p))
        }
        // A link to a file counts as a file; a link to a folder (here a loop) is not followed.
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("a/link.txt").path, withDestinationPath: root.appendingPathComponent("top.txt").path)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("a/b/loop").path, withDestinationPath: root.path)
        return root
    }

    @Test func findsEveryFileWithItsTypeAndSkipsWhatItIsTold() throws {
        let root = try tree()
        defer { try? FileManager.default.removeItem(at: root) }
        guard var walk = FolderWalk(root: root.path + "/") else { Issue.record("cannot list \(root.path)"); return }
        var files: [String] = [], folders: [String] = [], others: [String] = []
        while let e = walk.next() {
            switch e.kind {
            case .file: files.append(e.relative)
            case .folder:
                folders.append(e.relative)
                if e.relative == "skip" { walk.skipDescendants() }
            case .other: others.append(e.relative)
            }
        }
        #expect(files.sorted() == ["a/b/c/three.html", "a/b/two.md", "a/link.txt", "a/one.txt", "top.txt"])
        #expect(folders.sorted() == ["a", "a/b", "a/b/c", "skip"])
        #expect(others == ["a/b/loop"])
        #expect(walk.problems.isEmpty)
    }

    @Test func aMissingRootIsNil() {
        #expect(FolderWalk(root: "/nonexistent-\(UUID().uuidString)") == nil)
    }
}
