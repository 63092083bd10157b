import ArticleKit
import Foundation
import Testing

/// A rerun skips outputs that are up to date only when the same pipeline made them.
@Suite struct BatchRerunTests {
    func run(_ converter: Converter, _ input: URL, _ output: URL, extra: [String: String] = [:]) throws -> BatchProgress {
        var options = BatchOptions(formats: ["json"], outputDirectory: output)
        options.jobs = 1
        options.conversion.extra = extra
        return try BatchConverter(converter: converter, options: options).run(paths: [input.path])
    }

    @Test func anAddedTransformOrOptionRedoesTheOutputs() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("articlekit-rerun-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data(#"{"title": "One", "blocks": []}"#.utf8).write(to: input.appendingPathComponent("one.json"))
        let output = dir.appendingPathComponent("out")

        #expect(try run(Converter(), input, output).converted == 1)
        #expect(try run(Converter(), input, output).skipped == 1)
        let shout = AnyTransform("shout") { article, _ in article.mapStrings { $0.uppercased() } }
        #expect(try run(Converter(transforms: Converter.defaultTransforms + [shout]), input, output).converted == 1)
        let json = try String(contentsOf: output.appendingPathComponent("one.json"), encoding: .utf8)
        #expect(json.contains("\"ONE\""))
        #expect(try run(Converter(transforms: Converter.defaultTransforms + [shout]), input, output, extra: ["a": "b"]).converted == 1)
    }
}
