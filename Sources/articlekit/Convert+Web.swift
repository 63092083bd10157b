import ArticleKit
import Dispatch
import Foundation

/// URL inputs of `convert`: fetched by one fetcher for the run, all at once, before reading.
extension Convert {
    /// Whether an input names a web page (`https://…`) rather than a file.
    static func isURL(_ input: String) -> Bool { WebAddress.isURL(input) }

    /// The sources of a run that makes one output: files as they are (folders expanded), URLs
    /// fetched together (the fetcher keeps to `--connections`), in the order given. The first
    /// input that fails, in that order, is the error.
    func sources(_ converter: Converter, maximumInputSize: Int, fetcher shared: Fetcher? = nil) throws(ArticleError) -> [ArticleSource] {
        let paths = try expandFolders(inputs, converter)
        var urls: [Int: URL] = [:]
        for (i, p) in paths.enumerated() where Self.isURL(p) { urls[i] = try WebAddress.url(from: p) }
        var pages: [Int: Result<FetchedDocument, ArticleError>] = [:]
        if !urls.isEmpty {
            // The run's image fetcher when it has one (each URL once, one set of limits).
            let fetcher: Fetcher
            if let shared { fetcher = shared } else { fetcher = try fetch.makeFetcher() }
            defer { if shared == nil { fetcher.shutdownBlocking() } }
            pages = Self.fetchAll(urls, with: fetcher)
        }
        var out: [ArticleSource] = []
        for (i, p) in paths.enumerated() {
            if let page = pages[i] {
                out.append(.page(try page.get()))
            } else {
                out.append(.file(try ReaderInput(path: p, maximumSize: maximumInputSize)))
            }
        }
        return out
    }

    /// Fetches every URL at once and waits for all of them (from the main thread, which no
    /// fetch needs).
    static func fetchAll(_ urls: [Int: URL], with fetcher: Fetcher) -> [Int: Result<FetchedDocument, ArticleError>] {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        Task.detached {
            await withTaskGroup(of: (Int, Result<FetchedDocument, ArticleError>).self) { group in
                for (i, url) in urls {
                    group.addTask {
                        do throws(ArticleError) {
                            return (i, .success(try await fetcher.fetch(url)))
                        } catch {
                            return (i, .failure(error))
                        }
                    }
                }
                for await (i, result) in group { box.set(i, result) }
            }
            done.signal()
        }
        done.wait()
        return box.results
    }

    /// The fetcher of a batch's pages: the run's one fetcher, in the parent process. Each page
    /// of a batch is a book of its own, so the `--max-download` of a book caps each page
    /// (and, once images are fetched, each book), not the run.
    func batchPageFetcher() throws(ArticleError) -> Fetcher {
        var configuration = try fetch.configuration()
        configuration.maxTotalBytes = .max
        return try Fetcher(configuration: configuration)
    }

    /// The output file of a single URL without `--output`: its name in a folder run
    /// (`example.com_2024_story.html.epub`), in the current folder.
    static func defaultOutput(forURL text: String, writer: any ArticleWriter) -> String {
        let stem = (try? WebAddress.url(from: text)).map(WebAddress.outputStem(for:)) ?? "page"
        return stem + "." + (writer.format.extensions.first ?? writer.format.name)
    }
}

/// The results of concurrent fetches, gathered under a lock.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int: Result<FetchedDocument, ArticleError>] = [:]

    func set(_ i: Int, _ result: Result<FetchedDocument, ArticleError>) { lock.withLock { stored[i] = result } }
    var results: [Int: Result<FetchedDocument, ArticleError>] { lock.withLock { stored } }
}
