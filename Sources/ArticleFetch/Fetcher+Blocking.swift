import ArticleCore
import Dispatch
import NIOConcurrencyHelpers
import NIOPosix

extension Fetcher {
    /// Fetches a URL and waits for it, for synchronous callers such as the command line.
    ///
    /// The fetch runs as a detached task (its I/O on AsyncHTTPClient's event loops) while the
    /// calling thread waits on a semaphore. That cannot deadlock as long as the caller is not a
    /// thread the fetch itself needs: call it from the main thread or a thread of your own,
    /// never from an event loop (refused with an error) nor from synchronous code running
    /// inside a Swift task (which would hold one of the few threads of the concurrency pool).
    public func fetchBlocking(_ request: FetchRequest) throws(ArticleError) -> FetchedDocument {
        guard MultiThreadedEventLoopGroup.currentEventLoop == nil else {
            throw ArticleError(.usage, "fetchBlocking was called on an event loop thread, where it would deadlock",
                               file: request.url.absoluteString)
        }
        let result = NIOLockedValueBox<Result<FetchedDocument, ArticleError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do throws(ArticleError) {
                let document = try await self.fetch(request)
                result.withLockedValue { $0 = .success(document) }
            } catch {
                result.withLockedValue { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        guard let outcome = result.withLockedValue({ $0 }) else {
            throw ArticleError(.usage, "the fetch ended without a result", file: request.url.absoluteString)
        }
        return try outcome.get()
    }

    /// Shuts the fetcher down and waits, for synchronous callers (see ``fetchBlocking(_:)``).
    public func shutdownBlocking() {
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            await self.shutdown()
            done.signal()
        }
        done.wait()
    }
}
