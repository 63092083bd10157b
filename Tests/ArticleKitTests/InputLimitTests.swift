import ArticleKit
import Foundation
import Testing

/// `ReaderInput(path:maximumSize:)`: the input cap at the library level.
@Suite struct ReaderInputLimitTests {
    @Test func aDeviceIsReadOnlyUpToTheLimit() throws {
        #expect {
            _ = try ReaderInput(path: "/dev/zero", maximumSize: 100_000)
        } throws: { error in
            (error as? ArticleError)?.code == .limitExceeded && (error as? ArticleError)?.file == "/dev/zero"
        }
    }

    @Test func aFileIsReadUpToAndIncludingTheLimit() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("articlekit-limit-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(repeating: 65, count: 5000).write(to: url)
        #expect(try ReaderInput(path: url.path, maximumSize: 5000).data.count == 5000)
        #expect(throws: ArticleError.self) { try ReaderInput(path: url.path, maximumSize: 4999) }
        // The default options carry the 1 GiB default.
        #expect(ConversionOptions().maximumInputSize == 1 << 30)
    }

    @Test func aPipeIsReadUpToTheLimit() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        // 20,000 bytes fit in the pipe's buffer, so they are written before the read starts.
        let bytes = [UInt8](repeating: 66, count: 20_000)
        #expect(bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) } == 20_000)
        close(fds[1])
        #expect(throws: ArticleError.self) { try ReaderInput(path: "/dev/fd/\(fds[0])", maximumSize: 10_000) }
    }
}
