import ArticleCore
import Dispatch
import Foundation
import NIOConcurrencyHelpers
import NIOPosix

/// Downloads one article's remote images at the same time and waits for all of them: the
/// synchronous transform's bridge to the asynchronous ``Fetcher`` (whose connection limiter
/// keeps the number of connections within its configuration, however many images there are).
enum RemoteImageDownload {
    /// What is done to each image once it has arrived (``FetchRemoteImages/prepare``).
    struct Preparation: Sendable {
        var options: ImageOptions
        var step: @Sendable (Resource, ImageOptions) -> Result<Resource, ArticleError>

        /// The step run on a Dispatch thread: it decodes and encodes images, which must not hold
        /// a thread of Swift's cooperative pool (or an event loop) for that long.
        func run(_ resource: Resource) async -> Result<Resource, ArticleError> {
            await withCheckedContinuation { done in
                DispatchQueue.global(qos: .userInitiated).async { done.resume(returning: step(resource, options)) }
            }
        }
    }

    /// The outcome of each job, in the jobs' order.
    static func run(_ jobs: [RemoteImageJob], referer: URL?, fetcher: Fetcher, preparation: Preparation? = nil) -> [Result<Resource, ArticleError>] {
        guard MultiThreadedEventLoopGroup.currentEventLoop == nil else {
            // Waiting here would stop the event loop the downloads need.
            return jobs.map { .failure(ArticleError(.usage, "images cannot be fetched from an event loop thread", file: $0.url.absoluteString)) }
        }
        let results = NIOLockedValueBox<[Int: Result<Resource, ArticleError>]>([:])
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            await withTaskGroup(of: (Int, Result<Resource, ArticleError>).self) { group in
                for (index, job) in jobs.enumerated() {
                    group.addTask {
                        let fetched = await download(job, referer: referer, fetcher: fetcher)
                        guard let preparation, case .success(let resource) = fetched else { return (index, fetched) }
                        return (index, await preparation.run(resource).mapError { ArticleError($0.code, $0.message, file: job.url.absoluteString) })
                    }
                }
                for await (index, outcome) in group {
                    results.withLockedValue { $0[index] = outcome }
                }
            }
            done.signal()
        }
        done.wait()
        let finished = results.withLockedValue { $0 }
        return jobs.indices.map { index in
            finished[index] ?? .failure(ArticleError(.network, "the download ended without a result", file: jobs[index].url.absoluteString))
        }
    }

    /// One image: fetched under the policy for page resources, and accepted only when its bytes
    /// are an image.
    static func download(_ job: RemoteImageJob, referer: URL?, fetcher: Fetcher) async -> Result<Resource, ArticleError> {
        let request = FetchRequest(url: job.url, origin: .pageResource, kind: .image, referer: referer)
        do throws(ArticleError) {
            let document = try await fetcher.fetch(request)
            guard let type = RemoteImageType.sniff(document.data) else {
                let said = document.mediaType.map { " (the server said \($0))" } ?? ""
                let what = document.data.isEmpty ? "an empty body" : "not an image, by its bytes"
                return .failure(ArticleError(.malformed, what + said, file: job.url.absoluteString))
            }
            return .success(Resource(path: job.source, mediaType: type.mediaType, data: document.data))
        } catch {
            return .failure(error)
        }
    }
}
