import ArticleCore
import ArticleText
import Foundation
import Testing

func fixture(_ name: String) throws -> ReaderInput {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    return ReaderInput(data: try Data(contentsOf: url), name: name, fileURL: url)
}

func read(_ input: ReaderInput, options: ConversionOptions = ConversionOptions()) throws -> Article {
    var context = ConversionContext(options: options)
    let articles = try ScrapedTextReader().read(input, context: &context)
    try #require(articles.count == 1)
    return articles[0]
}

func read(text: String) throws -> Article {
    try read(ReaderInput(data: Data(text.utf8), name: "t.txt"))
}

func figures(_ a: Article) -> [Figure] {
    a.blocks.compactMap { if case .figure(let f) = $0 { f } else { nil } }
}

func lists(_ a: Article) -> [ListBlock] {
    a.blocks.compactMap { if case .list(let l) = $0 { l } else { nil } }
}

func paragraphs(_ a: Article) -> [String] {
    a.blocks.compactMap { if case .paragraph(let c) = $0 { c.plainText } else { nil } }
}

func headings(_ a: Article) -> [String] {
    a.blocks.compactMap { if case .heading(_, let c) = $0 { c.plainText } else { nil } }
}

@Test func seedArticleIsUnderstood() throws {
    let a = try read(fixture("000_seed.txt"))
    #expect(a.metadata.title == "Strengthening mass mobilization work, successfully implementing resolutions of party congresses at all levels")
    #expect(a.metadata.dateline == "DNUM_BEZBAZCABB 20:10")
    #expect(a.metadata.published == nil, "a masked dateline is not a date")
    #expect(a.metadata.source == "Baonghean")
    #expect(a.metadata.authors == ["Nguyen Xuan Son"])
    #expect(paragraphs(a).first?.hasPrefix("During the revolutionary process") == true, "the (Baonghean) - prefix is removed")
    #expect(paragraphs(a).count == 6)
    let f = try #require(figures(a).first)
    #expect(f.caption.plainText == "Soldiers of the Military Command of Tuong Duong district propagate policies Laws of the Party and State for people of Luu Thong village, Luu Kien commune.")
    #expect(f.credit == "Thanh Le")
    #expect(lists(a).map { "\($0.ordered) \($0.items.count)" } == ["false 3"])
}

@Test func seedBoilerplateIsDropped() throws {
    let a = try read(fixture("000_seed.txt"))
    let all = a.blocks.map(\.plainText).joined(separator: "\n")
    for junk in ["Featured Nghe An Newspaper", "POWERED BY", "ONECMS", "\nLatest\n"] {
        #expect(!all.contains(junk))
    }
    #expect(!paragraphs(a).contains(a.metadata.title ?? ""), "the repeated title is boilerplate")
}

@Test func realDatelineBecomesDateInVietnamTime() throws {
    let a = try read(fixture("002_school_year.txt"))
    #expect(a.metadata.published?.iso8601 == "2011-09-05T08:30:00+07:00")
    #expect(a.metadata.dateline == "Monday, 05/09/2011 - 08:30")
    #expect(a.metadata.authors == ["My Ha", "Thanh Chung"])
    #expect(headings(a) == ["Facilities still face many difficulties", "Key tasks of the school year"])
    #expect(lists(a).first?.ordered == true)
    #expect(figures(a).map(\.credit) == ["My Ha", "Archive"])
}

@Test func vietnameseArticleWithAnhCreditAndBullets() throws {
    let a = try read(fixture("vi_flood.txt"))
    #expect(a.metadata.title == "Nghệ An: Mưa lớn gây ngập úng nhiều xã miền núi")
    #expect(a.metadata.published?.iso8601 == "2020-10-12T14:05:00+07:00")
    #expect(a.metadata.source == "Baonghean.vn")
    #expect(a.metadata.authors == ["Hồ Phương", "Thanh Thủy"])
    #expect(figures(a).first?.credit == "Hồ Phương")
    #expect(figures(a).first?.caption.plainText == "Lực lượng chức năng hỗ trợ người dân xã Môn Sơn di chuyển tài sản đến nơi an toàn.")
    #expect(lists(a).first?.items.count == 3)
    #expect(headings(a) == ["Khắc phục hậu quả"])
    let all = a.blocks.map(\.plainText).joined(separator: "\n")
    #expect(!all.contains("Tin liên quan"))
}

@Test func unknownSiteUsesGenericRules() throws {
    let a = try read(fixture("unknown_site.txt"))
    #expect(a.metadata.source == "Riverside Gazette")
    #expect(a.metadata.published?.iso8601 == "2023-04-17T09:15:00+02:00")
    #expect(a.metadata.authors == ["Jana Novak", "Peter Brandt"])
    #expect(figures(a).first?.credit == "Anna Berger")
    #expect(headings(a) == ["What happens next"])
    let list = try #require(lists(a).first)
    #expect(list.ordered && list.items.count == 3)
    guard case .list(let nested)? = list.items[1].blocks.last else {
        Issue.record("the indented items nest under the second item")
        return
    }
    #expect(!nested.ordered && nested.items.count == 2)
    let all = a.blocks.map(\.plainText).joined(separator: "\n")
    #expect(!all.contains("Related articles") && !all.contains("Share this"))
}

@Test func bomCRLFTabsAndTrailingSpacesAreNormalised() throws {
    let text = "\u{FEFF}A title here\r\n\r\n05/09/2011 08:30\r\n\r\n(Baonghean) -\tFirst  paragraph text.   \r\n\r\nSecond paragraph.\r\n"
    let a = try read(text: text)
    #expect(a.metadata.title == "A title here")
    #expect(a.metadata.source == "Baonghean")
    #expect(paragraphs(a) == ["First paragraph text.", "Second paragraph."])
    #expect(a.metadata.published?.iso8601 == "2011-09-05T08:30:00+07:00")
}

