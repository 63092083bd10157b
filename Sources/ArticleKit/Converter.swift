import Foundation

/// Reads, transforms and writes articles: the pipeline the command line and the batch runner use.
///
/// ```swift
/// let converter = Converter()
/// var context = ConversionContext()
/// let input = try ReaderInput(path: "article.txt")
/// let articles = try converter.read(input, context: &context)
/// let markdown = try converter.write(articles, to: "md", context: &context)
/// ```
public struct Converter: Sendable {
    /// The formats this converter knows.
    public var registry: FormatRegistry
    /// The steps run on every article after reading, in order.
    public var transforms: [any ArticleTransform]

    /// The steps run by default: Unicode NFC, then language detection (`--language` wins).
    public static let defaultTransforms: [any ArticleTransform] = [.normalizeUnicode, .detectLanguage]

    /// Creates a converter.
    public init(registry: FormatRegistry = .standard, transforms: [any ArticleTransform] = Converter.defaultTransforms) {
        self.registry = registry
        self.transforms = transforms
    }

    /// The reader for an explicit format name, else for the input's file extension.
    public func reader(for input: ReaderInput, format: String?) throws(ArticleError) -> any ArticleReader {
        if let format {
            guard let r = registry.reader(named: format) else {
                throw ArticleError(.unknownFormat, "no reader for format \"\(format)\"; `articlekit formats` lists them", file: input.name)
            }
            return r
        }
        if let r = registry.reader(forPath: input.name) { return r }
        throw ArticleError(.unknownFormat, "cannot tell the input format from the file name; name it with --from (`articlekit formats` lists them)", file: input.name)
    }

    /// The writer for a format name or alias.
    public func writer(named format: String) throws(ArticleError) -> any ArticleWriter {
        guard let w = registry.writer(named: format) else {
            throw ArticleError(.unknownFormat, "no writer for format \"\(format)\"; `articlekit formats` lists them")
        }
        return w
    }

    /// Reads an input into articles and runs the transforms on each. The context's
    /// ``/ArticleCore/ConversionContext/origin`` starts as the input's, so a reader of books can
    /// make it stricter before the transforms (the EPUB writer's `embed-local-images`) see it.
    public func read(_ input: ReaderInput, from format: String? = nil, context: inout ConversionContext) throws(ArticleError) -> [Article] {
        let reader = try reader(for: input, format: format)
        context.inputName = input.name
        context.origin = input.origin
        var articles: [Article]
        do {
            articles = try reader.read(input, context: &context)
        } catch {
            throw error.inFile(input.name)
        }
        for i in articles.indices {
            for step in transforms {
                do {
                    articles[i] = try step.apply(to: articles[i], context: &context)
                } catch {
                    throw ArticleError(error.code, "\(step.name): \(error.message)", file: error.file ?? input.name, line: error.line)
                }
            }
        }
        return articles
    }

    /// Renders articles in a format.
    public func write(_ articles: [Article], to format: String, context: inout ConversionContext) throws(ArticleError) -> Data {
        try writer(named: format).write(articles, context: &context)
    }
}

extension ReaderInput {
    /// Reads a file, or standard input when `path` is `-`, refusing more than `maximumSize`
    /// bytes (``/ArticleCore/ConversionOptions/maximumInputSize``, 1 GiB by default).
    ///
    /// A regular file larger than the limit is refused before any of it is read; a device, pipe
    /// or standard input (which may never end: `/dev/zero`) is read until end of file or one
    /// byte past the limit, and refused then.
    ///
    /// One open(2), one fstat(2) and read(2) into a buffer of the file's size: a batch of small
    /// files spends its time in the kernel, and FileManager's existence check plus
    /// `Data(contentsOf:)` cost five more calls per file and an mmap (files over 16 MiB are
    /// still mapped, not copied).
    public init(path: String, maximumSize: Int = ConversionOptions.defaultMaximumInputSize) throws(ArticleError) {
        let limit = max(maximumSize, 0)
        if path == "-" {
            self.init(data: try Self.readAll(STDIN_FILENO, sizeHint: 0, limit: limit, name: "-"), name: "-")
            return
        }
        let url = URL(fileURLWithPath: path, isDirectory: false)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw ArticleError(.io, "no such file", file: path) }
            throw ArticleError(.io, "cannot read the file (\(Self.reason(errno: code)))", file: path)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw ArticleError(.io, "cannot read the file (\(Self.reason(errno: errno)))", file: path)
        }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw ArticleError(.io, "is a folder, not a file", file: path) }
        let regular = (st.st_mode & S_IFMT) == S_IFREG
        let size = regular ? Int(clamping: st.st_size) : 0
        if size > limit { throw Self.tooLarge(limit, name: path, regular: true) }
        if regular && size > 16 << 20 {
            do {
                self.init(data: try Data(contentsOf: url, options: .mappedIfSafe), name: path, fileURL: url)
            } catch {
                throw ArticleError(.io, "cannot read the file (\(Self.reason(error)))", file: path)
            }
            return
        }
        self.init(data: try Self.readAll(fd, sizeHint: size, limit: limit, name: path), name: path, fileURL: url)
    }

    /// Reads `fd` to end of file: a regular file to its size (and on, should it have grown), a
    /// device or pipe until end of file; past `limit` bytes it stops and refuses the input.
    private static func readAll(_ fd: Int32, sizeHint: Int, limit: Int, name: String) throws(ArticleError) -> Data {
        // The buffer grows by doubling but never past one byte more than the limit, the byte
        // that tells "exactly the limit" from "longer".
        let ceiling = limit < Int.max ? limit + 1 : limit
        var data = Data(count: min(sizeHint + 1, ceiling))
        var filled = 0
        while true {
            if filled == data.count {
                if data.count >= ceiling { throw tooLarge(limit, name: name, regular: false) }
                data.count = min(data.count + max(data.count, 64 * 1024), ceiling)
            }
            let n = data.withUnsafeMutableBytes { raw in raw.baseAddress.map { read(fd, $0 + filled, raw.count - filled) } ?? 0 }
            if n < 0 {
                if errno == EINTR { continue }
                throw ArticleError(.io, "cannot read the file (\(Self.reason(errno: errno)))", file: name)
            }
            if n == 0 { break }
            filled += n
        }
        if filled > limit { throw tooLarge(limit, name: name, regular: false) }
        data.count = filled
        return data
    }

    private static func tooLarge(_ limit: Int, name: String, regular: Bool) -> ArticleError {
        var size = "\(limit) bytes"
        for (shift, unit) in [(30, "GiB"), (20, "MiB"), (10, "KiB")] where limit >= 1 << shift && limit % (1 << shift) == 0 {
            size = "\(limit >> shift) \(unit)"
            break
        }
        let what = regular ? "the file is larger than" : "the input is longer than"
        return ArticleError(.limitExceeded, "\(what) the input limit of \(size) (--max-input raises it)", file: name)
    }

    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let u = ns.userInfo[NSUnderlyingErrorKey] as? NSError, u.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(u.code)) {
            return reason(errno: code.rawValue)
        }
        if ns.code == NSFileReadNoPermissionError { return "permission denied" }
        return ns.localizedDescription
    }

    /// What a system call's error number means, for a message ("permission denied").
    static func reason(errno code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
