import CLibXML2

/// A node of a parsed document: an element, a run of text, or a comment. A small value that
/// keeps its document alive; walking the tree never copies it.
public struct XMLNode {
    /// What kind of node this is.
    public enum Kind: Sendable {
        /// An element (`<p>`).
        case element
        /// Text or CDATA.
        case text
        /// A comment.
        case comment
        /// Anything else (processing instructions, entity references, the document).
        case other
    }

    let pointer: xmlNodePtr
    /// The document the node belongs to.
    public let document: XMLDocument

    init(pointer: xmlNodePtr, document: XMLDocument) {
        self.pointer = pointer
        self.document = document
    }

    /// The node's kind; CDATA counts as text.
    public var kind: Kind {
        switch pointer.pointee.type {
        case XML_ELEMENT_NODE: return .element
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: return .text
        case XML_COMMENT_NODE: return .comment
        default: return .other
        }
    }

    /// Whether this node is an element.
    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// The element's local name (lower case for HTML), or `""` for other nodes.
    public var name: String {
        guard isElement, let n = pointer.pointee.name else { return "" }
        return String(cString: n)
    }

    /// The namespace URI of an XML element, if any.
    public var namespaceURI: String? {
        guard let ns = pointer.pointee.ns, let href = ns.pointee.href else { return nil }
        return String(cString: href)
    }

    /// The text of a text or comment node; `""` for elements (see ``text``).
    public var content: String {
        guard !isElement, let c = pointer.pointee.content else { return "" }
        return String(cString: c)
    }

    /// For a text node: the number of bytes of its UTF-8 text that are not white space, and the
    /// number of commas (`,` `，` `、` `،`) in it; both 0 for other nodes. Reads the text in place.
    public var textMeasure: (bytes: Int, commas: Int) {
        guard !isElement, pointer.pointee.type != XML_COMMENT_NODE, let c = pointer.pointee.content else { return (0, 0) }
        var bytes = 0, commas = 0, i = 0
        while true {
            let b = c[i]
            if b == 0 { break }
            switch b {
            case 32, 9, 10, 13, 12: break
            case 44: commas += 1; bytes += 1
            case 0xEF where c[i + 1] == 0xBC && c[i + 2] == 0x8C: commas += 1; bytes += 1
            case 0xE3 where c[i + 1] == 0x80 && c[i + 2] == 0x81: commas += 1; bytes += 1
            case 0xD8 where c[i + 1] == 0x8C: commas += 1; bytes += 1
            case 0xC2 where c[i + 1] == 0xA0: i += 1
            default: bytes += 1
            }
            i += 1
        }
        return (bytes, commas)
    }

    /// The value of the attribute `name` (lower case for HTML), if present.
    public func attribute(_ name: String) -> String? {
        property(named: name).map(value(of:))
    }

    /// The attribute node named `name`, if the element has one.
    private func property(named name: String) -> xmlAttrPtr? {
        var prop = pointer.pointee.properties
        // Most attributes differ from the wanted one in their first byte: checking it first
        // skips the full comparison (which was 1.8% of the page benchmark).
        let first = name.utf8.first ?? 0
        while let p = prop {
            if let n = p.pointee.name, n[0] == first, Self.equals(n, name) { return p }
            prop = p.pointee.next
        }
        return nil
    }

    /// Calls `body` with the UTF-8 bytes of the attribute `name` (lower case for HTML) read in
    /// place, or returns `nil` when the element has no such attribute. Cheaper than
    /// ``attribute(_:)`` when the value is only looked at: no string is built for it.
    public func withAttribute<R>(_ name: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let p = property(named: name) else { return nil }
        guard let child = p.pointee.children else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        if child.pointee.next == nil, let c = child.pointee.content {
            if c[0] == AttributeValueTable.marker, let table = document.attributeValues, let range = table.range(token: c) {
                return table.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
            }
            return body(UnsafeBufferPointer(start: c, count: Int(xmlStrlen(c))))
        }
        var value = value(of: p)
        return value.withUTF8(body)
    }

    /// Every attribute, in document order.
    public var attributes: [(name: String, value: String)] {
        var out: [(String, String)] = []
        var prop = pointer.pointee.properties
        while let p = prop {
            if let n = p.pointee.name { out.append((String(cString: n), value(of: p))) }
            prop = p.pointee.next
        }
        return out
    }

    private func value(of p: xmlAttrPtr) -> String {
        guard let child = p.pointee.children else { return "" }
        if child.pointee.next == nil, let c = child.pointee.content {
            if c[0] == AttributeValueTable.marker, let table = document.attributeValues, let range = table.range(token: c) {
                return String(decoding: table.bytes[range], as: UTF8.self)
            }
            return String(cString: c)
        }
        var out = ""
        var c: xmlNodePtr? = child
        while let n = c {
            if let t = n.pointee.content { out += String(cString: t) }
            c = n.pointee.next
        }
        return out
    }

