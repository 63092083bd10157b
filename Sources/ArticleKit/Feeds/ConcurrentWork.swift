import Dispatch
import Foundation

/// Runs blocking jobs (fetches that wait with ``/ArticleFetch/Fetcher/fetchBlocking(_:)``, page
/// extraction) on `width` threads of their own, and gives their results in the jobs' order.
/// Threads, not Dispatch's global queue: on Linux that queue runs about one job per core when
/// its jobs block, which made 100 pages of 50 ms come one or two at a time.
enum ConcurrentWork {
    static func map<T: Sendable, R: Sendable>(_ jobs: [T], width: Int, _ work: @escaping @Sendable (T) -> R) -> [R] {
        guard !jobs.isEmpty else { return [] }
        let box = Results<R>(count: jobs.count)
        let group = DispatchGroup()
        for _ in 0..<min(max(1, width), jobs.count) {
            group.enter()
            let thread = Thread {
                while let i = box.take() { box.set(i, work(jobs[i])) }
                group.leave()
            }
            // As much stack as the main thread has: a page's parse and extraction run here.
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        return box.values
    }
}

/// Results gathered under a lock, and the next job to take.
private final class Results<R: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [R?]
    private var next = 0

    init(count: Int) { stored = Array(repeating: nil, count: count) }

    /// The index of the next job not taken, or `nil` when all are.
    func take() -> Int? {
        lock.withLock {
            guard next < stored.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func set(_ i: Int, _ value: R) { lock.withLock { stored[i] = value } }
    var values: [R] { lock.withLock { stored.compactMap { $0 } } }
}
