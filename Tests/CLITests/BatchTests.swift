import Foundation
import Testing

/// Folders of files: the batch mode of `articlekit convert`.
@Suite struct BatchTests {
    /// A folder of articles: the examples, a Vietnamese one in a subfolder, and a non-article.
    func makeCorpus() throws -> URL {
        let dir = try CLIRunner.temporaryDirectory().appendingPathComponent("in")
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let fixtures = CLIRunner.packageRoot.appendingPathComponent("Tests/ArticleTextTests/Fixtures")
        try fm.copyItem(at: fixtures.appendingPathComponent("000_seed.txt"), to: dir.appendingPathComponent("seed.txt"))
        try fm.copyItem(at: fixtures.appendingPathComponent("002_school_year.txt"), to: dir.appendingPathComponent("school.txt"))
        try fm.copyItem(at: fixtures.appendingPathComponent("vi_flood.txt"), to: dir.appendingPathComponent("sub/flood.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0]).write(to: dir.appendingPathComponent("sub/photo.png"))
        return dir
    }

    func files(under dir: URL) -> [String] {
        let e = FileManager.default.enumerator(atPath: dir.path)
        var out: [String] = []
        while let p = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent(p).path, isDirectory: &isDir), !isDir.boolValue { out.append(p) }
        }
        return out.sorted()
    }

