extension Metadata {
    /// The ``extra`` key that holds a JSON record's own top-level fields (an `id`, a crawl date):
    /// the keys that are not ArticleKit article fields. The JSON and JSON Lines writers write
    /// them back at the top level, unchanged, so a key rides through a pipe.
    public static let recordFieldsKey = "@record"

    /// A JSON record's own top-level fields (see ``recordFieldsKey``); empty for an article
    /// that came from anything else. Setting an empty value removes the key.
    public var recordFields: [String: MetadataValue] {
        get {
            if case .object(let fields) = extra[Self.recordFieldsKey] { return fields }
            return [:]
        }
        set { extra[Self.recordFieldsKey] = newValue.isEmpty ? nil : .object(newValue) }
    }
}
