@testable import ArticleKit
import Foundation
import Testing

/// An output path that is a symbolic link, or lies in a linked folder inside the output folder,
/// is never written through: the file it names keeps its bytes and its permissions.
@Suite struct OutputLinkTests {
    let fm = FileManager.default

    /// A scratch folder with `in/a.txt` and a private file `elsewhere/secret` (mode 0600).
    func scratch() throws -> (dir: URL, secret: URL) {
        let dir = fm.temporaryDirectory.appendingPathComponent("articlekit-links-\(UUID().uuidString)")
        try fm.createDirectory(at: dir.appendingPathComponent("in"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
        try Data("A title\n\nThe only paragraph.".utf8).write(to: dir.appendingPathComponent("in/a.txt"))
        let secret = dir.appendingPathComponent("elsewhere/secret")
        try Data("private".utf8).write(to: secret)
        #expect(chmod(secret.path, 0o600) == 0)
        return (dir, secret)
    }

    func expectUntouched(_ secret: URL) throws {
        #expect(try Data(contentsOf: secret) == Data("private".utf8))
        var st = stat()
        #expect(stat(secret.path, &st) == 0 && st.st_mode & 0o777 == 0o600)
    }

    func batch(_ dir: URL) throws -> (BatchProgress, [BatchRecord]) {
        var options = BatchOptions(formats: ["json"], outputDirectory: dir.appendingPathComponent("out"))
        options.jobs = 2
        let records = RecordList()
        let result = try BatchConverter(options: options).run(paths: [dir.appendingPathComponent("in").path]) { r, _ in records.add(r) }
        return (result, records.all)
    }

    @Test func anOutputThatIsALinkFailsAndItsTargetIsKept() throws {
        let (dir, secret) = try scratch()
        defer { try? fm.removeItem(at: dir) }
        let link = dir.appendingPathComponent("out/a.json")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: secret.path)
        let (result, records) = try batch(dir)
        #expect(result.failed == 1 && result.converted == 0)
        #expect(records.first?.error?.contains("symbolic link") == true, "\(records)")
        try expectUntouched(secret)
        #expect((try? fm.destinationOfSymbolicLink(atPath: link.path)) == secret.path, "the link itself is left alone")
        // A dangling link is refused too: writing would create the file it names.
        let dangling = dir.appendingPathComponent("out/b.json")
        try fm.createSymbolicLink(atPath: dangling.path, withDestinationPath: dir.appendingPathComponent("elsewhere/new").path)
        #expect(throws: ArticleError.self) { try OutputFile.write(Data("x".utf8), to: dangling) }
        #expect(!fm.fileExists(atPath: dir.appendingPathComponent("elsewhere/new").path))
    }

    @Test func aLinkedFolderInsideTheOutputFolderFails() throws {
        let (dir, _) = try scratch()
        defer { try? fm.removeItem(at: dir) }
        try fm.createDirectory(at: dir.appendingPathComponent("in/2024/05"), withIntermediateDirectories: true)
        try fm.moveItem(at: dir.appendingPathComponent("in/a.txt"), to: dir.appendingPathComponent("in/2024/05/a.txt"))
        // The mirrored tree's first level is a planted link; a deeper one is caught the same way.
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("out/2024").path, withDestinationPath: dir.appendingPathComponent("elsewhere").path)
        let (result, records) = try batch(dir)
        #expect(result.failed == 1)
        #expect(records.first?.error?.contains("out/2024 is a symbolic link inside the output folder") == true, "\(records)")
        #expect(try fm.contentsOfDirectory(atPath: dir.appendingPathComponent("elsewhere").path) == ["secret"], "nothing written through the link")
        try fm.removeItem(at: dir.appendingPathComponent("out/2024"))
        #expect(try batch(dir).0.converted == 1, "with the link gone the folders are created")
        #expect(fm.fileExists(atPath: dir.appendingPathComponent("out/2024/05/a.json").path))
    }

    @Test func theOutputFolderItselfMayBeALink() throws {
        let (dir, _) = try scratch()
        defer { try? fm.removeItem(at: dir) }
        try fm.removeItem(at: dir.appendingPathComponent("out"))
        try fm.createDirectory(at: dir.appendingPathComponent("big"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("out").path, withDestinationPath: dir.appendingPathComponent("big").path)
        #expect(try batch(dir).0.converted == 1)
        #expect(fm.fileExists(atPath: dir.appendingPathComponent("big/a.json").path))
    }

    @Test func aPlantedStampLinkIsNotWrittenThrough() throws {
        let (dir, secret) = try scratch()
        defer { try? fm.removeItem(at: dir) }
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("out/" + RerunStamp.fileName).path, withDestinationPath: secret.path)
        #expect { try batch(dir) } throws: { ($0 as? ArticleError)?.message.contains("symbolic link") == true }
        try expectUntouched(secret)
        // Under the old name the link is neither read, renamed nor written.
        try fm.removeItem(at: dir.appendingPathComponent("out/" + RerunStamp.fileName))
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("out/" + RerunStamp.legacyFileName).path, withDestinationPath: secret.path)
        #expect(try batch(dir).0.converted == 1)
        try expectUntouched(secret)
    }

    @Test func devicesAndLinksToThemAreWrittenTo() throws {
        let dir = fm.temporaryDirectory.appendingPathComponent("articlekit-dev-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        try OutputFile.write(Data("x".utf8), to: URL(fileURLWithPath: "/dev/null"))
        let link = dir.appendingPathComponent("null")
        try fm.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/null")
        try OutputFile.write(Data("x".utf8), to: link)
        var st = stat()
        #expect(stat("/dev/null", &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR, "still a device")
        #expect(lstat(link.path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK, "still a link")
    }
}

/// Records collected from the batch's callback.
final class RecordList: @unchecked Sendable {
    private var records: [BatchRecord] = []
    private let lock = NSLock()
    func add(_ r: BatchRecord) { lock.withLock { records.append(r) } }
    var all: [BatchRecord] { lock.withLock { records } }
}
