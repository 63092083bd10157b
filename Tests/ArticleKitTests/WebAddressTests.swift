import ArticleKit
import Foundation
import Testing

/// The names a folder run gives the outputs of URLs.
@Suite struct WebAddressTests {
    func stem(_ text: String) -> String {
        guard let url = URL(string: text) else { return "" }
        return WebAddress.outputStem(for: url)
    }

    @Test func plainURLsAreNamedByHostAndPathAlone() {
        #expect(stem("https://example.com/2024/05/story.html") == "example.com_2024_05_story.html")
        #expect(stem("https://example.com/") == "example.com")
        #expect(stem("https://example.com") == "example.com")
        #expect(stem("https://example.com/a/b#comments") == "example.com_a_b")
    }

    @Test func urlsThatDifferNeverShareAName() {
        let urls = ["https://example.com/a/b", "https://example.com/a_b", "https://example.com/a-b", "https://example.com/A/b",
                    "http://example.com/a/b", "https://example.com:8443/a/b", "https://example.com/a/b/", "https://example.com/a//b",
                    "https://example.com/a/b?x=1", "https://example.com/a/b?x=2", "https://example.com/a/b?x=1&y=2",
                    "https://example.com/a%2Fb", "https://example.com/caf%C3%A9", "https://example.com/caf%C3%A8",
                    "https://example.com/a.b", "https://example.com/a-b__0000000000"]
        let stems = urls.map(stem)
        #expect(Set(stems).count == urls.count, "\(stems)")
        #expect(stem("https://example.com/a/b?x=1") == stem("https://example.com/a/b?x=1"), "the same on every run")
    }

    @Test func namesAreSafeOnEveryFileSystemAndBounded() {
        let hostile = ["https://example.com/" + String(repeating: "long-segment/", count: 80),
                       "https://example.com/a/..%2F..%2Fetc%2Fpasswd", "https://example.com/con", "https://con/",
                       "https://nul.example/x", "https://example.com/trailing.", "https://example.com/%00%0A%1B",
                       "https://example.com/%3A%2A%22%3C%3E%7C%5C", "https://xn--r8jz45g.jp/%E8%A8%98%E4%BA%8B", "https://example.com/?q=" + String(repeating: "x", count: 500)]
        for url in hostile {
            let name = stem(url)
            #expect(!name.isEmpty && name.utf8.count <= WebAddress.maximumReadableLength + 12, "\(url): \(name)")
            #expect(name.unicodeScalars.allSatisfy { "abcdefghijklmnopqrstuvwxyz0123456789._-".unicodeScalars.contains($0) }, "\(url): \(name)")
            #expect(!name.hasSuffix(".") && !name.hasPrefix("."), "\(url): \(name)")
            let first = String(name.prefix { $0 != "." && $0 != "_" && $0 != "-" })
            #expect(!["con", "nul", "prn", "aux"].contains(first) || name.contains("__"), "\(url): \(name)")
        }
    }

    @Test func urlsAreToldFromPaths() {
        #expect(WebAddress.isURL("https://example.com/a"))
        #expect(WebAddress.isURL("HTTP://example.com"))
        #expect(WebAddress.isURL("ftp://example.com/a"))
        #expect(!WebAddress.isURL("articles/2024/story.html"))
        #expect(!WebAddress.isURL("-"))
        #expect(!WebAddress.isURL("a b://c"))
        #expect(throws: ArticleError.self) { try WebAddress.url(from: "ftp://example.com/a") }
        #expect(throws: ArticleError.self) { try WebAddress.url(from: "file:///etc/passwd") }
    }
}
