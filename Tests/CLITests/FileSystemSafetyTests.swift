import Foundation
import Testing

/// The command and the file system: links in output and input folders, names that are not
/// UTF-8, escape sequences in what is printed, and the rerun stamp.
@Suite struct FileSystemSafetyTests {
    let fm = FileManager.default

    /// `in/a.txt` and a private `elsewhere/secret` (mode 0600).
    func scratch() throws -> (dir: URL, secret: URL) {
        let dir = try CLIRunner.temporaryDirectory()
        for folder in ["in", "out", "elsewhere"] { try fm.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true) }
        try Data("A title\n\nThe only paragraph.".utf8).write(to: dir.appendingPathComponent("in/a.txt"))
        let secret = dir.appendingPathComponent("elsewhere/secret")
        try Data("private".utf8).write(to: secret)
        #expect(chmod(secret.path, 0o600) == 0)
        return (dir, secret)
    }

    func expectUntouched(_ secret: URL) throws {
        #expect(try Data(contentsOf: secret) == Data("private".utf8))
        var st = stat()
        #expect(stat(secret.path, &st) == 0 && st.st_mode & 0o777 == 0o600, "still private")
    }

    @Test func plantedOutputLinksAreNotWrittenThrough() throws {
        let (dir, secret) = try scratch()
        defer { try? fm.removeItem(at: dir) }
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("out/a.json").path, withDestinationPath: secret.path)
        let r = try CLIRunner.run(["convert", dir.appendingPathComponent("in").path, "--to", "json", "--output", dir.appendingPathComponent("out").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("a.txt: the output is a symbolic link"), "\(r.stderr)")
        try expectUntouched(secret)

        // One file to a named output that is a link.
        let single = try CLIRunner.run(["convert", dir.appendingPathComponent("in/a.txt").path, "--output", dir.appendingPathComponent("out/a.json").path])
        #expect(single.status == 1 && single.stderr.contains("symbolic link"), "\(single.stderr)")
        try expectUntouched(secret)

        // The stamp's name, planted: the run stops before converting anything.
        try fm.removeItem(at: dir.appendingPathComponent("out/a.json"))
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("out/.articlekit-stamp").path, withDestinationPath: secret.path)
        let stamp = try CLIRunner.run(["convert", dir.appendingPathComponent("in").path, "--to", "json", "--output", dir.appendingPathComponent("out").path])
        #expect(stamp.status == 1 && stamp.stderr.contains(".articlekit-stamp: the output is a symbolic link"), "\(stamp.stderr)")
        try expectUntouched(secret)
    }

    @Test func aLinkedSubfolderOfTheOutputIsRefused() throws {
        let (dir, _) = try scratch()
        defer { try? fm.removeItem(at: dir) }
        try fm.createDirectory(at: dir.appendingPathComponent("in/2024"), withIntermediateDirectories: true)
        try Data("Nested\n\nA paragraph.".utf8).write(to: dir.appendingPathComponent("in/2024/b.txt"))
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("out/2024").path, withDestinationPath: dir.appendingPathComponent("elsewhere").path)
        let r = try CLIRunner.run(["convert", dir.appendingPathComponent("in").path, "--to", "md", "--output", dir.appendingPathComponent("out").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("2024/b.txt: ") && r.stderr.contains("out/2024 is a symbolic link inside the output folder"), "\(r.stderr)")
        #expect(r.stderr.contains("1 converted, 0 skipped, 1 failed"))
        #expect(try fm.contentsOfDirectory(atPath: dir.appendingPathComponent("elsewhere").path) == ["secret"])
    }

    @Test func devStdoutStillWorks() throws {
        let r = try CLIRunner.run(["convert", CLIRunner.seed.path, "--to", "json", "--output", "/dev/stdout"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect((try? JSONSerialization.jsonObject(with: r.stdoutData)) != nil)
    }

    @Test func inputLinksOutOfTheFolderNeedFollowSymlinks() throws {
        let (dir, _) = try scratch()
        defer { try? fm.removeItem(at: dir) }
        try Data("Private notes\n\nNot for the batch.".utf8).write(to: dir.appendingPathComponent("elsewhere/notes.txt"))
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("in/notes.txt").path, withDestinationPath: dir.appendingPathComponent("elsewhere/notes.txt").path)
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("in/alias.txt").path, withDestinationPath: "a.txt")
        let out = dir.appendingPathComponent("out")
        let r = try CLIRunner.run(["convert", dir.appendingPathComponent("in").path, "--to", "json", "--output", out.path])
        #expect(r.status == 0 && r.stderr.contains("2 converted"), "\(r.stderr)")
        #expect(!fm.fileExists(atPath: out.appendingPathComponent("notes.json").path))
        #expect(fm.fileExists(atPath: out.appendingPathComponent("alias.json").path))

        let followed = try CLIRunner.run(["convert", dir.appendingPathComponent("in").path, "--to", "json", "--output", out.path, "--follow-symlinks"])
        #expect(followed.status == 0 && followed.stderr.contains("1 converted, 2 skipped"), "\(followed.stderr)")
        #expect(fm.fileExists(atPath: out.appendingPathComponent("notes.json").path))
    }

    @Test func latin1NamesGetAClearError() throws {
        let (dir, _) = try scratch()
        defer { try? fm.removeItem(at: dir) }
        // The shell makes the name from bytes (Foundation cannot hold one that is not UTF-8).
        let make = try CLIRunner.run(["-c", "printf 'Latin\\n\\nOne paragraph.' > \"$1/in/caf$(printf '\\351').txt\"", "sh", dir.path],
                                     executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(make.status == 0, "\(make.stderr)")
        let r = try CLIRunner.run(["convert", dir.appendingPathComponent("in").path, "--to", "json", "--output", dir.appendingPathComponent("out").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("in/caf\\xE9.txt: the file name is not valid UTF-8"), "\(r.stderr)")
        #expect(r.stderr.contains("1 converted, 0 skipped, 1 failed"))

        // As an argument: the same name, and exit status 2, instead of "no such file".
        let direct = try CLIRunner.run(["-c", "exec \"$0\" convert \"$1/in/caf$(printf '\\351').txt\" --to json --output -", CLIRunner.binary.path, dir.path],
                                       executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(direct.status == 2)
        #expect(direct.stderr.contains("in/caf\\xE9.txt: the argument is not valid UTF-8"), "\(direct.stderr)")
        #expect(!direct.stderr.contains("no such file"))

        // In a list: the listed name is reported by its bytes, the rest of the list converts.
        let list = Data((dir.path + "/in/caf").utf8) + Data([0xE9]) + Data(".txt\n\(dir.path)/in/a.txt\n".utf8)
        let listed = try CLIRunner.run(["convert", "--from-list", "-", "--to", "json", "--output", dir.appendingPathComponent("listed").path], stdin: list)
        #expect(listed.status == 1)
        #expect(listed.stderr.contains("in/caf\\xE9.txt: the listed path is not valid UTF-8"), "\(listed.stderr)")
        #expect(listed.stderr.contains("1 converted, 0 skipped, 1 failed"), "\(listed.stderr)")
    }

    @Test func escapeSequencesFromDocumentsAndNamesArePrintedVisibly() throws {
        let (dir, _) = try scratch()
        defer { try? fm.removeItem(at: dir) }
        // YAML's "\e" is ESC: the date warning quotes it; the empty file's name holds one too.
        try Data("---\ntitle: T\ndate: \"\\e]0;owned\\a\\e[2J\"\n---\n\nText.\n".utf8).write(to: dir.appendingPathComponent("in/b.md"))
        try Data().write(to: dir.appendingPathComponent("in/x\u{1B}[31m.txt"))
        for args in [["convert", dir.appendingPathComponent("in").path, "--to", "json", "--output", dir.appendingPathComponent("out").path],
                     ["convert", dir.appendingPathComponent("in/b.md").path, "--to", "json", "--output", "-"],
                     ["convert", dir.appendingPathComponent("in/x\u{1B}[31m.txt").path, "--to", "json", "--output", "-"]] {
            let r = try CLIRunner.run(args)
            #expect(!r.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(args): \(r.stderr.debugDescription)")
        }
        let r = try CLIRunner.run(["convert", dir.appendingPathComponent("in").path, "--to", "json", "--output", dir.appendingPathComponent("out").path, "--force"])
        #expect(r.stderr.contains("\\u{1B}]0;owned\\u{7}\\u{1B}[2J"), "\(r.stderr)")
        #expect(r.stderr.contains("x\\u{1B}[31m.txt: the file is empty"), "\(r.stderr)")
    }

    @Test func theStampIsNoJSONOutputAndNotLeftBehind() throws {
        let (dir, _) = try scratch()
        defer { try? fm.removeItem(at: dir) }
        let out = dir.appendingPathComponent("fresh")
        #expect(try CLIRunner.run(["convert", dir.appendingPathComponent("in").path, "--to", "json", "--output", out.path]).status == 0)
        let jsons = try fm.subpathsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".json") }
        #expect(jsons == ["a.json"])
        // A run where nothing converts leaves no stamp.
        try Data().write(to: dir.appendingPathComponent("in/a.txt"))
        let none = dir.appendingPathComponent("none")
        let r = try CLIRunner.run(["convert", dir.appendingPathComponent("in").path, "--to", "json", "--output", none.path])
        #expect(r.status == 1)
        #expect(try fm.contentsOfDirectory(atPath: none.path).isEmpty)
    }
}
