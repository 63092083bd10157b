import ArticleKit
import Foundation
import Testing

/// What a batch takes from an input folder: links to files outside it only when asked, names
/// that are not UTF-8 reported by their bytes, and a rerun stamp that is no output.
@Suite struct InputLinkAndNameTests {
    let fm = FileManager.default

    func scratch() throws -> URL {
        let dir = fm.temporaryDirectory.appendingPathComponent("articlekit-inputs-\(UUID().uuidString)")
        try fm.createDirectory(at: dir.appendingPathComponent("in/sub"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        try Data("Inside\n\nA paragraph inside the tree.".utf8).write(to: dir.appendingPathComponent("in/sub/real.txt"))
        try Data("Private notes\n\nNot for the book.".utf8).write(to: dir.appendingPathComponent("elsewhere/notes.txt"))
        return dir
    }

    func run(_ dir: URL, follow: Bool = false) throws -> (BatchProgress, [BatchRecord]) {
        var options = BatchOptions(formats: ["json"], outputDirectory: dir.appendingPathComponent("out"))
        options.jobs = 2
        options.followSymlinks = follow
        options.force = true
        let records = RecordList()
        let result = try BatchConverter(options: options).run(paths: [dir.appendingPathComponent("in").path]) { r, _ in records.add(r) }
        return (result, records.all)
    }

    @Test func linksOutOfTheFolderAreSkippedUnlessFollowed() throws {
        let dir = try scratch()
        defer { try? fm.removeItem(at: dir) }
        // Out of the tree, directly and through a relative `..` link; inside it, through a link chain.
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("in/notes.txt").path, withDestinationPath: dir.appendingPathComponent("elsewhere/notes.txt").path)
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("in/sub/up.txt").path, withDestinationPath: "../../elsewhere/notes.txt")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("in/alias.txt").path, withDestinationPath: "sub/real.txt")
        let (result, _) = try run(dir)
        #expect(result.converted == 2 && result.failed == 0)
        #expect(fm.fileExists(atPath: dir.appendingPathComponent("out/alias.json").path), "a link inside the tree is converted under its name")
        #expect(!fm.fileExists(atPath: dir.appendingPathComponent("out/notes.json").path))
        #expect(!fm.fileExists(atPath: dir.appendingPathComponent("out/sub/up.json").path))
        // A book made from the folder leaves them out the same way.
        let files = try Converter().readableFiles(under: dir.appendingPathComponent("in").path)
        #expect(files.map { ($0 as NSString).lastPathComponent }.sorted() == ["alias.txt", "real.txt"])

        let (followed, _) = try run(dir, follow: true)
        #expect(followed.converted == 4)
        let notes = try String(contentsOf: dir.appendingPathComponent("out/notes.json"), encoding: .utf8)
        #expect(notes.contains("Private notes"))
        #expect(try Converter().readableFiles(under: dir.appendingPathComponent("in").path, followSymlinks: true).count == 4)
    }

    @Test func aNameThatIsNotUTF8IsReportedByItsBytes() throws {
        let dir = try scratch()
        defer { try? fm.removeItem(at: dir) }
        // "café.txt" in Latin-1: 0xE9 alone is not UTF-8.
        let name = (dir.path + "/in/caf").utf8.map { CChar(bitPattern: $0) } + [CChar(bitPattern: 0xE9)] + ".txt".utf8.map { CChar(bitPattern: $0) } + [0]
        let fd = open(name, O_WRONLY | O_CREAT, 0o644)
        #expect(fd >= 0)
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        handle.write(Data("Latin\n\nOne paragraph.".utf8))
        try handle.close()
        let (result, records) = try run(dir)
        #expect(result.converted == 1 && result.failed == 1)
        let failed = records.first { $0.status == .failed }
        #expect(failed?.path.hasSuffix("in/caf\\xE9.txt") == true, "\(String(describing: failed))")
        #expect(failed?.error?.contains("not valid UTF-8") == true)
        #expect { try Converter().readableFiles(under: dir.appendingPathComponent("in").path) } throws: {
            ($0 as? ArticleError)?.description.contains("caf\\xE9.txt: the file name is not valid UTF-8") == true
        }
    }

    @Test func theStampIsNoOutputAndIsNotLeftWhereNothingWasConverted() throws {
        let dir = try scratch()
        defer { try? fm.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        var options = BatchOptions(formats: ["json"], outputDirectory: out)
        options.jobs = 1
        let input = dir.appendingPathComponent("in").path
        #expect(try BatchConverter(options: options).run(paths: [input]).converted == 1)
        let names = try fm.subpathsOfDirectory(atPath: out.path).sorted()
        #expect(names.filter { $0.hasSuffix(".json") } == ["sub/real.json"], "\(names)")
        #expect(names.contains(".articlekit-stamp"))
        #expect(try BatchConverter(options: options).run(paths: [input]).skipped == 1)

        // A folder stamped under the old name: renamed, keeping its time, so the rerun still skips.
        try fm.moveItem(at: out.appendingPathComponent(".articlekit-stamp"), to: out.appendingPathComponent(".articlekit-batch.json"))
        #expect(try BatchConverter(options: options).run(paths: [input]).skipped == 1)
        #expect(!fm.fileExists(atPath: out.appendingPathComponent(".articlekit-batch.json").path))
        #expect(fm.fileExists(atPath: out.appendingPathComponent(".articlekit-stamp").path))

        // Nothing converted (the only input fails): no stamp in the new folder.
        try Data().write(to: dir.appendingPathComponent("in/sub/real.txt"))
        let empty = dir.appendingPathComponent("out2")
        let result = try BatchConverter(options: BatchOptions(formats: ["json"], outputDirectory: empty)).run(paths: [input])
        #expect(result.failed == 1)
        #expect(try fm.contentsOfDirectory(atPath: empty.path).isEmpty)
    }
}
