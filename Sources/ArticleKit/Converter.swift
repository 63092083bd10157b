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

    /// Reads an input into articles and runs the transforms on each.
    public func read(_ input: ReaderInput, from format: String? = nil, context: inout ConversionContext) throws(ArticleError) -> [Article] {
        let reader = try reader(for: input, format: format)
        context.inputName = input.name
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
    public init(path: String) throws(ArticleError) {
        if path == "-" {
            self.init(data: FileHandle.standardInput.readDataToEndOfFile(), name: "-")
            return
        }
        let url = URL(fileURLWithPath: path)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ArticleError(.io, "no such file", file: path)
        }
        if isDir.boolValue { throw ArticleError(.io, "is a folder, not a file", file: path) }
        do {
            self.init(data: try Data(contentsOf: url, options: .mappedIfSafe), name: path, fileURL: url)
        } catch {
            throw ArticleError(.io, "cannot read the file (\(Self.reason(error)))", file: path)
        }
    }

    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let u = ns.userInfo[NSUnderlyingErrorKey] as? NSError, u.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(u.code)) {
            return String(cString: strerror(code.rawValue)).lowercased()
        }
        if ns.code == NSFileReadNoPermissionError { return "permission denied" }
        return ns.localizedDescription
    }
}
