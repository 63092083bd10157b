import ArticleKit
import Foundation
import Testing

/// The fuzz targets (Fuzz/) build their own list of readers and writers from the format
/// targets, so that their sanitizer build leaves out the network stack; this keeps that list in
/// step with the standard registry, so a new format is never left unfuzzed.
@Suite struct FuzzRegistryTests {
    static let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Sources/FuzzSupport/FuzzSupport.swift")

    @Test func everyStandardReaderAndWriterIsFuzzed() throws {
        let text = try String(contentsOf: Self.source, encoding: .utf8)
        let registry = FormatRegistry.standard
        let types = registry.readers.map { String(describing: type(of: $0)) } + registry.writers.map { String(describing: type(of: $0)) }
        #expect(types.count == 12)
        for name in types {
            let constructed = text.range(of: "\\b\(name)\\(", options: .regularExpression) != nil
            #expect(constructed, "\(name) is in FormatRegistry.standard but not in FuzzSupport's lists")
        }
    }

    @Test func theFuzzTargetsRunTheDefaultTransforms() throws {
        let text = try String(contentsOf: Self.source, encoding: .utf8)
        #expect(Converter.defaultTransforms.map(\.name) == ["normalize-unicode", "detect-language"])
        #expect(text.contains("[.normalizeUnicode, .detectLanguage]"))
    }
}