    @Test func mirrorsTheTreeInSeveralFormatsAndWritesAReport() throws {
        let input = try makeCorpus()
        let out = input.deletingLastPathComponent().appendingPathComponent("out")
        let report = input.deletingLastPathComponent().appendingPathComponent("report.json")
        let r = try CLIRunner.run(["convert", input.path, "--to", "json,md,txt", "--output", out.path, "--report", report.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(files(under: out) == [".articlekit-stamp", "school.json", "school.md", "school.txt", "seed.json", "seed.md", "seed.txt",
                                      "sub/flood.json", "sub/flood.md", "sub/flood.txt"])
        #expect(r.stderr.contains("3 converted, 0 skipped, 0 failed"))
        let records = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [[String: Any]])
        #expect(records.count == 3)
        #expect(records.allSatisfy { $0["status"] as? String == "converted" && ($0["outputs"] as? [String])?.count == 3 && $0["milliseconds"] is Double })
    }

    /// A folder to EPUB: an output named without an extension is a folder of books, one per
    /// input; naming a file (`all.epub`) makes one book of every article.
    @Test func folderToEPUBMakesABookPerFileUnlessAFileIsNamed() throws {
        let input = try makeCorpus()
        try FileManager.default.removeItem(at: input.appendingPathComponent("sub/photo.png"))
        let books = input.deletingLastPathComponent().appendingPathComponent("books")
        let r = try CLIRunner.run(["convert", input.path, "--to", "epub", "--output", books.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(files(under: books) == [".articlekit-stamp", "school.epub", "seed.epub", "sub/flood.epub"])
        let one = input.deletingLastPathComponent().appendingPathComponent("all.epub")
        let j = try CLIRunner.run(["convert", input.path, "--to", "epub", "--output", one.path])
        #expect(j.status == 0, "\(j.stderr)")
        let back = try CLIRunner.run(["inspect", one.path])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout.split(separator: "\n").filter { $0.hasPrefix("title:") }.count == 3, "one book of three articles: \(back.stdout)")
    }

    @Test func failuresAreReportedAndTheRestGoesOn() throws {
        let input = try makeCorpus()
        try Data().write(to: input.appendingPathComponent("empty.txt"))
        try Data([0x00, 0xFF, 0x00]).write(to: input.appendingPathComponent("sub/binary.txt"))
        let out = input.deletingLastPathComponent().appendingPathComponent("out")
        let r = try CLIRunner.run(["convert", input.path, "--to", "json", "--output", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("empty.txt: the file is empty"))
        #expect(r.stderr.contains("binary.txt: the file is binary"))
        #expect(r.stderr.contains("3 converted, 0 skipped, 2 failed"))
        #expect(!files(under: out).contains("empty.json") && files(under: out).contains("seed.json"))
    }

    @Test func rerunSkipsUpToDateOutputsUnlessForcedOrChanged() throws {
        let input = try makeCorpus()
        let out = input.deletingLastPathComponent().appendingPathComponent("out")
        try CLIRunner.run(["convert", input.path, "--to", "json", "--output", out.path])
        let again = try CLIRunner.run(["convert", input.path, "--to", "json", "--output", out.path])
        #expect(again.stderr.contains("0 converted, 3 skipped, 0 failed"))
        // A touched input is redone; the others stay skipped.
        Thread.sleep(forTimeInterval: 1.1)
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: input.appendingPathComponent("seed.txt").path)
        let touched = try CLIRunner.run(["convert", input.path, "--to", "json", "--output", out.path])
        #expect(touched.stderr.contains("1 converted, 2 skipped"))
        let forced = try CLIRunner.run(["convert", input.path, "--to", "json", "--output", out.path, "--force"])
        #expect(forced.stderr.contains("3 converted, 0 skipped"))
        // Other options make different outputs: everything is redone.
        let changed = try CLIRunner.run(["convert", input.path, "--to", "json", "--output", out.path, "--language", "vi"])
        #expect(changed.stderr.contains("3 converted, 0 skipped"))
    }

    @Test func twoInputsForOneOutputAreRefusedBeforeWriting() throws {
        let input = try makeCorpus()
        try FileManager.default.copyItem(at: input.appendingPathComponent("seed.txt"), to: input.appendingPathComponent("seed.json"))
        let out = input.deletingLastPathComponent().appendingPathComponent("out")
        let r = try CLIRunner.run(["convert", input.path, "--to", "md", "--output", out.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("seed.md"))
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing is written")
        // Excluding one of them makes the run possible.
        let ok = try CLIRunner.run(["convert", input.path, "--to", "md", "--output", out.path, "--exclude", "*.json"])
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    @Test func includeAndExcludeGlobs() throws {
        let input = try makeCorpus()
        let out = input.deletingLastPathComponent().appendingPathComponent("out")
        try CLIRunner.run(["convert", input.path, "--to", "json", "--output", out.path, "--include", "sub/**", "--exclude", "seed*"])
        #expect(files(under: out) == [".articlekit-stamp", "sub/flood.json"])
    }

    @Test func outputFolderInsideInputIsNotConvertedAgain() throws {
        let input = try makeCorpus()
        let out = input.appendingPathComponent("converted")
        for _ in 0..<2 {
            let r = try CLIRunner.run(["convert", input.path, "--to", "json", "--output", out.path, "--force"])
            #expect(r.stderr.contains("3 converted"), "\(r.stderr)")
        }
        #expect(!files(under: out).contains { $0.hasPrefix("converted/") })
    }

    @Test func shardsSplitTheCorpusWithoutOverlap() throws {
        let input = try makeCorpus()
        for i in 0..<20 {
            try FileManager.default.copyItem(at: input.appendingPathComponent("school.txt"), to: input.appendingPathComponent("copy\(i).txt"))
        }
        var seen: [String] = []
        for k in 1...3 {
            let out = input.deletingLastPathComponent().appendingPathComponent("shard\(k)")
            let r = try CLIRunner.run(["convert", input.path, "--to", "json", "--output", out.path, "--shard", "\(k)/3"])
            #expect(r.status == 0)
            seen += files(under: out).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        }
        #expect(seen.count == 23)
        #expect(Set(seen).count == 23, "no input is in two shards")
        let bad = try CLIRunner.run(["convert", input.path, "--to", "json", "--output", "x", "--shard", "4/3"])
        #expect(bad.status == 2)
    }

    @Test func inputsFromAList() throws {
        let input = try makeCorpus()
        let list = input.appendingPathComponent("seed.txt").path + "\n" + input.appendingPathComponent("missing.txt").path + "\n"
        let out = input.deletingLastPathComponent().appendingPathComponent("out")
        let r = try CLIRunner.run(["convert", "--from-list", "-", "--to", "json", "--output", out.path], stdin: Data(list.utf8))
        #expect(r.status == 1, "the missing file fails; the other converts")
        #expect(r.stderr.contains("missing.txt"))
        #expect(files(under: out).contains { $0.hasSuffix("seed.json") })
    }

    @Test func symlinkLoopDoesNotTrapTheWalk() throws {
        let input = try makeCorpus()
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("sub/loop").path, withDestinationPath: input.path)
        let out = input.deletingLastPathComponent().appendingPathComponent("out")
        let r = try CLIRunner.run(["convert", input.path, "--to", "json", "--output", out.path])
        #expect(r.status == 0)
        #expect(r.stderr.contains("3 converted"))
    }

    @Test func jsonLinesStreamsArticlesThrough() throws {
        let seed = CLIRunner.seed.path
        let lines = try CLIRunner.run(["convert", seed, seed, "--to", "jsonl", "--output", "-"])
        #expect(lines.stdout.split(separator: "\n").count == 2)
        let back = try CLIRunner.run(["convert", "-", "--from", "jsonl", "--to", "jsonl", "--output", "-"], stdin: lines.stdoutData)
        #expect(back.stdout == lines.stdout)
    }

    @Test func interruptedRunLeavesNoPartialFilesAndRerunFinishes() throws {
        let input = try makeCorpus()
        for i in 0..<2000 {
            try FileManager.default.copyItem(at: input.appendingPathComponent("seed.txt"), to: input.appendingPathComponent("s\(i).txt"))
        }
        let out = input.deletingLastPathComponent().appendingPathComponent("out")
        let run = try BackgroundRun(["convert", input.path, "--to", "json,md", "--output", out.path, "--jobs", "2"])
        // Wait until some outputs exist, then kill without warning.
        run.waitForOutputs(in: out, atLeast: 40)
        _ = run.signal(SIGKILL)
        #expect(files(under: out).count < 4000, "killed before the end")
        // Whatever is there is complete: every JSON output parses.
        for f in files(under: out) where f.hasSuffix(".json") && !f.hasPrefix(".") {
            #expect((try? JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent(f)))) != nil, "\(f)")
        }
        let rerun = try CLIRunner.run(["convert", input.path, "--to", "json,md", "--output", out.path])
        #expect(rerun.status == 0)
        let reference = input.deletingLastPathComponent().appendingPathComponent("ref")
        try CLIRunner.run(["convert", input.path, "--to", "json,md", "--output", reference.path])
        let got = files(under: out).filter { !$0.hasPrefix(".") }
        #expect(got == files(under: reference).filter { !$0.hasPrefix(".") })
        #expect(!got.contains { $0.contains("articlekit-tmp") })
        for f in got {
            #expect(try Data(contentsOf: out.appendingPathComponent(f)) == Data(contentsOf: reference.appendingPathComponent(f)), "\(f)")
        }
    }

    @Test func sigintStopsStartingFilesAndSaysSo() throws {
        let input = try makeCorpus()
        for i in 0..<2000 {
            try FileManager.default.copyItem(at: input.appendingPathComponent("seed.txt"), to: input.appendingPathComponent("s\(i).txt"))
        }
        let out = input.deletingLastPathComponent().appendingPathComponent("out")
        let run = try BackgroundRun(["convert", input.path, "--to", "json", "--output", out.path, "--jobs", "1"])
        run.waitForOutputs(in: out, atLeast: 5)
        let (status, text) = run.signal(SIGINT)
        #expect(status == 1)
        #expect(text.contains("interrupted"))
        #expect(!files(under: out).contains { $0.contains("articlekit-tmp") })
        #expect(files(under: out).count < 2001, "it stopped before the end")
    }

    /// Converts `input` to JSON with `locked` (inside it) made unreadable. As root a file mode
    /// cannot refuse a read, so the run drops to `nobody`, with everything else it needs to read
    /// and write opened up.
    func convertWithLocked(_ locked: URL, in input: URL) throws -> CLIRunner.Result {
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        let base = input.deletingLastPathComponent()
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: base.path)
        let args = ["convert", input.path, "--to", "json", "--output", base.appendingPathComponent("out").path]
        guard getuid() == 0 else { return try CLIRunner.run(args) }
        for dir in [input, input.appendingPathComponent("sub")] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        }
        return try CLIRunner.run(["-u", "nobody", "--", CLIRunner.binary.path] + args, executable: URL(fileURLWithPath: "/usr/sbin/runuser"))
    }

    /// A subfolder that cannot be listed is named as a failure; the rest of the tree converts.
    @Test func unreadableSubfolderFailsAlone() throws {
        let input = try makeCorpus()
        let locked = input.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: input.appendingPathComponent("seed.txt"), to: locked.appendingPathComponent("hidden.txt"))
        let r = try convertWithLocked(locked, in: input)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("locked") && r.stderr.contains("cannot list the folder (permission denied)"), "\(r.stderr)")
        #expect(r.stderr.contains("3 converted, 0 skipped, 1 failed"), "\(r.stderr)")
    }

    @Test func unreadableFileFailsAlone() throws {
        let input = try makeCorpus()
        let locked = input.appendingPathComponent("locked.txt")
        try FileManager.default.copyItem(at: input.appendingPathComponent("seed.txt"), to: locked)
        let r = try convertWithLocked(locked, in: input)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("locked.txt") && r.stderr.contains("permission denied"))
        #expect(r.stderr.contains("3 converted, 0 skipped, 1 failed"))
    }
}

