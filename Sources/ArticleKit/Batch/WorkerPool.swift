import Foundation

/// Runs a batch's files in a bounded pool of worker processes (the model is Apache Tika's
/// ForkParser and calibre's worker pool): each worker converts many files in turn, so its start-up
/// is paid once, and a worker that dies or takes longer than ``BatchOptions/fileTimeout`` on a
/// file costs that file only. Its record says what happened, the outputs it left are removed, the
/// files queued behind it go to the others and a new worker takes its place.
///
/// One thread runs the pool: it hands each worker at most ``depth`` files at a time (the one it
/// is converting and the next, so it never waits for the parent), and polls the workers' pipes
/// with a short timeout that is also the watchdog's tick.
final class WorkerPool {
    /// Files handed to a worker at once. Sending and reporting several at a time halves the
    /// parent's work per file (measured: 10,000 files to JSON cost 0.6 s of the parent's CPU
    /// time one at a time); more would leave more files waiting behind one that hangs (they go
    /// to another worker when it is killed).
    static let depth = 8

    private let batch: BatchConverter
    private let command: WorkerCommand
    private var workers: [WorkerProcess] = []
    private var requeued: [BatchInput] = []
    private var walkerDone = false
    /// Fetches the run's pages, in this process, ahead of the workers.
    private var prefetch: PagePrefetch?
    /// Whether no page is being fetched or waits to be handed on.
    private var pagesDone: Bool { prefetch?.isIdle ?? true }
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    /// Whether a worker of this run has said it is ready.
    private var anyReady = false
    /// Workers that died before saying they were ready, since one last did.
    private var startFailures = 0
    /// Workers dying before they are ready, one after another, that stop a run in which
    /// others have started.
    static let startFailuresInARow = 3

    init(batch: BatchConverter, command: WorkerCommand) {
        self.batch = batch
        self.command = command
    }

    func run(_ shared: SharedWalker, validSince: Date, record: (BatchRecord) -> Void) throws(ArticleError) {
        // A worker that dies while a job line is being written to it must not take the run with it.
        let oldPipe = signal(SIGPIPE, SIG_IGN)
        if let fetcher = batch.options.fetcher {
            prefetch = try PagePrefetch(fetcher: fetcher, limit: batch.options.fetchAhead ?? 2 * fetcher.configuration.maxConnections)
        }
        defer {
            // A run that stops early (an error, a full disk, a cancel) leaves no file with some
            // of its outputs: each worker's file in hand has them removed, as a crash's has.
            for w in workers {
                w.kill(because: "stopped")
                _ = w.reap()
                if let inHand = w.outstanding.dropFirst(w.finishedUnreported).first { removeOutputs(of: inHand, from: w) }
            }
            signal(SIGPIPE, oldPipe)
            prefetch?.finish()
        }
        for _ in 0..<max(1, batch.options.jobs) { workers.append(try WorkerProcess(command)) }
        let timeout = UInt64(max(0.001, batch.options.fileTimeout) * 1e9)
        while !workers.isEmpty {
            let stopping = batch.lock.withLock { batch.cancelled || batch.fatal != nil }
            if !stopping { dispatch(shared, validSince: validSince, record: record) }
            if stopping || (walkerDone && requeued.isEmpty && pagesDone) { for w in workers { w.closeJobs() } }
            waitAndRead(record: record)
            for w in workers { w.noticeProgress() }
            let now = DispatchTime.now().uptimeNanoseconds
            for w in workers where !w.outstanding.isEmpty && w.killedFor == nil && now &- w.started > timeout {
                w.kill(because: "took longer than \(Self.seconds(batch.options.fileTimeout)) s")
            }
            // A worker told there is nothing more has a file's time to exit.
            for w in workers where w.outstanding.isEmpty && w.killedFor == nil && w.jobsClosedAt > 0 && now &- w.jobsClosedAt > timeout {
                w.kill(because: "did not exit when the run ended")
            }
            for w in workers where (!w.resultsOpen && !w.messagesOpen) || (w.killedFor != nil && w.hasExited()) {
                try bury(w, record: record)
            }
        }
    }

