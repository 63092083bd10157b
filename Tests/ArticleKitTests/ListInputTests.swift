@testable import ArticleKit
import Foundation
import Synchronization
import Testing

/// Lists of inputs (`--from-list`, `--from-list0`): NUL-separated entries, and the paths of a
/// list run named from the list's common root, as a folder run over that root names them.
@Suite struct ListInputTests {
    let fm = FileManager.default

    /// `data/` with files in several folders (some at the top, some two deep) and a folder
    /// `out/` beside it; returns the scratch folder.
    func corpus(files: Int = 30) throws -> (dir: URL, files: [String]) {
        let dir = fm.temporaryDirectory.appendingPathComponent("articlekit-lists-" + UUID().uuidString)
        var names: [String] = []
        for i in 0..<files {
            let folder = ["", "a/", "b/", "c/d/"][i % 4]
            names.append("\(folder)story \(i).txt")
        }
        for name in names {
            let url = dir.appendingPathComponent("data/" + name)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("Title of \(name)\n\nThe only paragraph of \(name), long enough to be an article.".utf8).write(to: url)
        }
        return (dir, names.sorted())
    }

    func list(_ entries: [String], separator: InputListSeparator) throws -> FileHandle {
        let url = fm.temporaryDirectory.appendingPathComponent("articlekit-list-" + UUID().uuidString)
        let end = separator == .nul ? "\0" : "\n"
        try Data(entries.map { $0 + end }.joined().utf8).write(to: url)
        return try FileHandle(forReadingFrom: url)
    }

    /// Runs a batch into `out` and returns the outputs written, relative to it, and the counts.
    func run(_ dir: URL, paths: [String] = [], list: FileHandle? = nil, separator: InputListSeparator = .newline,
             shard: String? = nil, root: String? = nil, out: String = "out") throws -> (outputs: [String], result: BatchProgress, errors: [String]) {
        var options = BatchOptions(formats: ["json"], outputDirectory: dir.appendingPathComponent(out))
        options.jobs = 2
        options.shard = shard.flatMap(Shard.init)
        options.listRoot = root
        let written = Mutex<[String]>([]), errors = Mutex<[String]>([])
        let outPath = dir.appendingPathComponent(out).path + "/"
        let result = try BatchConverter(options: options).run(paths: paths, listFile: list, listSeparator: separator) { record, _ in
            written.withLock { $0 += record.outputs.map { $0.hasPrefix(outPath) ? String($0.dropFirst(outPath.count)) : $0 } }
            if let e = record.error { errors.withLock { $0.append(record.path + ": " + e) } }
        }
        return (written.withLock { $0 }.sorted(), result, errors.withLock { $0 })
    }

    @Test func aNULListNamesFilesWithNewlinesSpacesAndSkipsEmptyEntries() throws {
        let (dir, _) = try corpus(files: 0)
        defer { try? fm.removeItem(at: dir) }
        let odd = ["a/two\nlines.txt", "b/ spaced name .txt", "b/tab\there.txt"]
        for name in odd {
            let url = dir.appendingPathComponent("data/" + name)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("A title\n\nA paragraph of the article.".utf8).write(to: url)
        }
        let paths = odd.map { dir.appendingPathComponent("data/" + $0).path }
        // An empty entry between the names (two NULs) and none after the last name.
        let url = fm.temporaryDirectory.appendingPathComponent("articlekit-list0-" + UUID().uuidString)
        try Data((paths[0] + "\0\0" + paths[1] + "\0" + paths[2]).utf8).write(to: url)
        let r = try run(dir, list: try FileHandle(forReadingFrom: url), separator: .nul)
        #expect(r.result.converted == 3 && r.result.failed == 0, "\(r.errors)")
        #expect(r.outputs == ["a/two\nlines.json", "b/ spaced name .json", "b/tab\there.json"])
    }

    @Test func aListWithoutNULIsOnePathAsXargsDashZeroReadsIt() throws {
        let (dir, files) = try corpus(files: 2)
        defer { try? fm.removeItem(at: dir) }
        let lines = files.map { dir.appendingPathComponent("data/" + $0).path }.joined(separator: "\n")
        let url = fm.temporaryDirectory.appendingPathComponent("articlekit-list0-" + UUID().uuidString)
        try Data((lines + "\n").utf8).write(to: url)
        let r = try run(dir, list: try FileHandle(forReadingFrom: url), separator: .nul)
        #expect(r.result.converted == 0 && r.result.failed == 1)
        #expect(r.errors.first?.contains("no such file or folder (the name holds a newline") == true, "\(r.errors)")
        // The same bytes one path a line are the two files.
        let again = try run(dir, list: try FileHandle(forReadingFrom: url), separator: .newline)
        #expect(again.result.converted == 2, "\(again.errors)")
    }

