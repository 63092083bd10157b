import Foundation
import Testing

/// `--from-list0` (NUL-separated, as `find -print0` writes) beside `--from-list`, and list runs
/// named and sharded by the path from the list's common folder, as a folder run over it.
@Suite struct ListInputCommandTests {
    let fm = FileManager.default

    /// `DIR/data/` holding scraped articles at the top, in `a/`, `b/` and `c/d/`.
    func corpus(_ count: Int = 24) throws -> (dir: URL, files: [String]) {
        let dir = try CLIRunner.temporaryDirectory()
        var names: [String] = []
        for i in 0..<count { names.append(["", "a/", "b/", "c/d/"][i % 4] + "story-\(i).txt") }
        for name in names {
            let url = dir.appendingPathComponent("data/" + name)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("Story \(name)\n\nThe one paragraph of story \(name), with enough words in it.".utf8).write(to: url)
        }
        return (dir, names.sorted())
    }

    /// The regular files under `dir`, relative to it, hidden ones (the rerun stamp) left out.
    func outputs(_ dir: URL) -> [String] {
        (fm.subpaths(atPath: dir.path) ?? []).filter { path in
            var isDir: ObjCBool = false
            return !path.split(separator: "/").contains { $0.hasPrefix(".") }
                && fm.fileExists(atPath: dir.appendingPathComponent(path).path, isDirectory: &isDir) && !isDir.boolValue
        }.sorted()
    }

    func nulList(_ paths: [String]) -> Data { Data(paths.map { $0 + "\0" }.joined().utf8) }

    @Test func aFindPrint0ListConvertsNamesWithNewlinesSpacesAndLatin1Bytes() throws {
        let (dir, _) = try corpus(0)
        // The shell makes the names, one of them from bytes that are not UTF-8, and the list
        // with find -print0, as a user would.
        let make = try CLIRunner.run(["-c", """
            mkdir -p "$1/data/a" "$1/data/b" && cd "$1/data" &&
            printf 'Two lines\\n\\nThe article in a file whose name has a newline.' > "a/two
            lines.txt" &&
            printf 'Spaced\\n\\nThe article in a file whose name has spaces.' > "b/ spaced name .txt" &&
            printf 'Latin\\n\\nOne paragraph.' > "b/caf$(printf '\\351').txt" &&
            find "$1/data" -type f -print0 > "$1/list0"
            """, "sh", dir.path], executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(make.status == 0, "\(make.stderr)")
        let out = dir.appendingPathComponent("out")
        let list = try Data(contentsOf: dir.appendingPathComponent("list0"))
        let report = dir.appendingPathComponent("report.json")
        let r = try CLIRunner.run(["convert", "--from-list0", "-", "--to", "json", "--output", out.path + "/", "--report", report.path], stdin: list)
        #expect(r.status == 1, "the Latin-1 name fails, the rest convert: \(r.stderr)")
        let records = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [[String: Any]])
        let converted = records.filter { $0["status"] as? String == "converted" }.compactMap { $0["path"] as? String }
        #expect(records.count == 3 && converted.contains { $0.hasSuffix("/data/a/two\nlines.txt") }, "the report names each file as listed: \(records)")
        #expect(r.stderr.contains("b/caf\\xE9.txt: the listed path is not valid UTF-8"), "\(r.stderr)")
        #expect(r.stderr.contains("2 converted, 0 skipped, 1 failed"), "\(r.stderr)")
        #expect(outputs(out) == ["a/two\nlines.json", "b/ spaced name .json"])
        // The same list from a file, again: everything up to date.
        try list.write(to: dir.appendingPathComponent("list0"))
        let again = try CLIRunner.run(["convert", "--from-list0", dir.appendingPathComponent("list0").path, "--to", "json", "--output", out.path + "/"])
        #expect(again.stderr.contains("0 converted, 2 skipped, 1 failed"), "\(again.stderr)")
    }

