import ArticleCore
import Testing

/// Messages never carry a document's control characters to the terminal.
@Suite struct PrintableTextTests {
    @Test func controlsAndEscapeSequencesBecomeVisibleText() {
        #expect("a\u{1B}[2Jb".printable == "a\\u{1B}[2Jb")
        #expect("one\ntwo\r\tthree".printable == "one\\ntwo\\r\\tthree")
        // C1 controls (CSI alone starts a sequence on some terminals), DEL, NUL, bell.
        #expect("\u{9B}31m\u{7F}\u{0}\u{7}".printable == "\\u{9B}31m\\u{7F}\\u{0}\\u{7}")
        // Bidirectional overrides and line separators that reorder or break what is shown.
        #expect("abc\u{202E}txt.exe\u{2028}".printable == "abc\\u{202E}txt.exe\\u{2028}")
        // Ordinary text, Vietnamese included, is unchanged.
        #expect("Thứ Hai, 05/09/2011 – “quoted”".printable == "Thứ Hai, 05/09/2011 – “quoted”")
    }

    @Test func bytesThatAreNotUTF8AreShownAsHex() {
        #expect(String(printableBytes: Array("caf".utf8) + [0xE9] + Array(".txt".utf8)) == "caf\\xE9.txt")
        #expect(String(printableBytes: Array("café".utf8)) == "café")
        // Overlong and truncated sequences, and a control byte, each shown as bytes or escaped.
        #expect(String(printableBytes: [0xC0, 0xAF, 0x41, 0xE2, 0x82]) == "\\xC0\\xAF" + "A\\xE2\\x82")
        #expect(String(printableBytes: [0x1B, 0x5B]) == "\\u{1B}[")
    }

    @Test func errorsAndWarningsPrintOneVisibleLine() {
        let error = ArticleError(.malformed, "bad date \"\u{1B}]0;owned\u{7}\nsecond line\"", file: "a\u{1B}[31m.md", line: 3)
        #expect(error.description == "a\\u{1B}[31m.md:3: bad date \"\\u{1B}]0;owned\\u{7}\\nsecond line\"")
        let warning = ConversionWarning(file: "x\u{9B}.txt", message: "title \u{1B}[2J")
        #expect(warning.description == "x\\u{9B}.txt: warning: title \\u{1B}[2J")
        #expect(!error.description.contains("\n") && !warning.description.unicodeScalars.contains { $0.value == 0x1B })
    }
}