    /// Gives each ready worker a file, then, once every worker is up, tops up those down to half
    /// of `depth`, several job lines in one write: a file is never queued behind another while a
    /// worker is free to take it.
    private func dispatch(_ shared: SharedWalker, validSince: Date, record: (BatchRecord) -> Void) {
        let allReady = workers.allSatisfy(\.ready)
        for (limit, refill) in [(1, 1), (allReady ? Self.depth : 1, Self.depth / 2)] {
            for w in workers where w.ready && w.killedFor == nil && w.outstanding.count < refill {
                var batch: [BatchInput] = []
                while w.outstanding.count + batch.count < limit, let next = nextInput(shared, validSince: validSince, record: record) {
                    batch.append(next)
                }
                if batch.isEmpty { return }
                if !w.send(batch) { requeued.insert(contentsOf: batch, at: 0) }
            }
        }
    }

    /// The next input for a worker: one put back, a page whose fetch has ended (a failed fetch
    /// is recorded here, without a trip to a worker), or the walker's next file. Pages met on
    /// the way are started, as many as the prefetch has room for.
    private func nextInput(_ shared: SharedWalker, validSince: Date, record: (BatchRecord) -> Void) -> BatchInput? {
        if !requeued.isEmpty { return requeued.removeFirst() }
        while true {
            if let (input, error) = prefetch?.takeReady() {
                guard let error else { return input }
                record(BatchRecord(path: input.displayPath, outputs: [], status: .failed, warnings: [], error: error.message, milliseconds: 0))
                continue
            }
            if walkerDone || prefetch?.hasRoom == false { return nil }
            guard let input = shared.next() else { walkerDone = true; continue }
            // Up-to-date files are skipped here, without a trip to a worker.
            if let skipped = batch.skipRecord(input, validSince: validSince) { record(skipped); continue }
            guard input.isWeb else { return input }
            guard let prefetch else {
                record(BatchRecord(path: input.displayPath, outputs: [], status: .failed, warnings: [], error: "network access is turned off", milliseconds: 0))
                continue
            }
            prefetch.start(input)
        }
    }

    /// Sleeps until a worker writes or ends, or the watchdog's tick, then takes in what each
    /// has written.
    private func waitAndRead(record: (BatchRecord) -> Void) {
        var fds: [pollfd] = []
        fds.reserveCapacity(workers.count * 2)
        for w in workers {
            fds.append(pollfd(fd: w.resultsOpen ? w.results : -1, events: Int16(POLLIN), revents: 0))
            fds.append(pollfd(fd: w.messagesOpen ? w.messages : -1, events: Int16(POLLIN), revents: 0))
        }
        // A page fetched wakes the loop, to hand it to a worker.
        fds.append(pollfd(fd: prefetch?.wakeDescriptor ?? -1, events: Int16(POLLIN), revents: 0))
        guard poll(&fds, nfds_t(fds.count), 100) > 0 else { return }
        if fds[fds.count - 1].revents != 0 { prefetch?.drainWake() }
        for (i, w) in workers.enumerated() {
            if fds[2 * i + 1].revents != 0, let n = readSome(w.messages, &w.messagesOpen) {
                w.lastMessages.append(contentsOf: buffer[0..<n])
                if w.lastMessages.count > 4096 { w.lastMessages.removeFirst(w.lastMessages.count - 4096) }
            }
            guard fds[2 * i].revents != 0, let n = readSome(w.results, &w.resultsOpen) else { continue }
            w.resultBuffer.append(contentsOf: buffer[0..<n])
            var start = 0
            while let nl = w.resultBuffer[start...].firstIndex(of: 0x0A) {
                let line = String(decoding: w.resultBuffer[start..<nl], as: UTF8.self)
                start = nl + 1
                handle(line, from: w, record: record)
            }
            w.resultBuffer.removeFirst(start)
        }
    }

