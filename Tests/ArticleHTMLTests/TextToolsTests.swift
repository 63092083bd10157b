@testable import ArticleHTML
import Foundation
import Testing

@Suite struct TextToolsTests {
    @Test func trimmingMatchesFoundation() {
        let set = CharacterSet(charactersIn: " \"'“”„«»")
        for s in ["", " ", "plain", "“Quoted”", " padded ", "«ends", "starts»", "é\u{301}", "„Wort“ und mehr"] {
            #expect(TextTools.trimming(s, set) == s.trimmingCharacters(in: set))
        }
        #expect(TextTools.normalized("  “Tram  Network”  ") == "tram network")
    }
}