@Test func decomposedVietnameseIsComposed() throws {
    let decomposed = "Nghe\u{0323}\u{0302} An\n\nMo\u{0323}t ca\u{0302}u."
    let a = try read(text: decomposed)
    #expect(a.metadata.title == "Nghệ An")
    #expect(a.metadata.title?.unicodeScalars.count == 7)
}

@Test func listMarkersOfEveryKind() throws {
    for marker in ["-", "+", "•"] {
        let a = try read(text: "T\n\nIntro text here.\n\n\(marker) one\n\(marker) two\n\nOutro text here.")
        #expect(lists(a).first?.items.count == 2, "marker \(marker)")
        #expect(lists(a).first?.ordered == false)
    }
    for marker in ["1.", "1)"] {
        let b = try read(text: "T\n\nIntro text here.\n\n\(marker) one\n2\(marker.dropFirst()) two\n\nOutro text here.")
        #expect(lists(b).first?.ordered == true, "marker \(marker)")
        #expect(lists(b).first?.items.count == 2)
    }
}

@Test func sentencesAreNotHeadingsOrSignatures() throws {
    let a = try read(text: "Title\n\nThe first paragraph ends here.\n\nShort line with a colon:\n\nAnother paragraph follows.")
    #expect(headings(a).isEmpty)
    #expect(a.metadata.authors.isEmpty)
}

@Test func emptyAndBinaryInputsAreErrors() throws {
    #expect(throws: ArticleError.self) { try read(text: "") }
    #expect(throws: ArticleError.self) { try read(text: "\n \n\t\n") }
    let binary = ReaderInput(data: Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]), name: "x.txt")
    do {
        _ = try read(binary)
        Issue.record("binary input must be refused")
    } catch let e as ArticleError {
        #expect(e.code == .notText)
        #expect(e.description.hasPrefix("x.txt: "))
    }
}

@Test func invalidUTF8IsAnErrorUnlessEncodingIsNamed() throws {
    let latin1 = ReaderInput(data: Data("Caf\u{E9} news\n\nIt was open.".data(using: .isoLatin1)!), name: "l.txt")
    do {
        _ = try read(latin1)
        Issue.record("invalid UTF-8 must be refused")
    } catch let e as ArticleError {
        #expect(e.code == .badEncoding)
        #expect(e.message.contains("--encoding"))
    }
    var options = ConversionOptions()
    options.encoding = "iso-8859-1"
    #expect(try read(latin1, options: options).metadata.title == "Café news")
}

@Test func datelineShapes() throws {
    let cases: [(String, String?)] = [
        ("Monday, 05/09/2011 - 08:30", "2011-09-05T08:30:00+07:00"),
        ("Thứ Hai, 05/09/2011 08:30", "2011-09-05T08:30:00+07:00"),
        ("08:30 05/09/2011", "2011-09-05T08:30:00+07:00"),
        ("Cập nhật: 05/09/2011 | 08:30 GMT+7", "2011-09-05T08:30:00+07:00"),
        ("Updated: 05/09/2011 08:30 PM", "2011-09-05T20:30:00+07:00"),
        ("2011-09-05T08:30:00Z", "2011-09-05T08:30:00Z"),
        ("DNUM_BEZBAZCABB 20:10", nil),
        ("31/02/2011 08:30", nil),
    ]
    for (dateline, want) in cases {
        let a = try read(text: "A title\n\n\(dateline)\n\n(Baonghean) - The lead paragraph of the article.")
        #expect(a.metadata.dateline == dateline)
        #expect(a.metadata.published?.iso8601 == want, "\(dateline)")
    }
}

@Test func embeddedSiteProfilesMatchResources() throws {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Resources/site-profiles")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }.sorted()
    #expect(names == EmbeddedSiteProfiles.files.keys.sorted())
    for name in names {
        let file = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        #expect(EmbeddedSiteProfiles.files[name].map { $0 + "\n" } == file, "run scripts/embed-resources.py after editing \(name)")
    }
    #expect(SiteProfile.builtIn.map(\.id).contains("baonghean") && SiteProfile.builtIn.last?.id == "generic")
}

@Test func tagsLineInTheTrailerBecomesTags() throws {
    let a = try read(text: "A title\n\n05/09/2011 08:30\n\n(Baonghean) - The lead paragraph of the article.\n\nSecond paragraph here.\n\nXuan Hoa\n\nTags: rice harvest, storm No. 4; Yen Thanh\n\nLatest")
    #expect(a.metadata.tags == ["rice harvest", "storm No. 4", "Yen Thanh"])
    #expect(a.metadata.authors == ["Xuan Hoa"])
    #expect(!a.blocks.map(\.plainText).joined().contains("Tags"))
}

/// Numbers in a dateline are the document's: an offset's minutes or a date part too long for
/// Int leave the date unknown (or the offset unread) instead of overflowing.
@Test func datelineNumbersOfAnySizeDoNotOverflow() throws {
    for line in ["Monday, 05/09/2011 - 08:30 GMT+7:9223372036854775807", "Monday, 05/09/2011 - 08:30 GMT+9223372036854775807",
                 "Monday, 05/09/99999999999999999999999 - 08:30", "Monday, 99999999999999999999/09/2011 - 08:30"] {
        let a = try read(text: "Title of the article\n\n\(line)\n\nThe first paragraph of the body, with enough words in it.\n")
        if let p = a.metadata.published { #expect(p.year == 2011, "\(line)") }
    }
}
