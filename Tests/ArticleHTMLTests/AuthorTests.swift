import ArticleCore
@testable import ArticleHTML
import Testing

/// People, not labels, roles, interface strings or the site itself.
@Suite struct AuthorTests {
    func authors(head: String = "", byline: String) throws -> [String] {
        let html = """
        <!doctype html><html lang="en"><head><meta charset="utf-8">\(head)</head><body>
        <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
        <main><article><h1>Trams to grow</h1>\(byline)\(loremParagraphs)</article></main></body></html>
        """
        return try read(html).metadata.authors
    }

    @Test func labelsAndRolesInTheirOwnElementsAreNotNames() throws {
        #expect(try authors(byline: "<div class=\"byline\">By<a href=\"/a/th\">Travis Haney</a></div>") == ["Travis Haney"])
        #expect(try authors(byline: "<div class=\"byline\"><span>Howard Blume</span><span>Staff Writer</span></div>") == ["Howard Blume"])
        #expect(try authors(byline: "<div class=\"author\"><a href=\"/b\">Sarah Lazare</a><a href=\"https://twitter.com/s\">Twitter</a></div>")
            == ["Sarah Lazare"])
        #expect(try authors(byline: "<p class=\"byline\">Nicolas Perriault —</p>") == ["Nicolas Perriault"])
    }

    @Test func gluedTextIsUnglued() {
        #expect(AuthorNames.split("ByTravis Haney") == ["Travis Haney"])
        #expect(AuthorNames.unglued("Howard BlumeStaff Writer") == "Howard Blume")
        #expect(AuthorNames.unglued("About The AuthorPaul Smith") == "Paul Smith")
        #expect(AuthorNames.unglued("Ian McDonald") == "Ian McDonald")
    }

    @Test func interfaceStringsAreNotPeople() throws {
        #expect(try authors(byline: "<div class=\"author-box\"><a href=\"/login\">Sign In</a> <a href=\"/join\">Sign Up</a></div>").isEmpty)
        #expect(AuthorNames.isInterface("Name *"))
        #expect(!AuthorNames.isInterface("Jane Roe"))
    }

    @Test func theSiteGivesWayToTheBylinePerson() throws {
        let head = """
        <meta property="og:site_name" content="Example Times">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Trams to grow",
         "author":{"@type":"Organization","name":"Example Times"}}</script>
        """
        #expect(try authors(head: head, byline: "<p class=\"author\"><a rel=\"author\" href=\"/p/jr\">Jane Roe</a></p>") == ["Jane Roe"])
        // With no person named anywhere, the organisation the page declares stays.
        #expect(try authors(head: head, byline: "") == ["Example Times"])
    }

    @Test func everyJSONLDAuthorIsKept() throws {
        let head = """
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Trams to grow","author":[
         {"@type":"Person","name":"Ann Smith"},{"@type":"Person","name":"Bob Jones"},
         {"@type":"Person","name":"Cai Wen"},{"@type":"Person","name":"Dora Lind"}]}</script>
        """
        #expect(try authors(head: head, byline: "<p class=\"byline\">By Ann Smith</p>") == ["Ann Smith", "Bob Jones", "Cai Wen", "Dora Lind"])
    }

    @Test func lastCommaFirstIsOnePerson() {
        #expect(AuthorNames.split("Gillman, Steve") == ["Steve Gillman"])
        #expect(AuthorNames.split("Ann Smith, Bob Jones") == ["Ann Smith", "Bob Jones"])
    }

    @Test func dublinCoreCreatorInAPropertyList() throws {
        let head = "<meta property=\"dc:creator twitter:site_name\" content=\"Creator Name\"><meta name=\"author\" content=\"Someone Else\">"
        #expect(try authors(head: head, byline: "") == ["Creator Name"])
    }

    @Test func organisationsAndAddressesAreKnown() {
        #expect(AuthorNames.isOrganization("mdr.de"))
        #expect(AuthorNames.isOrganization("dpa"))
        #expect(AuthorNames.isOrganization("MM-Redaktion"))
        #expect(!AuthorNames.isOrganization("Jane Roe"))
        #expect(AuthorNames.isRole("Senior Staff Technologist"))
    }
}
