import Foundation

/// Fetches a batch's pages in the batch's own process, a few ahead of the worker processes,
/// so that one ``/ArticleFetch/Fetcher`` (its fetch-once cache and its connection limits)
/// serves the whole run, and the workers, which parse what the pages hold, never open a socket.
///
/// Each fetched page's bytes go to a private file (a folder only this user can read, since a
/// page fetched with a login's cookies is the user's own), whose name the worker's job line
/// carries; the file is removed once the page's record is in. A fetch that ends writes a byte
/// to ``wakeDescriptor``, so the pool's poll(2) wakes at once to hand the page on.
final class PagePrefetch: @unchecked Sendable {
    let fetcher: Fetcher
    /// Pages fetched or being fetched and not yet taken, at most.
    let limit: Int
    let folder: URL
    private let lock = NSLock()
    private var inFlight = 0
    private var ready: [(input: BatchInput, error: ArticleError?)] = []
    private var tasks: [Int: Task<Void, Never>] = [:]
    private var count = 0
    private var wake: [Int32] = [-1, -1]

    init(fetcher: Fetcher, limit: Int) throws(ArticleError) {
        self.fetcher = fetcher
        self.limit = max(1, limit)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("articlekit-pages-\(getpid())-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ArticleError(.io, "cannot make a folder for the fetched pages (\(ReaderInput.reason(error)))", file: folder.path)
        }
        guard pipe(&wake) == 0 else {
            throw ArticleError(.io, "cannot make a pipe (\(ReaderInput.reason(errno: errno)))")
        }
        for fd in wake {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
    }

    /// Readable when a fetch has ended since the last ``drainWake()``.
    var wakeDescriptor: Int32 { lock.withLock { wake[0] } }

    /// Whether another page may be started.
    var hasRoom: Bool { lock.withLock { inFlight + ready.count < limit } }

    /// Whether nothing is being fetched and nothing fetched waits to be taken.
    var isIdle: Bool { lock.withLock { inFlight == 0 && ready.isEmpty } }

    /// Starts fetching a page.
    func start(_ input: BatchInput) {
        let number = lock.withLock { () -> Int in
            inFlight += 1
            count += 1
            return count
        }
        let file = folder.appendingPathComponent("page-\(number)").path
        let task = Task.detached { [self] in
            var outcome: (input: BatchInput, error: ArticleError?) = (input, nil)
            do throws(ArticleError) {
                var page = try await fetcher.fetch(FetchRequest(url: input.url))
                guard FileManager.default.createFile(atPath: file, contents: page.data, attributes: [.posixPermissions: 0o600]) else {
                    throw ArticleError(.io, "cannot keep the fetched page in \(folder.path)", file: input.displayPath)
                }
                page.data = Data()
                outcome.input.page = page
                outcome.input.pageFile = file
            } catch {
                outcome.error = error
            }
            lock.withLock {
                inFlight -= 1
                tasks[number] = nil
                ready.append(outcome)
                // Under the lock: once `finish()` has closed the pipe, its number may name
                // another file.
                var byte: UInt8 = 1
                if wake[1] >= 0 { _ = write(wake[1], &byte, 1) }
            }
        }
        // A task that has already ended may be stored here: cancelling it later does nothing.
        lock.withLock { tasks[number] = task }
    }

    /// A page whose fetch has ended, in the order they ended: with its file, or with the error.
    func takeReady() -> (input: BatchInput, error: ArticleError?)? {
        lock.withLock { ready.isEmpty ? nil : ready.removeFirst() }
    }

    /// Empties the wake pipe.
    func drainWake() {
        var buffer = [UInt8](repeating: 0, count: 256)
        let fd = wakeDescriptor
        while fd >= 0, buffer.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
    }

    /// Removes the file of a page whose record is in.
    func release(_ input: BatchInput) {
        if let file = input.pageFile { unlink(file) }
    }

    /// Stops the fetches still running and removes every page file.
    func finish() {
        let running = lock.withLock { () -> [Task<Void, Never>] in
            defer {
                tasks = [:]
                for fd in wake where fd >= 0 { close(fd) }
                wake = [-1, -1]
            }
            return Array(tasks.values)
        }
        for task in running { task.cancel() }
        try? FileManager.default.removeItem(at: folder)
    }
}
