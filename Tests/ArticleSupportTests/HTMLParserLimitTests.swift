import ArticleSupport
import Foundation
import Testing

/// Seconds a block takes.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

#if DEBUG
let timeLimit = 10.0   // unoptimised builds; `swift test -c release` checks the real limit
#else
let timeLimit = 1.0
#endif

@Suite struct HTMLParserLimitTests {
    @Test func hundredThousandNestedDivsNeitherCrashNorHang() throws {
        let html = "<html><body>" + String(repeating: "<div>", count: 100_000) + "deep" + String(repeating: "</div>", count: 100_000)
            + "</body></html>"
        var text = ""
        let t = try seconds {
            let doc = try HTMLParser.parse(Data(html.utf8))
            text = doc.root?.text ?? ""
        }
        // Flattened below the depth limit before libxml2 sees it: the text at the bottom stays.
        #expect(t < timeLimit)
        #expect(text == "deep")
    }

    @Test func twentyMegabytePage() throws {
        var html = "<html><head><title>Big</title></head><body>"
        let paragraph = "<p>" + String(repeating: "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", count: 20) + "</p>\n"
        while html.utf8.count < 20_000_000 { html += paragraph }
        html += "</body></html>"
        let data = Data(html.utf8)
        var count = 0
        let t = try seconds {
            let doc = try HTMLParser.parse(data)
            count = doc.root?.descendants(named: "p").count ?? 0
        }
        #expect(count > 10_000)
        #expect(t < timeLimit * 2)
    }

    @Test func tenThousandParsesDoNotGrowMemory() throws {
        let page = Data(("<html><head><title>T</title></head><body>" + String(repeating: "<div class=x><p>Some text <a href=/a>link</a></p></div>", count: 200)
            + "</body></html>").utf8)
        func residentBytes() -> Int {
            // Linux: resident pages in /proc/self/statm; elsewhere the check is skipped.
            guard let s = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
            let fields = s.split(separator: " ")
            return fields.count > 1 ? (Int(fields[1]) ?? 0) * 4096 : 0
        }
        for _ in 0..<500 { _ = try HTMLParser.parse(page).root?.text }
        let before = residentBytes()
        for _ in 0..<10_000 {
            let doc = try HTMLParser.parse(page)
            _ = doc.root?.descendants(named: "p").count
        }
        let after = residentBytes()
        // Each parse builds about a thousand nodes (over 100 KB); 10,000 leaked documents would
        // be over a gigabyte. The bound leaves room for the other test suites, which run in
        // parallel in the same process and move its resident size: by tens of megabytes at first
        // (a 16 MB bound failed on that alone), and by up to ~180 MB since books decode their
        // photos with libvips (3000×2000 test images, 128 MB failed once). Half a gigabyte still
        // fails on any leak of a whole document.
        #expect(after - before < 512 * 1024 * 1024, "resident memory grew by \(after - before) bytes")
    }
}