    @Test func emptyEntriesAreSkippedAndAListWithoutNULIsOneName() throws {
        let (dir, files) = try corpus(2)
        let paths = files.map { dir.appendingPathComponent("data/" + $0).path }
        let out = dir.appendingPathComponent("out")
        let skipped = try CLIRunner.run(["convert", "--from-list0", "-", "--to", "json", "--output", out.path + "/"],
                                        stdin: Data(("\0" + paths[0] + "\0\0" + paths[1]).utf8))
        #expect(skipped.status == 0 && skipped.stderr.contains("2 converted, 0 skipped, 0 failed"), "\(skipped.stderr)")
        // Lines but no NUL: one name, as xargs -0 reads it, and the message says which flag reads lines.
        let lines = try CLIRunner.run(["convert", "--from-list0", "-", "--to", "json", "--output", dir.appendingPathComponent("o2").path + "/"],
                                      stdin: Data(paths.joined(separator: "\n").utf8))
        #expect(lines.status == 1 && lines.stderr.contains("0 converted, 0 skipped, 1 failed"), "\(lines.stderr)")
        #expect(lines.stderr.contains("read with --from-list, not --from-list0"), "\(lines.stderr)")
    }

    @Test func bothListFlagsAreAUsageErrorNamingBoth() throws {
        let r = try CLIRunner.run(["convert", "--from-list", "a.txt", "--from-list0", "b.txt", "--to", "json", "--output", "out/"])
        #expect(r.status == 2 && r.stderr.contains("--from-list and --from-list0"), "\(r.stderr)")
        let root = try CLIRunner.run(["convert", CLIRunner.seed.path, "--list-root", "/tmp", "--to", "json", "--output", "out/"])
        #expect(root.status == 2 && root.stderr.contains("--list-root"), "\(root.stderr)")
    }

    @Test func listShardsPartitionTheFilesAndMatchAFolderRunsShards() throws {
        let (dir, files) = try corpus()
        let data = dir.appendingPathComponent("data")
        let list = nulList(files.map { data.path + "/" + $0 })
        var listed: [[String]] = [], walked: [[String]] = []
        for k in 1...3 {
            let lo = dir.appendingPathComponent("list\(k)"), fo = dir.appendingPathComponent("folder\(k)")
            let l = try CLIRunner.run(["convert", "--from-list0", "-", "--to", "json", "--output", lo.path + "/", "--shard", "\(k)/3"], stdin: list)
            let f = try CLIRunner.run(["convert", data.path, "--to", "json", "--output", fo.path + "/", "--shard", "\(k)/3"])
            #expect(l.status == 0 && f.status == 0, "\(l.stderr) \(f.stderr)")
            listed.append(outputs(lo))
            walked.append(outputs(fo))
        }
        let all = listed.flatMap { $0 }
        #expect(Set(all) == Set(files.map { $0.replacingOccurrences(of: ".txt", with: ".json") }), "written relative to data/: \(all)")
        #expect(all.count == files.count, "every file in exactly one shard")
        #expect(listed == walked, "the same split as the folder run over data/")
    }

    @Test func relativeEntriesGiveTheSameNamesFromAnyFolder() throws {
        let (dir, files) = try corpus(8)
        // `data/a/x.txt` listed from DIR, and `a/x.txt` from inside data/, are the same outputs.
        let top = try CLIRunner.run(["convert", "--from-list", "-", "--to", "json", "--output", dir.appendingPathComponent("o1").path + "/"],
                                    stdin: Data(files.map { "data/" + $0 + "\r\n" }.joined().utf8), in: dir)
        let inside = try CLIRunner.run(["convert", "--from-list0", "-", "--to", "json", "--output", dir.appendingPathComponent("o2").path + "/"],
                                       stdin: nulList(files.map { "./" + $0 }), in: dir.appendingPathComponent("data"))
        #expect(top.status == 0 && inside.status == 0, "\(top.stderr) \(inside.stderr)")
        #expect(outputs(dir.appendingPathComponent("o1")) == files.map { $0.replacingOccurrences(of: ".txt", with: ".json") })
        #expect(outputs(dir.appendingPathComponent("o1")) == outputs(dir.appendingPathComponent("o2")))
    }

