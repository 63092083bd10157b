import ArticleCore
import CLibXML2
import Foundation

/// Parses HTML pages with libxml2, safely: no network, recovery from broken markup, no
/// external entities, and ArticleKit's own limits instead of libxml2's (`HTML_PARSE_HUGE`):
/// libxml2's stop a page silently (a text node or a JSON-LD block over 10 MB is cut there and
/// the rest of the page lost; the 257th level of nesting ends the parse). Here the page's size
/// is bounded (``Options/maximumSize``), nesting deeper than ``Options/maximumDepth`` is
/// flattened and attributes past ``Options/maximumAttributes`` per element are removed before
/// libxml2 sees them, and the document's ``XMLDocument/omissions`` say what was left out.
public enum HTMLParser {
    /// Settings for one parse.
    public struct Options: Sendable {
        /// An encoding named by the user or the transport; it wins over the page's declaration.
        public var encoding: String?
        /// Drops the contents of `<script>` (except JSON-LD), `<style>` and `<template>` before
        /// parsing. Readers that never look at scripts parse much faster this way.
        public var discardScripts: Bool
        /// With ``discardScripts``: when set, the attributes not named here (lower case) are
        /// removed before parsing too, when their values are quoted. For readers that look at
        /// no others: libxml2 copies values character by character and allocates three times
        /// for each attribute, and a news page's SVG icons and `data-*` attributes add up.
        public var keptAttributes: [String]?
        /// The largest input accepted, in bytes.
        public var maximumSize: Int
        /// The most attributes one element keeps (``keptAttributes`` first, then in order):
        /// libxml2 compares each attribute with all earlier ones, so 50,000 on one element took
        /// it 21 s.
        public var maximumAttributes: Int
        /// The deepest element nesting kept; start tags deeper than this are dropped before the
        /// parse, so their content joins the deepest element kept.
        public var maximumDepth: Int

        /// Creates options.
        public init(encoding: String? = nil, discardScripts: Bool = false, keptAttributes: [String]? = nil,
                    maximumSize: Int = 256 * 1024 * 1024, maximumAttributes: Int = 100, maximumDepth: Int = 128) {
            self.encoding = encoding
            self.discardScripts = discardScripts
            self.keptAttributes = keptAttributes
            self.maximumSize = maximumSize
            self.maximumAttributes = maximumAttributes
            self.maximumDepth = maximumDepth
        }
    }