    /// Compares a libxml2 string with a Swift string without allocating.
    static func equals(_ c: UnsafePointer<xmlChar>, _ s: String) -> Bool {
        // Through the contiguous bytes, not the UTF-8 view's iterator: every attribute look-up
        // compares each attribute's name this way (1.5% of the page benchmark).
        var s = s
        return s.withUTF8 { u in
            for i in 0..<u.count where c[i] != u[i] { return false }
            return c[u.count] == 0
        }
    }

    /// Whether this is an element named `name` (lower case for HTML); cheaper than ``name``.
    public func isElement(named name: String) -> Bool {
        guard isElement, let n = pointer.pointee.name else { return false }
        return Self.equals(n, name)
    }

    /// The parent node, unless this is the root.
    public var parent: XMLNode? {
        guard let p = pointer.pointee.parent, p.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLNode(pointer: p, document: document)
    }

    /// The first child node.
    public var firstChild: XMLNode? {
        guard pointer.pointee.type == XML_ELEMENT_NODE else { return nil }
        return pointer.pointee.children.map { XMLNode(pointer: $0, document: document) }
    }

    /// The next sibling node.
    public var nextSibling: XMLNode? {
        pointer.pointee.next.map { XMLNode(pointer: $0, document: document) }
    }

    /// The next sibling that is an element.
    public var nextElementSibling: XMLNode? { firstElement(from: pointer.pointee.next) { $0.pointee.next } }

    /// The previous sibling that is an element.
    public var previousElementSibling: XMLNode? { firstElement(from: pointer.pointee.prev) { $0.pointee.prev } }

    /// The first element from `start` on, stepping with `step`.
    private func firstElement(from start: xmlNodePtr?, step: (xmlNodePtr) -> xmlNodePtr?) -> XMLNode? {
        var n = start
        while let c = n {
            if c.pointee.type == XML_ELEMENT_NODE { return XMLNode(pointer: c, document: document) }
            n = step(c)
        }
        return nil
    }

    /// The previous sibling node.
    public var previousSibling: XMLNode? {
        pointer.pointee.prev.map { XMLNode(pointer: $0, document: document) }
    }

    /// The child nodes, in order.
    public var children: Children { Children(first: firstChild) }

    /// The child elements, in order.
    public var elementChildren: [XMLNode] { children.filter(\.isElement) }

    /// All the text inside the node, in document order, without any markup. Walks the tree
    /// without recursion, so a deeply nested page cannot exhaust the stack.
    public var text: String {
        if !isElement { return content }
        var out = ""
        forEachDescendant { node in
            if node.pointer.pointee.type == XML_TEXT_NODE || node.pointer.pointee.type == XML_CDATA_SECTION_NODE,
               let c = node.pointer.pointee.content {
                out += String(cString: c)
            }
            return true
        }
        return out
    }

    /// Visits every descendant in document order, without recursion. `visit` returns `false` to
    /// skip a node's children.
    public func forEachDescendant(_ visit: (XMLNode) -> Bool) {
        var current = pointer.pointee.children
        let stop = pointer
        while let c = current {
            // Only elements are descended into: an entity reference's children belong to the
            // entity's declaration, and their parent chain leads away from this tree.
            if visit(XMLNode(pointer: c, document: document)), c.pointee.type == XML_ELEMENT_NODE, let child = c.pointee.children {
                current = child
                continue
            }
            var n = c
            while true {
                if let next = n.pointee.next { current = next; break }
                guard let p = n.pointee.parent, p != stop else { return }
                n = p
            }
        }
    }

    /// Whether a descendant element, among the first `limit` descendants in document order, is
    /// one `matches` accepts; the walk ends at the first, so a question asked of every element of
    /// a hostile page (thousands of nested figures) costs at most `limit` steps each.
    public func containsElement(limit: Int = 4096, where matches: (XMLNode) -> Bool) -> Bool {
        var current = pointer.pointee.children
        let stop = pointer
        var seen = 0
        while let c = current, seen < limit {
            seen += 1
            let isElement = c.pointee.type == XML_ELEMENT_NODE
            if isElement, matches(XMLNode(pointer: c, document: document)) { return true }
            if isElement, let child = c.pointee.children {
                current = child
                continue
            }
            var n = c
            while true {
                if let next = n.pointee.next { current = next; break }
                guard let p = n.pointee.parent, p != stop else { return false }
                n = p
            }
        }
        return false
    }

    /// The descendant elements named `name`, in document order.
    public func descendants(named name: String) -> [XMLNode] {
        var out: [XMLNode] = []
        forEachDescendant { node in
            if node.isElement, let n = node.pointer.pointee.name, Self.equals(n, name) { out.append(node) }
            return true
        }
        return out
    }

    /// Whether two values refer to the same node.
    public func isSame(as other: XMLNode) -> Bool { pointer == other.pointer }

    /// A sequence over a node's children.
    public struct Children: Sequence, IteratorProtocol {
        var nextNode: XMLNode?
        init(first: XMLNode?) { nextNode = first }
        /// The next child.
        public mutating func next() -> XMLNode? {
            defer { nextNode = nextNode?.nextSibling }
            return nextNode
        }
    }
}

extension XMLNode: Hashable {
    public static func == (a: XMLNode, b: XMLNode) -> Bool { a.pointer == b.pointer }
    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }
}