    @Test func aListRootKeepsOutputsInPlaceWhenTheListChanges() throws {
        let (dir, files) = try corpus(8)
        let data = dir.appendingPathComponent("data")
        let out = dir.appendingPathComponent("out")
        let onlyA = files.filter { $0.hasPrefix("a/") }
        let expected = onlyA.map { $0.replacingOccurrences(of: ".txt", with: ".json") }
        // Only new files, all in a/: pinned to data/, they still go to out/a/.
        let r = try CLIRunner.run(["convert", "--from-list0", "-", "--list-root", data.path, "--to", "json", "--output", out.path + "/"],
                                  stdin: nulList(onlyA.map { data.path + "/" + $0 }))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(outputs(out) == expected)
        // Globs see the path from the list's root, as in a folder run over it.
        let globbed = dir.appendingPathComponent("globbed")
        let g = try CLIRunner.run(["convert", "--from-list0", "-", "--to", "json", "--output", globbed.path + "/", "--include", "a/**"],
                                  stdin: nulList(files.map { data.path + "/" + $0 }))
        #expect(g.status == 0 && outputs(globbed) == expected, "\(g.stderr)")
    }

    @Test func aNULListToStandardOutputIsAStream() throws {
        let (dir, files) = try corpus(3)
        let paths = files.map { dir.appendingPathComponent("data/" + $0).path }
        let r = try CLIRunner.run(["convert", "--from-list0", "-", "--to", "jsonl", "--output", "-"], stdin: nulList(paths))
        #expect(r.status == 0, "\(r.stderr)")
        let keys = r.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }.compactMap { $0["title"] as? String }
        #expect(keys.count == 3, "\(r.stdout)")
        // A listed name that is not UTF-8 is one error line naming its bytes; the rest stream on.
        let latin1 = nulList(paths) + Data("/nowhere/caf".utf8) + Data([0xE9]) + Data(".txt\0".utf8)
        let bad = try CLIRunner.run(["convert", "--from-list0", "-", "--to", "jsonl", "--output", "-"], stdin: latin1)
        #expect(bad.status == 3 && StreamCommandTests.lines(bad.stdout).count == 3, "\(bad.stderr)")
        let errors = StreamCommandTests.lines(bad.stderr)
        #expect(errors.count == 1 && errors.first?["key"] as? String == "/nowhere/caf\\xE9.txt", "\(bad.stderr)")
        #expect(((errors.first?["error"] as? [String: Any])?["message"] as? String)?.contains("not valid UTF-8") == true, "\(bad.stderr)")
        let pinned = try CLIRunner.run(["convert", "--from-list0", "-", "--to", "jsonl", "--output", "-", "--list-root", dir.path], stdin: nulList(paths))
        #expect(pinned.status == 2 && pinned.stderr.contains("--list-root"), "a root names nothing in a stream: \(pinned.stderr)")
    }

    @Test func urlsInANULListKeepTheirNamesFromHostAndPath() async throws {
        try await WebPages.withServer({ _ in .text(WebPages.article("Listed page")) }) { server in
            let (dir, files) = try corpus(2)
            let out = dir.appendingPathComponent("out")
            let list = nulList([server.url("/news/story").absoluteString] + files.map { dir.appendingPathComponent("data/" + $0).path })
            let r = try CLIRunner.run(["convert", "--from-list0", "-", "--to", "json", "--output", out.path + "/"], stdin: list)
            #expect(r.status == 0 && r.stderr.contains("3 converted"), "\(r.stderr)")
            let made = outputs(out)
            #expect(made.contains { $0.hasPrefix("127.0.0.1_\(server.port)_news_story") && !$0.contains("/") }, "named from host and path: \(made)")
            #expect(made.contains("story-0.json") && made.contains("a/story-1.json"), "the files are named from data/: \(made)")
        }
    }
}
