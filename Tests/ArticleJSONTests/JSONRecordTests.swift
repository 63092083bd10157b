import ArticleCore
import ArticleJSON
import Foundation
import Testing

/// A JSON record's own fields ride through; a record that is not an article is refused.
@Suite struct JSONRecordTests {
    func record(_ json: String) throws(ArticleError) -> JSONRecord {
        try JSONRecord.decode(Data(json.utf8), name: "in.jsonl", line: 3)
    }

    @Test func unknownTopLevelFieldsAreKeptAndWrittenBackAtTheTop() throws {
        let r = try record(#"{"id": 7, "crawl": {"at": "2024-05-01", "n": [1, 2]}, "title": "T", "blocks": []}"#)
        #expect(r.article.metadata.recordFields["id"] == .number(7))
        #expect(r.article.metadata.title == "T")
        var context = ConversionContext()
        let line = try JSONLinesWriter().write([r.article], context: &context)
        let back = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
        #expect(back["id"] as? Int == 7)
        #expect((back["crawl"] as? [String: Any])?["at"] as? String == "2024-05-01")
        #expect(back["meta"] == nil, "record fields are not moved under meta")
        // And read again, they are the same record fields.
        let again = try JSONRecord.decode(line, name: "again")
        #expect(again.article.metadata.recordFields == r.article.metadata.recordFields)
    }

    @Test func theFoundationEncodingAgreesOnRecordFields() throws {
        let r = try record(#"{"id": "a-1", "title": "T", "blocks": []}"#)
        let data = try JSONEncoder().encode(r.article)
        let back = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(back["id"] as? String == "a-1")
        #expect(back["meta"] == nil)
    }

    @Test(arguments: [#"{"foo": 1}"#, "{}", #"{"id": 3, "body": "x"}"#])
    func anObjectWithNoArticleFieldIsNotAnArticle(json: String) {
        #expect {
            try record(json)
        } throws: { error in
            let e = error as? ArticleError
            return e?.code == .malformed && e?.message.contains("not an article") == true && e?.line == 3
        }
    }

    @Test func theJSONReaderRefusesItToo() {
        var context = ConversionContext()
        #expect(throws: ArticleError.self) {
            try JSONReader().read(ReaderInput(data: Data(#"{"foo": 1}"#.utf8), name: "x.json"), context: &context)
        }
    }

    @Test func aRawDocumentComesWithTheFieldsBesideIt() throws {
        let r = try record(#"{"id": 9, "url": "https://example.com/a", "html": "<p>Hi</p>"}"#)
        #expect(r.document == JSONRecord.Document(format: "html", content: "<p>Hi</p>"))
        #expect(r.article.metadata.url == "https://example.com/a")
        #expect(r.key("id") == .number(9))
        #expect(try record(##"{"markdown": "# T"}"##).document?.format == "markdown")
        #expect(try record(#"{"text": "T\n\nBody."}"#).document?.format == "text")
    }

    @Test(arguments: [#"{"html": "<p>x</p>", "blocks": []}"#, #"{"html": "<p>x</p>", "text": "x"}"#, #"{"html": 5}"#])
    func aConfusedRecordIsAnError(json: String) {
        #expect(throws: ArticleError.self) { try record(json) }
    }

    @Test func theKeyOfARecordThatDoesNotDecodeIsStillFound() {
        let data = Data(#"{"id": 5, "blocks": [{"type": "nope"}]}"#.utf8)
        #expect(throws: ArticleError.self) { try JSONRecord.decode(data, name: "x") }
        #expect(JSONRecord.key("id", in: data) == .number(5))
        #expect(JSONRecord.key("id", in: Data("not json".utf8)) == nil)
    }

    @Test func errorAndContentLinesAreOneJSONObjectEach() throws {
        let error = ArticleError(.malformed, "bad \"quote\"\nsecond line", file: "in.jsonl", line: 4)
        let line = JSONRecordLine.error(record: 4, key: .string("k"), input: "in.jsonl", error: error)
        #expect(line.last == 0x0A && line.dropLast().contains(0x0A) == false)
        let o = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
        #expect(o["record"] as? Int == 4 && o["key"] as? String == "k")
        #expect((o["error"] as? [String: Any])?["code"] as? String == "malformed")
        #expect((o["error"] as? [String: Any])?["message"] as? String == "bad \"quote\"\nsecond line")
        let content = JSONRecordLine.content(record: 1, key: nil, format: "markdown", content: Data("# T\n\nBody\n".utf8))
        let c = try #require(try JSONSerialization.jsonObject(with: content) as? [String: Any])
        #expect(c["content"] as? String == "# T\n\nBody\n" && c["key"] is NSNull)
    }
}
