/// Options for one conversion, and the warnings it collects on the way.
public struct ConversionContext: Sendable {
    /// The options every reader and writer may look at.
    public var options: ConversionOptions
    /// Warnings gathered while reading, transforming and writing, in order.
    public private(set) var warnings: [ConversionWarning] = []
    /// The name of the input being processed, for messages. Relative local references resolve
    /// against its folder (standard input, `-`: the current folder).
    public var inputName: String?
    /// Where the input being processed came from: the converter sets it from
    /// ``ReaderInput/origin`` before reading, and a reader of books makes it stricter
    /// (``DocumentOrigin/restricted(to:)``). ``LocalFilePolicy`` reads it.
    public var origin: DocumentOrigin = .local

    /// Creates a context.
    public init(options: ConversionOptions = ConversionOptions(), inputName: String? = nil) {
        self.options = options
        self.inputName = inputName
    }

    /// Records a warning about the current input.
    public mutating func warn(_ message: String) {
        warnings.append(ConversionWarning(file: inputName, message: message))
    }

    /// Adds warnings gathered elsewhere.
    public mutating func append(_ others: [ConversionWarning]) {
        warnings += others
    }
}

/// A problem that did not stop the conversion.
public struct ConversionWarning: Hashable, Sendable, CustomStringConvertible {
    /// The input the warning is about.
    public var file: String?
    /// What happened.
    public var message: String

    /// Creates a warning about `file` (the input's name, or `nil` when it concerns no one input).
    public init(file: String?, message: String) {
        self.file = file
        self.message = message
    }

    /// The one-line form the command line prints: `FILE: warning: message`, with control
    /// characters and escape sequences from the document shown as `\u{1B}`-style text.
    public var description: String { (file.map { $0.printable + ": " } ?? "") + "warning: " + message.printable }
}

/// Settings for readers and writers. Each reader or writer reads the ones it understands.
public struct ConversionOptions: Hashable, Sendable {
    /// The input's character encoding, when the user names one (`windows-1252`); otherwise
    /// readers use a BOM or a declaration, then UTF-8.
    public var encoding: String?
    /// A language to use instead of the detected one (BCP 47).
    public var language: String?
    /// Line width for the plain-text writer; `0` for no wrapping.
    public var width: Int = 72
    /// A title for a book of several articles, or for an article without one.
    public var title: String?
    /// An identifier to use instead of the one derived from the content (EPUB).
    public var identifier: String?
    /// A cover image file to use (EPUB). The user chose it, so it may be anywhere; it must
    /// still be a regular image file.
    public var coverPath: String?
    /// Folders, besides each document's own folder tree, whose files documents may embed
    /// (`--resource-path`, pandoc's name); relative image paths are also looked up in them,
    /// in order, after the document's folder. Relative folders are relative to the current one.
    public var resourcePaths: [String] = []
    /// How embedded images are prepared for a book.
    public var images = ImageOptions()
    /// Keep raw HTML as written in HTML pages and EPUB chapters (`--raw-html`), for trusted
    /// input. By default it goes through the HTML sanitizer first: no script, event handlers,
    /// frames, forms or unsafe URLs (EPUB chapters still reduce it to well-formed phrasing).
    public var rawHTML: Bool = false
    /// Whether a book also gets a JPEG cover (EPUB's `cover-image`), drawn from its title and
    /// lead photo, for library views that show no SVG cover. It costs about 1 ms of CPU a book
    /// (4 million instructions by callgrind: pango's text and libjpeg), as much as the rest of a
    /// small book; `articlekit` leaves it out of folder batches unless asked (`--raster-cover`).
    public var rasterCover: Bool = true
    /// The most bytes one input may hold (`--max-input`): a regular file larger than this is
    /// refused before it is read, and a device, pipe or standard input is read only this far
    /// and then refused, so `/dev/zero` ends with an error instead of exhausting memory.
    public var maximumInputSize: Int = ConversionOptions.defaultMaximumInputSize
    /// Writer- or reader-specific settings by name, for formats added from outside.
    public var extra: [String: String] = [:]

    /// The default ``maximumInputSize``: 1 GiB.
    public static let defaultMaximumInputSize = 1 << 30

    /// Creates default options.
    public init() {}
}
