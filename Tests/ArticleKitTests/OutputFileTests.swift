@testable import ArticleKit
import Foundation
import Testing

/// What a written output looks like on disk: whole, with the usual permissions, and with nothing
/// else left in its folder, whether it is new (written with no name, then named) or replaces an
/// earlier output (written beside it, then renamed over it).
@Suite struct OutputFileTests {
    let fm = FileManager.default

    func folder() throws -> URL {
        let dir = fm.temporaryDirectory.appendingPathComponent("articlekit-outputs-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func mode(_ url: URL) -> mode_t {
        var st = stat()
        return stat(url.path, &st) == 0 ? st.st_mode & 0o777 : 0
    }

    @Test func aNewOutputIsWholeWithTheUsualModeAndNothingBesideIt() throws {
        let dir = try folder()
        defer { try? fm.removeItem(at: dir) }
        let mask = umask(0o022)
        defer { umask(mask) }
        let bytes = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let out = dir.appendingPathComponent("story.json")
        try OutputFile.write(bytes, to: out)
        #expect(try Data(contentsOf: out) == bytes)
        #expect(mode(out) == 0o644)
        #expect(try fm.contentsOfDirectory(atPath: dir.path) == ["story.json"])
    }

    @Test func anEarlierOutputIsReplacedWholeAndALinkedNameIsNot() throws {
        let dir = try folder()
        defer { try? fm.removeItem(at: dir) }
        let out = dir.appendingPathComponent("story.md")
        try OutputFile.write(Data("first, and longer than the second".utf8), to: out)
        try OutputFile.write(Data("second".utf8), to: out)
        #expect(try Data(contentsOf: out) == Data("second".utf8))
        #expect(try fm.contentsOfDirectory(atPath: dir.path) == ["story.md"])
        // Below a batch's root as well, where the folder's descriptor is kept between outputs.
        let nested = dir.appendingPathComponent("2024/05/a.txt")
        for text in ["one", "two"] { try OutputFile.write(Data(text.utf8), to: nested, within: dir) }
        #expect(try String(contentsOf: nested, encoding: .utf8) == "two")
        #expect(try fm.contentsOfDirectory(atPath: dir.appendingPathComponent("2024/05").path) == ["a.txt"])
    }
}
