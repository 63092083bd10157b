@testable import ArticleHTML
import Testing

@Suite struct TagNameSetTests {
    @Test func containsExactlyItsNames() {
        let set: TagNameSet = ["nav", "footer", "aside", "svg"]
        #expect(["nav", "footer", "aside", "svg"].allSatisfy(set.contains))
        #expect(!["", "a", "div", "na", "navs", "Footer", "footers", "aside "].contains(where: set.contains))
        let empty: TagNameSet = []
        #expect(!empty.contains("") && !empty.contains("div"))
    }
}
