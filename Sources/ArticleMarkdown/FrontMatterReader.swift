import ArticleCore
import Foundation
import Yams

/// Reads YAML front matter into ``Metadata``.
///
/// Known keys (case-insensitive): `title`, `subtitle`, `author` / `authors`, `date`, `dateline`,
/// `source`, `url`, `lang` / `language`, `tags`, `summary` / `description`. Every other key, and
/// a known key whose value has a shape the field cannot hold, is kept in ``Metadata/extra``.
struct FrontMatterReader {
    /// The most values (scalars, lists, mappings) front matter may hold; YAML aliases can repeat a
    /// value exponentially, and this keeps such a file from exhausting memory.
    static let maximumValues = 100_000
    /// The deepest nesting of lists and mappings in front matter.
    static let maximumDepth = 64

    private var values = 0
    private(set) var warnings: [String] = []

    /// Parses `frontMatter` into metadata. `lineOffset` is the file line of the first YAML line
    /// minus one, so errors name lines of the file.
    mutating func read(_ yaml: String, lineOffset: Int) throws(ArticleError) -> Metadata {
        let root: Node?
        try YAMLDepthScan.check(yaml, lineOffset: lineOffset)
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw Self.describe(error, lineOffset: lineOffset)
        } catch {
            throw ArticleError(.malformed, "the front matter is not valid YAML: \(error)", line: lineOffset + 1)
        }
        guard let root else { return Metadata() }
        guard case .mapping(let mapping) = root else {
            throw ArticleError(.malformed, "the front matter is YAML but not a mapping of keys to values", line: lineOffset + 1)
        }
        var m = Metadata()
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? "\(keyNode)"
            let value = try self.value(valueNode, depth: 0)
            if !apply(key: key, value: value, node: valueNode, to: &m) {
                m.extra[key] = value
            }
        }
        return m
    }

    /// Sets the field `key` names; returns `false` when the key is not a known one (or is known
    /// but its field is already set or cannot hold the value), so the caller keeps it in `extra`.
    private mutating func apply(key: String, value: MetadataValue, node: Node, to m: inout Metadata) -> Bool {
        if case .null = value { return ["title", "subtitle", "author", "authors", "date", "dateline", "source", "url",
                                        "lang", "language", "tags", "summary", "description", "image"].contains(key.lowercased()) }
        switch key.lowercased() {
        case "title": return set(&m.title, value)
        case "subtitle": return set(&m.subtitle, value)
        case "dateline":
            guard m.dateline == nil, let s = Self.scalar(value) else { return false }
            m.dateline = s
            return true
        case "source": return set(&m.source, value)
        case "url": return set(&m.url, value)
        case "lang", "language": return set(&m.language, value)
        case "summary", "description": return set(&m.summary, value)
        case "image": return set(&m.image, value)
        case "author", "authors":
            guard m.authors.isEmpty, let names = Self.strings(value, nameKey: "name") else { return false }
            m.authors = names
            return true
        case "tags":
            guard m.tags.isEmpty else { return false }
            if let s = Self.scalar(value) {
                m.tags = s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                return true
            }
            guard let tags = Self.strings(value, nameKey: nil) else { return false }
            m.tags = tags
            return true
        case "date":
            guard m.published == nil, let s = Self.scalar(value) else { return false }
            if let date = Self.date(s) {
                m.published = date
                return true
            }
            warnings.append("the front matter date \"\(s)\" is not a date ArticleKit can read; it is kept as the dateline")
            guard m.dateline == nil else { return false }
            m.dateline = s
            return true
        default:
            return false
        }
    }

    private func set(_ field: inout String?, _ value: MetadataValue) -> Bool {
        guard field == nil, let s = Self.scalar(value) else { return false }
        field = s
        return true
    }

    /// A scalar's text (numbers and booleans as written in YAML terms), or `nil` for lists and mappings.
    static func scalar(_ value: MetadataValue) -> String? {
        switch value {
        case .string(let s): return s
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .bool(let b): return b ? "true" : "false"
        case .null, .array, .object: return nil
        }
    }

    /// A scalar as a one-element list, a list of scalars, or a list of mappings with `nameKey`.
    static func strings(_ value: MetadataValue, nameKey: String?) -> [String]? {
        if let s = scalar(value) { return [s] }
        guard case .array(let items) = value else { return nil }
        var out: [String] = []
        for item in items {
            if let s = scalar(item) { out.append(s); continue }
            guard let nameKey, case .object(let o) = item, let name = o[nameKey].flatMap(scalar), o.count == 1 else { return nil }
            out.append(name)
        }
        return out
    }

    /// ISO 8601 dates as YAML writes timestamps, including `2011-09-05 08:30:00 +07:00`.
    static func date(_ s: String) -> ArticleDate? {
        if let d = ArticleDate(iso8601: s) { return d }
        // YAML's timestamp form allows spaces before the zone: `2011-09-05 08:30:00 +07:00`.
        var t = s.trimmingCharacters(in: .whitespaces)
        if let r = t.range(of: " ", options: .backwards), t[r.upperBound...].first.map({ "+-Zz".contains($0) }) == true {
            t.removeSubrange(r)
            return ArticleDate(iso8601: t)
        }
        return nil
    }

    private mutating func value(_ node: Node, depth: Int) throws(ArticleError) -> MetadataValue {
        values += 1
        if values > Self.maximumValues || depth > Self.maximumDepth {
            throw ArticleError(.limitExceeded, "the front matter holds more than \(Self.maximumValues) values or nests deeper than \(Self.maximumDepth) levels",
                               line: node.mark.map { $0.line })
        }
        switch node {
        case .scalar(let scalar):
            switch node.tag.description {
            case Tag.Name.null.rawValue: return .null
            case Tag.Name.bool.rawValue: return node.bool.map(MetadataValue.bool) ?? .string(scalar.string)
            case Tag.Name.int.rawValue, Tag.Name.float.rawValue:
                if let i = node.int { return .number(Double(i)) }
                if let f = node.float, f.isFinite { return .number(f) }
                return .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .sequence(let sequence):
            var out: [MetadataValue] = []
            for item in sequence { out.append(try value(item, depth: depth + 1)) }
            return .array(out)
        case .mapping(let mapping):
            var out: [String: MetadataValue] = [:]
            for (k, v) in mapping { out[k.string ?? "\(k)"] = try value(v, depth: depth + 1) }
            return .object(out)
        }
    }

    private static func describe(_ error: YamlError, lineOffset: Int) -> ArticleError {
        func make(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> ArticleError {
            let what = context.map { "\(problem) \($0.text)" } ?? problem
            return ArticleError(.malformed, "the front matter is not valid YAML: \(what) (line \(lineOffset + mark.line), column \(mark.column))",
                                line: lineOffset + mark.line)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _): return make(problem, context, mark)
        case .parser(let context, let problem, let mark, _): return make(problem, context, mark)
        case .composer(let context, let problem, let mark, _): return make(problem, context, mark)
        default:
            return ArticleError(.malformed, "the front matter is not valid YAML: \(error)", line: lineOffset + 1)
        }
    }
}
