import Dispatch
import Foundation

/// Runs blocking jobs (fetches that wait with ``/ArticleFetch/Fetcher/fetchBlocking(_:)``, page
/// extraction) on threads of their own, at most `width` at a time, and gives their results in
/// the jobs' order. Called from a plain thread, never from inside a Swift task.
enum ConcurrentWork {
    static func map<T: Sendable, R: Sendable>(_ jobs: [T], width: Int, _ work: @escaping @Sendable (T) -> R) -> [R] {
        guard !jobs.isEmpty else { return [] }
        let box = Results<R>(count: jobs.count)
        let slots = DispatchSemaphore(value: max(1, width))
        let group = DispatchGroup()
        for (i, job) in jobs.enumerated() {
            slots.wait()
            DispatchQueue.global().async(group: group) {
                defer { slots.signal() }
                box.set(i, work(job))
            }
        }
        group.wait()
        return box.values
    }
}

/// Results gathered under a lock.
private final class Results<R: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [R?]

    init(count: Int) { stored = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: R) { lock.withLock { stored[i] = value } }
    var values: [R] { lock.withLock { stored.compactMap { $0 } } }
}
