import Foundation

/// The tab-separated fixtures: one sample a line, `#` lines are comments, `\n` is a line break.
enum Fixture {
    static func rows(_ name: String) throws -> [[String]] {
        guard let url = Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "\\n", with: "\n") } }
    }

    /// (language, paragraph) from news-prose.tsv.
    static func prose() throws -> [(language: String, text: String)] {
        try rows("news-prose.tsv").map { ($0[0], $0[1]) }
    }
}

/// A small seeded generator (SplitMix64), so generated texts are the same on every run.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