    /// Parses an HTML page from its bytes.
    /// - Parameters:
    ///   - data: the raw page, in any encoding ``CharsetSniffer`` can find.
    ///   - options: encoding override and preprocessing.
    ///   - name: the file name, for error messages.
    /// - Returns: the document; broken markup is repaired, never rejected.
    /// - Throws: ``/ArticleCore/ArticleError`` for an empty or oversized input or an unknown explicit encoding.
    public static func parse(_ data: Data, options: Options = Options(), name: String? = nil) throws(ArticleError) -> XMLDocument {
        if data.isEmpty { throw ArticleError(.emptyInput, "the file is empty", file: name) }
        if data.count > options.maximumSize || data.count >= Int(Int32.max) {
            throw ArticleError(.limitExceeded, "the page is larger than \(options.maximumSize) bytes", file: name)
        }
        var scriptsDiscarded = false
        var limits = HTMLPreprocessor.Omissions(maximumAttributes: options.maximumAttributes, maximumDepth: options.maximumDepth)
        // Only a reader that names the attributes it keeps reads them all through XMLNode.
        var values: AttributeValueTable? = options.discardScripts && options.keptAttributes != nil ? AttributeValueTable() : nil
        let result = data.withUnsafeBytes { raw -> Result<(bytes: [UInt8], label: String), ArticleError> in
            let bytes = raw.bindMemory(to: UInt8.self)
            let sniffed = CharsetSniffer.sniff(bytes, explicit: options.encoding)
            let body = UnsafeBufferPointer(rebasing: bytes[sniffed.bomLength...])
            if sniffed.label == "utf-8" {
                if sniffed.validatedUTF8 || CharsetSniffer.isValidUTF8(body) {
                    // Valid UTF-8 is used as it is: stripping the scripts straight from the
                    // input saves copying the whole page first.
                    guard options.discardScripts else { return .success((Array(body), "utf-8")) }
                    scriptsDiscarded = true
                    return .success((HTMLPreprocessor.discardingScripts(body, keptAttributes: options.keptAttributes, limits: &limits,
                                                                                          values: &values), "utf-8"))
                }
                return .success((Array(String(decoding: body, as: UTF8.self).utf8), "utf-8"))
            }
            if let utf8 = convertToUTF8(body, label: sniffed.label) { return .success((utf8, sniffed.label)) }
            if sniffed.source == .explicit {
                return .failure(ArticleError(.badEncoding, "cannot read the page as \(sniffed.label)", file: name))
            }
            // A declared charset the bytes do not fit: read them as windows-1252, which maps
            // every byte, rather than lose the page.
            let fallback = convertToUTF8(body, label: "windows-1252") ?? Array(String(decoding: body, as: UTF8.self).utf8)
            return .success((fallback, "windows-1252"))
        }
        var (utf8, label): ([UInt8], String)
        switch result {
        case .success(let r): (utf8, label) = r
        case .failure(let e): throw e
        }
        if !scriptsDiscarded {
            // The limits apply to every page; the scripts go only when asked.
            utf8 = HTMLPreprocessor.discardingScripts(utf8, keptAttributes: options.discardScripts ? options.keptAttributes : nil,
                                                      scripts: options.discardScripts, limits: &limits, values: &values)
        }
        HTMLPreprocessor.removeNULs(&utf8)
        if utf8.isEmpty { utf8 = Array("<html></html>".utf8) }
        let flags = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_COMPACT.rawValue
            | HTML_PARSE_NODEFDTD.rawValue | XML_PARSE_HUGE.rawValue)
        let doc: htmlDocPtr? = utf8.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buf.count) { ptr in
                guard let ctxt = htmlNewParserCtxt() else { return nil }
                defer { htmlFreeParserCtxt(ctxt) }
                return htmlCtxtReadMemory(ctxt, ptr, Int32(buf.count), nil, "UTF-8", flags)
            }
        }
        guard let doc else {
            throw ArticleError(.malformed, "the page could not be parsed as HTML", file: name)
        }
        let document = XMLDocument(pointer: doc)
        document.sourceEncoding = label
        document.attributeValues = values
        if limits.elements > 0 {
            document.omissions.append("markup nested deeper than \(options.maximumDepth) levels was flattened: \(limits.elements) elements lost their tags, their text was kept")
        }
        if limits.attributes > 0 {
            document.omissions.append("\(limits.attributes) attributes past \(options.maximumAttributes) on one element were left out")
        }
        return document
    }

    /// Converts bytes in a legacy encoding to UTF-8 with Foundation, or `nil` when the
    /// encoding is unknown or the bytes do not fit it.
    static func convertToUTF8(_ bytes: UnsafeBufferPointer<UInt8>, label: String) -> [UInt8]? {
        guard let encoding = foundationEncoding(label) else { return nil }
        guard let s = String(bytes: bytes, encoding: encoding) else { return nil }
        return Array(s.utf8)
    }

    /// The decoder the parser uses for an encoding label (after ``CharsetSniffer/normalize(_:)``),
    /// or `nil` when it does not know the label; for callers that check a charset a transport
    /// named (`Content-Type`) before passing it on as ``Options/encoding``.
    public static func decoder(forEncoding label: String) -> String.Encoding? {
        foundationEncoding(CharsetSniffer.normalize(label))
    }

    static func foundationEncoding(_ label: String) -> String.Encoding? {
        if let e = ReaderInput.encoding(named: label) { return e }
        let cf: UInt32
        switch label {
        case "gbk", "gb18030": cf = 0x0632
        case "big5": cf = 0x0A03
        case "euc-kr", "ks_c_5601-1987": cf = 0x0940
        case "koi8-r": cf = 0x0A02
        case "koi8-u": cf = 0x0A08
        case "iso-8859-5": cf = 0x0205
        case "iso-8859-7": cf = 0x0207
        case "iso-8859-9", "windows-1254": cf = 0x0209
        case "iso-8859-15": cf = 0x020F
        case "windows-1255": cf = 0x0505
        case "windows-1256": cf = 0x0506
        case "windows-1257": cf = 0x0507
        case "windows-1258": cf = 0x0508
        case "windows-874": cf = 0x041D
        default: return nil
        }
        // Foundation numbers Core Foundation encodings this way on every platform.
        return String.Encoding(rawValue: 0x8000_0000 | UInt(cf))
    }
}
