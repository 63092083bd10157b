/// The one error type of ArticleKit: a stable code, a message a person understands, and where
/// it happened (the file and, when known, the line).
///
/// `description` is the one-line form the command line prints: `FILE:LINE: message`, with
/// control characters made visible.
public struct ArticleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable, machine-readable error code. New codes can be added without breaking clients.
    public struct Code: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
        /// The code as text (`bad-encoding`), as the JSON report and scripts see it.
        public var rawValue: String
        /// Creates a code; ArticleKit's codes are the static members below.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The code as text, the same as ``rawValue``.
        public var description: String { rawValue }

        /// The input is empty.
        public static let emptyInput = Code(rawValue: "empty-input")
        /// The input is not text (NUL bytes, or bytes that are not in the expected encoding).
        public static let notText = Code(rawValue: "not-text")
        /// The input could not be decoded in the encoding given or declared.
        public static let badEncoding = Code(rawValue: "bad-encoding")
        /// The input is text but not in the shape the reader needs (bad JSON, bad YAML).
        public static let malformed = Code(rawValue: "malformed")
        /// A file could not be read or written.
        public static let io = Code(rawValue: "io")
        /// No reader or writer is registered for a format name or extension.
        public static let unknownFormat = Code(rawValue: "unknown-format")
        /// The options given do not fit together.
        public static let usage = Code(rawValue: "usage")
        /// The input passed a safety limit (size, depth, ratio, entries).
        public static let limitExceeded = Code(rawValue: "limit-exceeded")
        /// The input is unsafe to process (a zip entry escaping its folder, for example).
        public static let unsafeInput = Code(rawValue: "unsafe-input")
        /// The input holds no article.
        public static let noContent = Code(rawValue: "no-content")
        /// The disk (or quota) is full: a batch run stops here rather than fail every file after.
        public static let noSpace = Code(rawValue: "no-space")
        /// The input is encrypted (DRM).
        public static let encrypted = Code(rawValue: "encrypted")
    }

    /// What went wrong, as a code that does not change between releases.
    public var code: Code
    /// What went wrong, for a person.
    public var message: String
    /// The file concerned, as given by the user (`-` for standard input).
    public var file: String?
    /// The 1-based line, when known.
    public var line: Int?

    /// Creates an error.
    public init(_ code: Code, _ message: String, file: String? = nil, line: Int? = nil) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }

    /// The same error with `file` set, unless it already names one.
    public func inFile(_ name: String?) -> ArticleError {
        var copy = self
        if copy.file == nil { copy.file = name }
        return copy
    }

    /// The one-line form: `FILE:LINE: message`, or the message alone when the place is unknown.
    /// Control characters and escape sequences in the file name or the message (a document's
    /// text quoted in it) are shown as `\u{1B}`-style text, never sent to the terminal.
    public var description: String {
        var where_ = ""
        if let file { where_ = file.printable + (line.map { ":\($0)" } ?? "") + ": " }
        return where_ + message.printable
    }
}