    @Test func aListIsNamedFromItsCommonFolderLikeAFolderRunOverIt() throws {
        let (dir, files) = try corpus()
        defer { try? fm.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data").path
        let folder = try run(dir, paths: [data], out: "folder")
        let listed = try run(dir, list: try list(files.map { data + "/" + $0 }, separator: .nul), separator: .nul, out: "list")
        let expected = files.map { PathText.deletingExtension($0) + ".json" }.sorted()
        #expect(folder.outputs == expected)
        #expect(listed.outputs == expected, "a/x.txt listed as /…/data/a/x.txt is written to out/a/x.json")
        // A listed folder counts as itself: a list naming `data` is the folder run.
        let listedFolder = try run(dir, list: try list([data + "/"], separator: .newline), out: "folder-listed")
        #expect(listedFolder.outputs == expected)
    }

    @Test func aFileOrFolderNamedTwiceIsOneInput() throws {
        let (dir, files) = try corpus(files: 4)
        defer { try? fm.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data").path
        // The same file as an argument and through `.` and `..`, and in a list, is converted once.
        let first = data + "/" + files[0]
        let twice = try run(dir, paths: [first, data + "/./" + files[0], data + "/a/../" + files[0]], out: "args")
        #expect(twice.errors.isEmpty)
        #expect(twice.result.converted == 1)
        let listed = try run(dir, list: try list([first, first, data + "//" + files[0]], separator: .newline), out: "list")
        #expect(listed.errors.isEmpty && listed.result.converted == 1)
        // A folder given twice is walked once.
        let folders = try run(dir, paths: [data, data + "/"], out: "folders")
        #expect(folders.errors.isEmpty && folders.result.converted == files.count)
        // Two different files of one name still may not share an output.
        let name = PathText.lastComponent(files[0])
        try fm.copyItem(atPath: first, toPath: data + "/b/" + name)
        #expect(throws: ArticleError.self) { try run(dir, paths: [first, data + "/b/" + name], out: "clash") }
    }

    @Test func theShardsOfAListRunPartitionItsFilesAsAFolderRunsDo() throws {
        let (dir, files) = try corpus(files: 40)
        defer { try? fm.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data").path
        var listShards: [[String]] = [], folderShards: [[String]] = []
        for k in 1...3 {
            // Listed with `..` and `.` in the paths: the same files, the same keys.
            let entries = files.map { data + "/./c/../" + $0 }
            listShards.append(try run(dir, list: try list(entries, separator: .nul), separator: .nul, shard: "\(k)/3", out: "list\(k)").outputs)
            folderShards.append(try run(dir, paths: [data], shard: "\(k)/3", out: "folder\(k)").outputs)
        }
        let all = listShards.flatMap { $0 }
        #expect(all.count == files.count && Set(all).count == files.count, "every file in exactly one shard")
        #expect(listShards.allSatisfy { !$0.isEmpty })
        #expect(listShards == folderShards, "a list run and a folder run split the files alike")
    }

    @Test func aListRootPinsTheNamesAndRefusesPathsOutsideIt() throws {
        let (dir, files) = try corpus(files: 8)
        defer { try? fm.removeItem(at: dir) }
        let data = dir.appendingPathComponent("data").path
        let inA = files.filter { $0.hasPrefix("a/") }
        // Only files of `a/`: without a root they would be named from `a/` itself.
        let plain = try run(dir, list: try list(inA.map { data + "/" + $0 }, separator: .newline), out: "plain")
        #expect(plain.outputs == inA.map { String(PathText.deletingExtension($0).dropFirst(2)) + ".json" }.sorted())
        let outside = dir.appendingPathComponent("elsewhere.txt")
        try Data("Elsewhere\n\nA paragraph of the article.".utf8).write(to: outside)
        let pinned = try run(dir, list: try list(inA.map { data + "/" + $0 } + [outside.path], separator: .newline), root: data, out: "pinned")
        #expect(pinned.outputs == inA.map { PathText.deletingExtension($0) + ".json" }.sorted())
        #expect(pinned.result.failed == 1 && pinned.errors.first?.contains("is not inside the list's root folder") == true, "\(pinned.errors)")
    }

    @Test func relativeEntriesAreTheFilesTheyNameWhereverTheListWasMade() throws {
        let (dir, _) = try corpus(files: 0)
        defer { try? fm.removeItem(at: dir) }
        for name in ["in/g13/x.txt", "in/g14/y.txt"] {
            try fm.createDirectory(at: dir.appendingPathComponent(name).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: dir.appendingPathComponent(name))
        }
        var fromTop = ListRoot(currentFolder: dir.path), fromIn = ListRoot(currentFolder: dir.path + "/in")
        for p in ["in/g13/x.txt", "./in/g14/../g14/y.txt"] { fromTop.add(p) }
        for p in ["g13/x.txt", "g14/y.txt", "g14/missing/z.txt", "https://example.com/a"] { fromIn.add(p) }
        #expect(fromTop.path == dir.path + "/in" && fromIn.path == fromTop.path, "missing paths and URLs take no part")
        let key = ListRoot.absolute("in/g13/x.txt", in: dir.path)
        #expect(ListRoot.relative(key, to: try #require(fromTop.path)) == "g13/x.txt")
        #expect(ListRoot.relative(ListRoot.absolute("g13/x.txt", in: dir.path + "/in"), to: try #require(fromIn.path)) == "g13/x.txt")
        // Names are compared by their bytes: a decomposed é is not the composed one.
        #expect(!ListRoot.isInside("/data/cafe\u{301}/x", "/data/caf\u{E9}") && ListRoot.isInside("/data/x", "/"))
        #expect(ListRoot.relative("/data/ab/x", to: "/data/a") == nil && ListRoot.relative("/x/y", to: "/") == "x/y")
        #expect(ListRoot.absolute("/a/\u{301}b/../c", in: "/") == "/a/c", "a / before a combining mark still separates")
    }
}
