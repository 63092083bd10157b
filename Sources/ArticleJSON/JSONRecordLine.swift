import ArticleCore
import Foundation

/// The one-line JSON objects a stream writes besides articles: an error line for a record that
/// failed, and a line carrying one record's document in another format.
public enum JSONRecordLine {
    /// `{"record": N, "key": …, "input": "…", "error": {"code": "…", "message": "…"}}` and a
    /// newline: what a stream writes to standard error (or `--errors FILE`) for a record that
    /// failed. `key` is the record's `--key` field (null when there is none), `record` counts the
    /// input's records from 1 (blank lines are not records).
    public static func error(record: Int, key: MetadataValue?, input: String, error: ArticleError) -> Data {
        var out = JSONOutput(pretty: false)
        out.object { o in
            o.int("record", record)
            o.key("key") { $0.value(key ?? .null) }
            o.string("input", input)
            if let line = error.line { o.int("line", line) }
            o.key("error") {
                $0.object { e in
                    e.string("code", error.code.rawValue)
                    e.string("message", error.message)
                }
            }
        }
        out.bytes.append(0x0A)
        return Data(out.bytes)
    }

    /// `{"record": N, "key": …, "format": "md", "content": "…"}` and a newline: one record
    /// rendered in a format that is not JSON, as one line of a stream.
    public static func content(record: Int, key: MetadataValue?, format: String, content: Data) -> Data {
        var out = JSONOutput(pretty: false)
        out.object { o in
            o.int("record", record)
            o.key("key") { $0.value(key ?? .null) }
            o.string("format", format)
            o.string("content", String(decoding: content, as: UTF8.self))
        }
        out.bytes.append(0x0A)
        return Data(out.bytes)
    }
}
