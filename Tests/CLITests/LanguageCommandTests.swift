import Foundation
import Testing

/// `dc:language` of a book: the language the document declares, else the one in its text.
@Suite struct LanguageCommandTests {
    static let finnish = """
    Kaupunginvaltuusto päätti rakentaa uusia pyöräteitä

    12.05.2025 08:30

    Kaupunginvaltuusto päätti maanantaina rakentaa vanhaan kaupunkiin kahdeksan kilometriä suojattuja pyöräteitä. Työt alkavat keväällä ja kestävät noin kaksi vuotta, pormestari kertoi toimittajille.

    Asukkaat ovat toivoneet pyöräteitä jo vuosia, ja kauppiaiden mukaan ne tuovat lisää asiakkaita keskustaan.

    """

    /// The package document's `dc:language` values of a book made from `name` holding `text`.
    static func bookLanguages(_ text: String, name: String, extra: [String] = []) throws -> [String] {
        let dir = try CLIRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: input)
        let book = dir.appendingPathComponent("book.epub")
        let r = try CLIRunner.run(["convert", input.path, "--output", book.path] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        let opf = try CLIRunner.run(["-p", book.path, "EPUB/package.opf"], executable: URL(fileURLWithPath: "/usr/bin/unzip"))
        return opf.stdout.components(separatedBy: "<dc:language>").dropFirst().compactMap { $0.components(separatedBy: "</dc:language>").first }
    }

    @Test func scrapedFinnishTextIsFinnish() throws {
        #expect(try Self.bookLanguages(Self.finnish, name: "pyoratiet.txt") == ["fi"])
    }

    /// Markdown front matter and `<html lang>` say the language; the text does not override it.
    @Test func declaredLanguageIsKept() throws {
        #expect(try Self.bookLanguages("---\nlang: sv-FI\n---\n\n" + Self.finnish, name: "pyoratiet.md") == ["sv-FI"])
        let paragraphs = Self.finnish.split(separator: "\n").dropFirst(2).map { "<p>\($0)</p>" }.joined()
        let html = "<!doctype html><html lang=\"fi-FI\"><head><title>Pyörätiet</title></head><body><article><h1>Pyörätiet</h1>\(paragraphs)</article></body></html>"
        #expect(try Self.bookLanguages(html, name: "pyoratiet.html") == ["fi-FI"])
    }

    /// Too little text to tell: no language (`und`) rather than a guess.
    @Test func tooLittleTextIsUndetermined() throws {
        #expect(try Self.bookLanguages("Kiitos\n\nHei hei\n", name: "lyhyt.txt") == ["und"])
    }

    @Test func languageOptionWins() throws {
        #expect(try Self.bookLanguages(Self.finnish, name: "pyoratiet.txt", extra: ["--language", "se"]) == ["se"])
    }
}
