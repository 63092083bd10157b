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
    /// Reads a file, or standard input when `path` is `-`.
    ///
    /// One open(2), one fstat(2) and read(2) into a buffer of the file's size: a batch of small
    /// files spends its time in the kernel, and FileManager's existence check plus
    /// `Data(contentsOf:)` cost five more calls per file and an mmap (files over 16 MiB are
    /// still mapped, not copied).
    public init(path: String) throws(ArticleError) {
        if path == "-" {
            self.init(data: FileHandle.standardInput.readDataToEndOfFile(), name: "-")
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
        let size = Int(st.st_size)
        if (st.st_mode & S_IFMT) == S_IFREG && size > 16 << 20 {
            do {
                self.init(data: try Data(contentsOf: url, options: .mappedIfSafe), name: path, fileURL: url)
            } catch {
                throw ArticleError(.io, "cannot read the file (\(Self.reason(error)))", file: path)
            }
            return
        }
        // A regular file is read to its size (and on, should it have grown); a device or pipe
        // until end of file.
        var data = Data(count: max(size, 0) + 1)
        var filled = 0
        while true {
            if filled == data.count { data.count += max(data.count, 64 * 1024) }
            let n = data.withUnsafeMutableBytes { raw in raw.baseAddress.map { read(fd, $0 + filled, raw.count - filled) } ?? 0 }
            if n < 0 {
                if errno == EINTR { continue }
                throw ArticleError(.io, "cannot read the file (\(Self.reason(errno: errno)))", file: path)
            }
            if n == 0 { break }
            filled += n
        }
        data.count = filled
        self.init(data: data, name: path, fileURL: url)
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
