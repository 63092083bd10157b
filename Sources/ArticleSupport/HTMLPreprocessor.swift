import Foundation

/// Byte-level clean-ups done before libxml2 sees a page.
enum HTMLPreprocessor {
    /// Removes NUL bytes, which HTML says to ignore and which end C strings early.
    static func removeNULs(_ bytes: inout [UInt8]) {
        // memchr rather than `contains`: the generic scan was 0.6% of the page benchmark.
        let hasNUL = bytes.withUnsafeBytes { raw in raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false }
        guard hasNUL else { return }
        bytes.removeAll { $0 == 0 }
    }

    /// A copy of the page with the contents of `<script>` (other than JSON-LD), `<style>` and
    /// `<template>` elements removed; the tags themselves stay.
    ///
    /// With `keptAttributes`, also removes the attributes with quoted values not named in it.
    /// With `maximumAttributes`, a start tag keeps at most that many attributes (the kept names
    /// first); `overCap` counts the ones removed for it. With `scripts` false, only attributes
    /// are removed.
    /// With `limits`, also bounds attributes per element and element depth (``Omissions``).
    static func discardingScripts(_ bytes: [UInt8], keptAttributes: [String]? = nil, scripts: Bool = true,
                                  limits: inout Omissions, values: inout AttributeValueTable?) -> [UInt8] {
        bytes.withUnsafeBufferPointer {
            discardingScripts($0, keptAttributes: keptAttributes, scripts: scripts, limits: &limits, values: &values)
        }
    }

    /// The limits the pre-parse applies, and what it left out for them.
    struct Omissions {
        /// The most attributes a start tag keeps.
        var maximumAttributes: Int?
        /// The deepest element nesting kept; deeper start tags are dropped (their content stays).
        var maximumDepth: Int?
        /// Attributes removed over the cap.
        var attributes = 0
        /// Start tags removed past the depth.
        var elements = 0
    }

    /// Without limits (the charset and fuzzing tests).
    static func discardingScripts(_ bytes: [UInt8], keptAttributes: [String]? = nil) -> [UInt8] {
        var none = Omissions()
        var noTable: AttributeValueTable?
        return discardingScripts(bytes, keptAttributes: keptAttributes, limits: &none, values: &noTable)
    }

    /// The same, reading the page in place.
    ///
    /// With `values` set (and `keptAttributes`), the kept attributes' values that
    /// ``AttributeValueTable`` can take go there and their tokens into the copy; it is `nil`
    /// afterwards when the page cannot have tokens (it holds a U+0001 of its own).
    static func discardingScripts(_ buf: UnsafeBufferPointer<UInt8>, keptAttributes: [String]? = nil, scripts: Bool = true,
                                  limits: inout Omissions, values: inout AttributeValueTable?) -> [UInt8] {
        var out: [UInt8] = []
        // The copy is never longer than the page; reserving half of it made most pages grow
        // the buffer once (3% of the page benchmark in Array growth).
        out.reserveCapacity(buf.count)
        var scanner = TagScanner(bytes: buf, limit: buf.count, interesting: scripts ? ["script", "style", "template"] : [])
        scanner.keptAttributes = keptAttributes.map { $0.map { Array($0.lowercased().utf8) } }
        scanner.maximumAttributes = limits.maximumAttributes
        if values != nil {
            let hasMarker = buf.baseAddress.map { memchr($0, Int32(AttributeValueTable.marker), buf.count) != nil } ?? false
            if keptAttributes == nil || hasMarker { values = nil }
        }
        scanner.compactValues = values != nil
        var table = values ?? AttributeValueTable()
        if values != nil { table.reserve(forPage: buf.count) }
        defer { if values != nil { values = table } }
        var depth = limits.maximumDepth.map { HTMLDepthLimiter(maximumDepth: $0) }
        defer {
            limits.attributes += scanner.attributesOverCap
            limits.elements += depth?.dropped ?? 0
        }
        var copied = 0
        while let tag = scanner.nextTag() {
            if depth?.admit(name: tag.nameHash, isEnd: tag.isEnd, selfClosing: tag.selfClosing) == false, tag.start >= copied {
                out.append(contentsOf: buf[copied..<tag.start])
                copied = tag.end
                continue
            }
            // libxml2 copies attribute values character by character (SVG path data and
            // tracking data-* are a third of a news page's attribute bytes), and each attribute
            // costs it three allocations.
            if scanner.compactableValues.isEmpty {
                for range in scanner.unreadAttributes where range.lowerBound >= copied {
                    out.append(contentsOf: buf[copied..<range.lowerBound])
                    copied = range.upperBound
                }
            } else {
                replaceAttributes(scanner.unreadAttributes, scanner.compactableValues, of: buf, into: &out,
                                  copied: &copied, table: &table)
            }
            // Most tags are none of the three (an empty name): no string comparisons for them.
            if tag.name.isEmpty { continue }
            let end: StaticString
            switch tag.name {
            case "script":
                if (tag.attributes["type"] ?? "").lowercased().contains("ld+json") { continue }
                end = "</script"
            case "style": end = "</style"
            case "template": end = "</template"
            default: continue
            }
            // Script and style contents were skipped by the scanner already; the end tag
            // is searched from the end of the start tag either way.
            let close = scanner.find(end, from: tag.end)
            guard tag.end >= copied else { continue }
            out.append(contentsOf: buf[copied..<tag.end])
            copied = close
            scanner.position = close
        }
        out.append(contentsOf: buf[copied..<buf.count])
        return out
    }

    /// Copies the page up to each of the tag's attributes to remove (`removed`, skipped) and
    /// its values to take (`taken`, replaced by their tokens), both in order; a value inside an
    /// attribute removed (over the cap) goes with it.
    private static func replaceAttributes(_ removed: [Range<Int>], _ taken: [Range<Int>], of buf: UnsafeBufferPointer<UInt8>,
                                          into out: inout [UInt8], copied: inout Int, table: inout AttributeValueTable) {
        var r = 0, t = 0
        while r < removed.count || t < taken.count {
            if t < taken.count, r >= removed.count || taken[t].lowerBound < removed[r].lowerBound {
                let value = taken[t]
                t += 1
                guard value.lowerBound >= copied else { continue }
                out.append(contentsOf: buf[copied..<value.lowerBound])
                table.take(UnsafeBufferPointer(rebasing: buf[value]), token: &out)
                copied = value.upperBound
            } else {
                let range = removed[r]
                r += 1
                guard range.lowerBound >= copied else { continue }
                out.append(contentsOf: buf[copied..<range.lowerBound])
                copied = range.upperBound
            }
        }
    }
}
