import Foundation

/// A forgiving byte-level scanner over HTML start and end tags, used before the real parse to
/// find `<meta>` charset declarations. It skips comments and the contents of `<script>` and
/// `<style>`, and never reads past `limit`.
struct TagScanner {
    struct Tag {
        /// Lower-cased name; end tags start with `/`.
        var name: String
        /// Lower-cased attribute names and their values.
        var attributes: [String: String]
        /// The index just after the tag's closing `>`.
        var end: Int
        /// The index of the tag's `<`.
        var start = 0
        /// ``HTMLDepthLimiter/hash(_:)`` of the name (without the `/` of an end tag).
        var nameHash: UInt64 = 0
        /// Whether it is an end tag.
        var isEnd = false
        /// Whether a start tag ends in `/>`.
        var selfClosing = false
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let limit: Int
    var position = 0
    /// The tag names whose attributes are wanted; other tags come back with an empty name.
    let interesting: [String]
    /// The same names as bytes: a tag's name is compared in place, so no string is built for
    /// the thousands of tags a page has that nobody asked about.
    private let interestingBytes: [[UInt8]]
    /// When set, attributes with quoted values and names not in this list (lower case) are
    /// recorded in ``unreadAttributes``.
    var keptAttributes: [[UInt8]]? {
        didSet {
            // By length, so an attribute is compared with the few kept names as long as it.
            filtering = keptAttributes != nil
            keptByLength = Array(repeating: [], count: (keptAttributes?.map(\.count).max() ?? 0) + 1)
            for k in keptAttributes ?? [] { keptByLength[k.count].append(k) }
        }
    }
    private var keptByLength: [[[UInt8]]] = []
    /// Whether ``keptAttributes`` is set: asked on every tag and attribute, and reading the
    /// optional array itself retained and released it each time.
    private var filtering = false
    /// The byte ranges of the unread attributes (name to closing quote) in the tag
    /// ``nextTag()`` returned last, in order; with ``maximumAttributes``, also the attributes
    /// past that count.
    private(set) var unreadAttributes: [Range<Int>] = []
    /// When set (with ``keptAttributes``), the values of kept attributes that
    /// ``AttributeValueTable`` can take are recorded in ``compactableValues``.
    var compactValues = false
    /// The byte ranges (between the quotes) of the kept values in the tag ``nextTag()`` returned
    /// last that libxml2 would read unchanged, in order.
    private(set) var compactableValues: [Range<Int>] = []
    /// When set, a start tag keeps at most this many attributes: libxml2 compares each attribute
    /// with every earlier one (50,000 on one element took 21 s), so the rest are recorded in
    /// ``unreadAttributes`` for removal, the ones in ``keptAttributes`` kept first.
    var maximumAttributes: Int?
    /// How many attributes were recorded for removal over the cap, in all tags so far.
    private(set) var attributesOverCap = 0
    /// The attributes of the current tag that reach libxml2: range, and whether it is a kept name.
    private var tagAttributes: [(range: Range<Int>, kept: Bool)] = []

    /// Tags whose contents are skipped: the text inside them is not markup.
    private static let rawTextNames: [(name: [UInt8], end: StaticString)] = [
        (Array("script".utf8), "</script"), (Array("style".utf8), "</style"),
        (Array("title".utf8), "</title"), (Array("textarea".utf8), "</textarea"),
    ]

    init(bytes: UnsafeBufferPointer<UInt8>, limit: Int, interesting: [String]) {
        self.bytes = bytes
        self.limit = min(limit, bytes.count)
        self.interesting = interesting
        interestingBytes = interesting.map { Array($0.utf8) }
    }

    private static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
    private static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }

    /// Whether the bytes at `i` are `word`, compared case-insensitively.
    func matches(_ word: StaticString, at i: Int) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i + n <= limit else { return false }
        let w = UnsafeBufferPointer(start: word.utf8Start, count: n)
        for k in 0..<n where Self.lower(bytes[i + k]) != w[k] { return false }
        return true
    }

    /// Whether the bytes `start..<end`, lower-cased, are exactly `name`.
    private func name(_ start: Int, _ end: Int, is name: [UInt8]) -> Bool {
        guard end - start == name.count else { return false }
        for k in 0..<name.count where Self.lower(bytes[start + k]) != name[k] { return false }
        return true
    }

    /// The index of the first occurrence of `word` at or after `from`, or `limit`.
    func find(_ word: StaticString, from: Int) -> Int {
        var i = from
        let first = word.utf8Start.pointee
        if !(first >= 65 && first <= 90) && !(first >= 97 && first <= 122), let base = bytes.baseAddress {
            // A first byte that is not a letter matches only itself, so memchr can skip to it:
            // the search for `</script` and `-->` took 2.5% of the page benchmark byte by byte.
            while i < limit {
                guard let hit = memchr(base + i, Int32(first), limit - i) else { return limit }
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if matches(word, at: i) { return i }
                i += 1
            }
            return limit
        }
        while i < limit {
            if Self.lower(bytes[i]) == first, matches(word, at: i) { return i }
            i += 1
        }
        return limit
    }

    mutating func nextTag() -> Tag? {
        while position < limit {
            guard let base = bytes.baseAddress,
                  let hit = memchr(base + position, Int32(UInt8(ascii: "<")), limit - position) else {
                position = limit
                return nil
            }
            position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if matches("<!--", at: position) {
                position = min(limit, find("-->", from: position + 4) + 3)
                continue
            }
            if filtering, position + 1 < limit, bytes[position + 1] == UInt8(ascii: "?") {
                // A processing instruction runs to the next `>` for libxml2, quotes or not:
                // nothing in it is removed.
                guard let base = bytes.baseAddress, let gt = memchr(base + position, Int32(UInt8(ascii: ">")), limit - position) else {
                    position = limit
                    return nil
                }
                position = base.distance(to: gt.assumingMemoryBound(to: UInt8.self)) + 1
                continue
            }
            let nameStart = position + 1
            var i = nameStart
            if i < limit, bytes[i] == UInt8(ascii: "/") { i += 1 }
            guard i < limit, (Self.lower(bytes[i]) >= 97 && Self.lower(bytes[i]) <= 122) else { position += 1; continue }
            while i < limit, !Self.isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") || i == nameStart { i += 1 }
            let nameEnd = i
            let wanted = interestingBytes.firstIndex { name(nameStart, nameEnd, is: $0) }
            var attributes: [String: String] = [:]
            if !unreadAttributes.isEmpty { unreadAttributes.removeAll(keepingCapacity: true) }
            if !compactableValues.isEmpty { compactableValues.removeAll(keepingCapacity: true) }
            // libxml2 skips an end tag to its first `>`, quotes or not, and reads a start tag
            // whose name has other characters differently: attributes are removed only from
            // start tags it reads as this scanner does.
            let removable = filtering && bytes[nameStart] != UInt8(ascii: "/") && Self.isHTMLName(bytes, nameStart..<nameEnd)
            i = parseAttributes(from: i, into: &attributes, collect: wanted != nil, removable: removable,
                                startTag: bytes[nameStart] != UInt8(ascii: "/"))
            if let cap = maximumAttributes, tagAttributes.count > cap { capAttributes(cap) }
            position = i
            let tagEnd = i
            if let raw = Self.rawTextNames.first(where: { name(nameStart, nameEnd, is: $0.name) }) {
                position = find(raw.end, from: position)
            }
            let isEnd = bytes[nameStart] == UInt8(ascii: "/")
            var tag = Tag(name: wanted.map { interesting[$0] } ?? "", attributes: attributes, end: tagEnd)
            tag.start = nameStart - 1
            tag.isEnd = isEnd
            tag.nameHash = HTMLDepthLimiter.hash(bytes[(isEnd ? nameStart + 1 : nameStart)..<nameEnd])
            tag.selfClosing = !isEnd && tagEnd >= 2 && tagEnd - 2 >= nameEnd && bytes[tagEnd - 1] == UInt8(ascii: ">") && bytes[tagEnd - 2] == UInt8(ascii: "/")
            return tag
        }
        return nil
    }

    /// Records the attributes of the current tag past `cap` for removal: the kept names first,
    /// then the others in order, fill the cap.
    private mutating func capAttributes(_ cap: Int) {
        let keptCount = tagAttributes.lazy.filter(\.kept).count
        var othersAllowed = max(cap - keptCount, 0)
        var keptAllowed = cap
        var removed: [Range<Int>] = []
        for a in tagAttributes {
            if a.kept && keptAllowed > 0 {
                keptAllowed -= 1
            } else if !a.kept && othersAllowed > 0 {
                othersAllowed -= 1
            } else {
                removed.append(a.range)
            }
        }
        attributesOverCap += removed.count
        // Both lists are in order and never overlap (an attribute is in one or the other).
        var merged: [Range<Int>] = []
        merged.reserveCapacity(unreadAttributes.count + removed.count)
        var j = 0
        for r in removed {
            while j < unreadAttributes.count, unreadAttributes[j].lowerBound < r.lowerBound { merged.append(unreadAttributes[j]); j += 1 }
            merged.append(r)
        }
        merged += unreadAttributes[j...]
        unreadAttributes = merged
    }

    /// Whether the attribute named by `key` is one of ``keptAttributes`` (with none set, every
    /// attribute is equal and the first ones are kept).
    private func isKept(_ key: Range<Int>) -> Bool {
        filtering && !isUnread(key)
    }

    /// Whether the attribute named by `key` is not in ``keptAttributes``.
    private func isUnread(_ key: Range<Int>) -> Bool {
        guard !key.isEmpty else { return false }
        guard key.count < keptByLength.count else { return true }
        return !keptByLength[key.count].contains { name(key.lowerBound, key.upperBound, is: $0) }
    }

    /// Whether `range` is a name as libxml2's HTML parser reads one (`htmlParseHTMLName`): an
    /// ASCII letter, `_`, `:` or `.`, then letters, digits, `:`, `-`, `_` and `.`, under 100 bytes.
    static func isHTMLName(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count < 100 else { return false }
        // One table look-up a byte: this runs on every tag and attribute name of the page.
        return nameBytes.withUnsafeBufferPointer { table in
            if table[Int(bytes[range.lowerBound])] & 1 == 0 { return false }
            for k in (range.lowerBound + 1)..<range.upperBound where table[Int(bytes[k])] == 0 { return false }
            return true
        }
    }

    /// For each byte value: 1 (and 2) when a name may start with it, 2 when it may only follow.
    private static let nameBytes: [UInt8] = (0..<256).map { v -> UInt8 in
        let b = lower(UInt8(v))
        if (b >= 97 && b <= 122) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b == UInt8(ascii: ".") { return 3 }
        if (b >= 48 && b <= 57) || b == UInt8(ascii: "-") { return 2 }
        return 0
    }

    /// `startTag`: whether the tag is a start tag, whose attributes count toward
    /// ``maximumAttributes``. `removable`: whether unread attributes of this tag may be recorded; it turns false at
    /// the first thing in the tag libxml2 reads differently (a form feed, which is no blank to
    /// it; a `/` not closing the tag; an attribute name with other characters).
    private mutating func parseAttributes(from start: Int, into attributes: inout [String: String], collect: Bool,
                                          removable startsRemovable: Bool, startTag: Bool) -> Int {
        var removable = startsRemovable
        var i = start
        let counting = maximumAttributes != nil && startTag
        if !tagAttributes.isEmpty { tagAttributes.removeAll(keepingCapacity: true) }
        while i < limit {
            while i < limit, Self.isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") {
                if removable, bytes[i] == 12 || (bytes[i] == UInt8(ascii: "/") && (i + 1 >= limit || bytes[i + 1] != UInt8(ascii: ">"))) {
                    removable = false
                }
                i += 1
            }
            guard i < limit else { break }
            if bytes[i] == UInt8(ascii: ">") { return i + 1 }
            let ns = i
            while i < limit, !Self.isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">") { i += 1 }
            let keyRange = ns..<i
            if removable, !Self.isHTMLName(bytes, keyRange) { removable = false }
            while i < limit, Self.isSpace(bytes[i]) {
                if bytes[i] == 12 { removable = false }
                i += 1
            }
            var value = ""
            if i < limit, bytes[i] == UInt8(ascii: "=") {
                i += 1
                while i < limit, Self.isSpace(bytes[i]) {
                    if bytes[i] == 12 { removable = false }
                    i += 1
                }
                if i < limit, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                    let q = bytes[i]
                    let vs = i + 1
                    i = vs
                    // memchr to the closing quote: values (addresses, srcsets, data blobs) are
                    // most of a tag's bytes, and scanning them byte by byte was 2% of the page
                    // benchmark.
                    if i < limit, let base = bytes.baseAddress {
                        i = memchr(base + i, Int32(q), limit - i).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? limit
                    }
                    if collect { value = String(decoding: bytes[vs..<i], as: UTF8.self) }
                    var dropped = false
                    // Looked up once for both uses below (the cap counts the kept names first).
                    var unread: Bool?
                    if i < limit, removable {
                        let u = isUnread(keyRange)
                        unread = u
                        if u {
                            unreadAttributes.append(ns..<i + 1)
                            dropped = true
                        } else if compactValues, i - vs >= AttributeValueTable.minimumLength,
                                  AttributeValueTable.isVerbatim(UnsafeBufferPointer(rebasing: bytes[vs..<i])) {
                            compactableValues.append(vs..<i)
                        }
                    }
                    // Past the closing quote, unless the page ends inside the value (a truncated
                    // page: found by fuzzing, where `i` ran one past the buffer).
                    if i < limit { i += 1 }
                    if counting && !dropped {
                        tagAttributes.append((ns..<i, filtering && !(unread ?? isUnread(keyRange))))
                    }
                } else {
                    let vs = i
                    while i < limit, !Self.isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                    if collect { value = String(decoding: bytes[vs..<i], as: UTF8.self) }
                    if counting { tagAttributes.append((ns..<i, isKept(keyRange))) }
                }
            } else if counting && !keyRange.isEmpty {
                tagAttributes.append((keyRange, isKept(keyRange)))
            }
            if collect, !keyRange.isEmpty {
                let key = String(decoding: bytes[keyRange].map(Self.lower), as: UTF8.self)
                if attributes[key] == nil { attributes[key] = value }
            }
        }
        return min(i, limit)
    }
}