    /// Reads what poll said is there; nil at the end (and `open` false) or on an interruption.
    private func readSome(_ fd: Int32, _ open: inout Bool) -> Int? {
        let n = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { return nil }
        if n <= 0 { open = false; return nil }
        return n
    }

    private func handle(_ line: String, from w: WorkerProcess, record: (BatchRecord) -> Void) {
        switch line {
        case WorkerWire.ready:
            w.ready = true
            anyReady = true
            startFailures = 0
        default:
            guard let input = w.outstanding.first, let (r, noSpace) = WorkerWire.parseResult(line[...], path: input.displayPath) else { return }
            w.outstanding.removeFirst()
            w.reported &+= 1
            // For a worker that keeps no count in the shared page; with one, the watchdog has
            // already seen the file finish.
            w.restartClock()
            prefetch?.release(input)
            if noSpace, let message = r.error {
                batch.lock.withLock { if batch.fatal == nil { batch.fatal = ArticleError(.noSpace, message, file: input.displayPath) } }
            }
            record(r)
        }
    }

    /// A worker has ended: the file it was on fails, the ones queued behind it go back in line,
    /// and a new worker replaces it while there is work left.
    private func bury(_ w: WorkerProcess, record: (BatchRecord) -> Void) throws(ArticleError) {
        workers.removeAll { $0 === w }
        let how = w.reap()
        if !w.ready && how != nil && w.killedFor == nil {
            // Workers that cannot start (too little --file-memory, a broken binary) stop the
            // run: the first one does when none has started yet, else three in a row. One that
            // died while starting, in a run whose workers have started, is replaced like any
            // other (it was killed from outside, or the machine was short of memory).
            startFailures += 1
            if !anyReady || startFailures >= Self.startFailuresInARow {
                let detail = w.lastMessage.map { ": \($0)" } ?? ""
                throw ArticleError(.io, "a worker process could not start (\(how ?? "")\(detail)); with --file-memory, give it more", file: command.executable.path)
            }
        }
        // Files it finished but had not reported yet are done again by another worker (their
        // outputs are whole; their records were lost with it).
        let unreported = Array(w.outstanding.prefix(w.finishedUnreported))
        w.outstanding.removeFirst(unreported.count)
        requeued.insert(contentsOf: unreported, at: 0)
        if let failed = w.outstanding.first {
            w.outstanding.removeFirst()
            var why = (how ?? "its worker stopped") + " while " + (w.writing ? "writing" : "reading")
            if w.killedFor == nil, let message = w.lastMessage {
                // The runtime's and C libraries' words for an allocation refused under --file-memory.
                if let limit = batch.options.fileMemory, message.range(of: "alloc", options: .caseInsensitive) != nil {
                    why = "ran out of memory (the limit is \(limit >> 20) MiB) while " + (w.writing ? "writing" : "reading")
                }
                why += ": " + message
            }
            removeOutputs(of: failed, from: w)
            prefetch?.release(failed)
            record(BatchRecord(path: failed.displayPath, outputs: [], status: .failed, warnings: [], error: why,
                               milliseconds: Double(DispatchTime.now().uptimeNanoseconds &- w.started) / 1e6))
            requeued.insert(contentsOf: w.outstanding, at: unreported.count)
        }
        let stopping = batch.lock.withLock { batch.cancelled || batch.fatal != nil }
        if !stopping && (!walkerDone || !requeued.isEmpty || !pagesDone) { workers.append(try WorkerProcess(command)) }
    }

    /// Removes what a worker that ended wrote of `input`, the file it had in hand.
    private func removeOutputs(of input: BatchInput, from w: WorkerProcess) {
        // The worker's own clock of the file, when it keeps one: the parent's may have been
        // restarted late, after a run of files reported together.
        let since = w.phase.map { $0.fileStarted > 0 ? min($0.fileStarted, w.startedWall) : w.startedWall } ?? w.startedWall
        WorkerCleanup.removeOutputs(of: input, batch: batch, since: since, pid: w.pid)
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() && s < 1e9 ? String(Int(s)) : String(format: "%.1f", s)
    }
}
