import ArticleCore
import ArticleSupport
import Foundation
import Testing

@Suite struct XMLParserTests {
    @Test func parsesNamespacedXML() throws {
        let xml = #"<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata><title>Book</title></metadata></package>"#
        let doc = try XMLParser.parse(Array(xml.utf8))
        let root = try #require(doc.root)
        #expect(root.name == "package")
        #expect(root.namespaceURI == "http://www.idpf.org/2007/opf")
        #expect(root.attribute("version") == "3.0")
        #expect(root.descendants(named: "title").first?.text == "Book")
    }

    @Test func malformedXMLIsAnError() {
        #expect(throws: ArticleError.self) { try XMLParser.parse(Array("<a><b></a>".utf8)) }
    }

    @Test func entitiesAreNotExpanded() throws {
        let bomb = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
        <lolz>&lol3;</lolz>
        """
        let doc = try? XMLParser.parse(Array(bomb.utf8))
        // Either refused or kept as references: never a thousand-fold expansion.
        #expect((doc?.root?.text.count ?? 0) < 100)
    }

    @Test func externalEntitiesAreNotLoaded() throws {
        let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hostname">]>
        <r>&x;</r>
        """
        let doc = try? XMLParser.parse(Array(xxe.utf8))
        let text = doc?.root?.text ?? ""
        #expect(text.isEmpty)
    }
}

@Suite struct HTMLEntitiesTests {
    @Test func decodesNamedAndNumericReferences() {
        #expect(HTMLEntities.decode("R&uuml;ckbau &amp; &#8216;x&#x2019; &bogus; & done") == "Rückbau & ‘x’ &bogus; & done")
    }
}

@Suite struct CharsetSnifferTests {
    @Test func findsDeclarationsAndSkipsComments() {
        func sniff(_ s: String) -> String {
            Array(s.utf8).withUnsafeBufferPointer { CharsetSniffer.sniff($0).label }
        }
        #expect(sniff("<!-- <meta charset=koi8-r> --><meta charset=\"Windows-1251\">") == "windows-1251")
        #expect(sniff("<title>x</title><meta content='text/html; charset=shift_jis' http-equiv=content-type>") == "shift_jis")
        #expect(sniff("<body><meta charset=windows-1251>") == "utf-8")
        #expect(sniff("plain ascii") == "utf-8")
    }
}
