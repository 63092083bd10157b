@testable import ArticleHTML
import Testing

/// `srcset` read as the HTML standard reads it, and the candidate chosen for a book's width.
@Suite struct SrcsetTests {
    func urls(_ s: String) -> [String] { Srcset(s).candidates.map(\.url) }

    @Test func widthAndDensityDescriptors() {
        let c = Srcset("a.jpg 300w, b.jpg 1200w,c.jpg 2x , d.jpg").candidates
        #expect(c == [
            .init(url: "a.jpg", width: 300, density: nil), .init(url: "b.jpg", width: 1200, density: nil),
            .init(url: "c.jpg", width: nil, density: 2), .init(url: "d.jpg", width: nil, density: 1),
        ])
        #expect(Srcset("x.jpg 1.5x, y.jpg .5x, z.jpg 1e1x").candidates.map(\.density) == [1.5, 0.5, 10])
    }

    @Test func commasInsideURLsAndTrailingCommas() {
        // Image CDNs put commas in their URLs (WordPress Photon, Cloudinary, Guardian's crop).
        #expect(urls("https://i0.wp.com/x.jpg?resize=800,600 800w, https://i0.wp.com/x.jpg?resize=1600,1200 1600w")
            == ["https://i0.wp.com/x.jpg?resize=800,600", "https://i0.wp.com/x.jpg?resize=1600,1200"])
        #expect(urls("https://res.cloudinary.com/demo/image/upload/w_400,c_fill/a.jpg 400w")
            == ["https://res.cloudinary.com/demo/image/upload/w_400,c_fill/a.jpg"])
        #expect(urls("a.jpg,b.jpg 2x") == ["a.jpg,b.jpg"])
        #expect(urls("a.jpg, b.jpg,, c.jpg,") == ["a.jpg", "b.jpg", "c.jpg"])
    }

    @Test(arguments: ["", " ", ",", ",,,,", " , , ", "\t\n"])
    func emptyOrOnlyCommasGivesNoCandidates(_ value: String) {
        #expect(Srcset(value).candidates.isEmpty)
    }

    @Test func badCandidatesAreSkippedAndTheRestKept() {
        let value = "neg.jpg -5w, zero.jpg 0w, huge.jpg 99999999999999999999w, two.jpg 100w 200w, word.jpg big, "
            + "mixed.jpg 100w 2x, bad.jpg 1.x, nan.jpg NaNx, inf.jpg 1e999x, h.jpg 300h, neg.jpg -1x, ok.jpg 640w, paren.jpg (a, b) 2x"
        let c = Srcset(value).candidates
        #expect(c.map(\.url) == ["ok.jpg"])
        #expect(c.first?.width == 640)
    }

    @Test func hostileLengthsStayBounded() {
        let many = (0..<10_000).map { "i\($0).jpg \($0 + 1)w" }.joined(separator: ", ")
        #expect(Srcset(many).candidates.count == 64)
        let longDescriptor = "a.jpg " + String(repeating: "9", count: 100_000) + "w, b.jpg 2x"
        #expect(Srcset(longDescriptor).candidates.map(\.url) == ["b.jpg"])
        let parens = "a.jpg (" + String(repeating: ",", count: 10_000)
        #expect(Srcset(parens).candidates.isEmpty)
        // Arbitrary bytes never crash the parser.
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("ab ,.()wx0123456789-\t\u{00E9}")
        for _ in 0..<500 {
            let s = String((0..<Int.random(in: 0..<40, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? " " })
            for c in Srcset(s).candidates {
                #expect(!c.url.isEmpty && !c.url.contains(" "))
                #expect((c.width ?? 1) > 0 && (c.density ?? 1) > 0)
            }
        }
    }

    func chosen(_ srcset: String, width: Int = 1600, intrinsic: String? = nil) -> String? {
        let chooser = ImageSourceChooser(resolver: URLResolver(base: "https://news.example.com/story"), targetWidth: width)
        let pool = Srcset(srcset).candidates.map { c in
            let w = c.width ?? intrinsic.flatMap(PlaceholderImage.pixels).map { Int(Double($0) * (c.density ?? 1)) }
            return ImageSourceChooser.Candidate(url: c.url, width: w, rank: 1, density: c.density ?? 1, typeRank: 0)
        }
        return chooser.pick(pool)
    }

    @Test func theSmallestCandidateAtLeastTheBookWidthElseTheWidest() {
        let set = "/s.jpg 320w, /l.jpg 2048w, /m.jpg 1024w, /xl.jpg 4096w"
        #expect(chosen(set) == "https://news.example.com/l.jpg")
        #expect(chosen(set, width: 800) == "https://news.example.com/m.jpg")
        #expect(chosen(set, width: 5000) == "https://news.example.com/xl.jpg")
        #expect(chosen("/s.jpg 320w, /m.jpg 1024w") == "https://news.example.com/m.jpg")
        // Density candidates with the element's width: 220 px at 2x is 440 px.
        #expect(chosen("/220.jpg 1x, /330.jpg 1.5x, /440.jpg 2x", intrinsic: "220") == "https://news.example.com/440.jpg")
        #expect(chosen("/a.jpg 1x, /b.jpg 3x", width: 600, intrinsic: "300") == "https://news.example.com/b.jpg")
        #expect(chosen("/a.jpg 1x, /b.jpg 3x", width: 250, intrinsic: "300") == "https://news.example.com/a.jpg")
    }

    @Test func unsafeCandidatesAreNeverChosen() {
        #expect(chosen("javascript:alert(1) 2000w, /ok.jpg 300w") == "https://news.example.com/ok.jpg")
        #expect(chosen("file:///etc/passwd 1600w") == nil)
    }
}