/// A full disk stops the run with a clear error and leaves no half-written file. Needs root to
/// mount a tiny tmpfs (CI runs as root).
@Test(.enabled(if: getuid() == 0)) func diskFullStopsTheRunCleanly() throws {
    let base = try CLIRunner.temporaryDirectory()
    let input = base.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    for i in 0..<60 {
        try FileManager.default.copyItem(at: CLIRunner.seed, to: input.appendingPathComponent("s\(i).txt"))
    }
    let mountPoint = base.appendingPathComponent("small")
    try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
    let mount = Process()
    mount.executableURL = URL(fileURLWithPath: "/bin/mount")
    mount.arguments = ["-t", "tmpfs", "-o", "size=96k", "tmpfs", mountPoint.path]
    try mount.run()
    mount.waitUntilExit()
    try #require(mount.terminationStatus == 0, "could not mount a tmpfs")
    defer {
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/bin/umount")
        umount.arguments = [mountPoint.path]
        try? umount.run()
        umount.waitUntilExit()
    }
    let out = mountPoint.appendingPathComponent("out")
    let r = try CLIRunner.run(["convert", input.path, "--to", "json", "--output", out.path, "--jobs", "1"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("no space left on the device"))
    #expect(r.stderr.contains("rerun to finish"))
    let left = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
    #expect(!left.contains { $0.contains("articlekit-tmp") }, "no temporary file is left")
    for f in left where f.hasSuffix(".json") && !f.hasPrefix(".") {
        #expect((try? JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent(f)))) != nil, "\(f) is whole")
    }
}

/// Files that vanish between being found and being read fail one by one; the run ends normally.
@Test func filesDisappearingMidRunFailAlone() throws {
    let base = try CLIRunner.temporaryDirectory()
    let input = base.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    for i in 0..<3000 {
        try FileManager.default.copyItem(at: CLIRunner.seed, to: input.appendingPathComponent(String(format: "s%04d.txt", i)))
    }
    let out = base.appendingPathComponent("out")
    let run = try BackgroundRun(["convert", input.path, "--to", "json", "--output", out.path, "--jobs", "1"])
    run.waitForOutputs(in: out, atLeast: 30)
    for name in try FileManager.default.contentsOfDirectory(atPath: input.path) {
        try? FileManager.default.removeItem(at: input.appendingPathComponent(name))
    }
    let (status, text) = run.finish()
    #expect(status == 1, "\(text.suffix(300))")
    #expect(text.contains("no such file"))
    #expect(text.contains("3000") || text.contains("failed"), "the summary is printed")
    let left = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
    #expect(!left.contains { $0.contains("articlekit-tmp") })
}
