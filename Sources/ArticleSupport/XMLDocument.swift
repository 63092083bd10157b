import ArticleCore
import CLibXML2

/// A parsed HTML or XML document. It owns the libxml2 tree and frees it when the last reference
/// (including every ``XMLNode`` taken from it) goes away.
public final class XMLDocument {
    let pointer: xmlDocPtr

    init(pointer: xmlDocPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// The root element (`<html>` for an HTML page), if the document has one.
    public var root: XMLNode? {
        guard let r = xmlDocGetRootElement(pointer) else { return nil }
        return XMLNode(pointer: r, document: self)
    }

    /// The encoding the bytes were read in (`utf-8`, `windows-1251`), as decided before parsing.
    public internal(set) var sourceEncoding: String = "utf-8"

    /// What the parse left out of the page to stay within its limits (attributes over the cap
    /// per element, nesting flattened), one sentence each, for the reader to pass on as warnings.
    public internal(set) var omissions: [String] = []

    /// The attribute values the pre-parse gave libxml2 tokens for, which ``XMLNode`` reads
    /// through; `nil` for a document without tokens.
    var attributeValues: AttributeValueTable?
}

/// Parses XML safely: no network, no external DTD, no entity substitution, and libxml2's
/// built-in size and depth limits left on (no `XML_PARSE_HUGE`).
public enum XMLParser {
    /// Parses `bytes` as XML.
    /// - Parameters:
    ///   - bytes: the document.
    ///   - name: the file name, for error messages.
    /// - Throws: ``/ArticleCore/ArticleError`` with code `.malformed` when the bytes are not well-formed XML.
    public static func parse(_ bytes: [UInt8], name: String? = nil) throws(ArticleError) -> XMLDocument {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue)
        guard bytes.count < Int(Int32.max) else {
            throw ArticleError(.limitExceeded, "the XML document is too large", file: name)
        }
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buf.count) { ptr in
                guard let ctxt = xmlNewParserCtxt() else { return nil }
                defer { xmlFreeParserCtxt(ctxt) }
                let d = xmlCtxtReadMemory(ctxt, ptr, Int32(buf.count), nil, nil, options)
                if let d, ctxt.pointee.wellFormed == 0 {
                    xmlFreeDoc(d)
                    return nil
                }
                return d
            }
        }
        guard let doc else {
            throw ArticleError(.malformed, "the document is not well-formed XML", file: name)
        }
        return XMLDocument(pointer: doc)
    }
}
