import ArticleCore
import ArticleLanguage
import Testing

@Suite struct DetectLanguageTransformTests {
    static let finnish = [
        Block.paragraph([.text("Kaupunginvaltuusto päätti maanantaina rakentaa vanhaan kaupunkiin kahdeksan kilometriä suojattuja pyöräteitä.")]),
        Block.paragraph([.text("Työt alkavat keväällä ja kestävät noin kaksi vuotta, pormestari kertoi toimittajille.")]),
    ]

    func apply(_ article: Article, language: String? = nil) throws -> String? {
        var context = ConversionContext()
        context.options.language = language
        return try AnyTransform.detectLanguage.apply(to: article, context: &context).metadata.language
    }

    @Test func undeclaredIsDetected() throws {
        #expect(try apply(Article(metadata: Metadata(title: "Uudet pyörätiet"), blocks: Self.finnish)) == "fi")
    }

    @Test func declaredLanguageStays() throws {
        // The text is Finnish, but the document says Swedish: the document is believed.
        #expect(try apply(Article(metadata: Metadata(language: "sv-FI"), blocks: Self.finnish)) == "sv-FI")
    }

    @Test func forcedLanguageWins() throws {
        #expect(try apply(Article(metadata: Metadata(language: "sv"), blocks: Self.finnish), language: "fi-FI") == "fi-FI")
    }

    @Test func tooLittleTextGivesNone() throws {
        #expect(try apply(Article(metadata: Metadata(title: "Kiitos"), blocks: [])) == nil)
    }

    /// Program code is not the article's language: an English article full of code is English.
    @Test func codeBlocksAreNotSampled() throws {
        let code = Block.code(language: "swift", text: String(repeating: "let kaupunki = valtuusto.paatos(pyoratie: 8, vuosi: 2026)\n", count: 40))
        let english = Block.paragraph([.text("The city council voted on Monday to build eight kilometres of protected bicycle lanes through the old town, and work will begin in the spring.")])
        #expect(!LanguageDetector.sample(of: Article(metadata: Metadata(), blocks: [code, english])).contains("valtuusto"))
        #expect(try apply(Article(metadata: Metadata(), blocks: [code, english])) == "en")
    }
}
