import Foundation

extension BatchConverter {
    /// Serves as a batch worker process: applies ``BatchOptions/fileMemory`` to this process,
    /// then converts the files named by the job lines on `input`, one at a time, and writes a
    /// result line for each to `output`, until `input` ends. Results are written together, four
    /// at a time, when the jobs in hand are done, or after 50 ms, so a parent sending several jobs at once is
    /// woken once for them. Exits by itself when the parent
    /// process goes away. Call it from the program a ``WorkerCommand`` starts; it returns the
    /// exit status for that program (0, or 1 when the parent sent a line it could not read).
    public func serveAsWorker(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) -> Int32 {
        // Ctrl-C reaches the whole process group: the parent decides what stops, the workers
        // finish the file in hand.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        signal(SIGPIPE, SIG_IGN)
        if let limit = options.fileMemory { Self.limitMemory(to: limit) }
        Self.exitWhenOrphaned()
        guard send(WorkerWire.ready + "\n", to: output) else { return 0 }
        let phase = WorkerPhase(worker: ())
        var reader = JobReader(fd: input)
        var results = ""
        var pending = 0
        var lastFlush = DispatchTime.now().uptimeNanoseconds
        func flush() -> Bool {
            defer { results = ""; pending = 0; lastFlush = DispatchTime.now().uptimeNanoseconds }
            return results.isEmpty || send(results, to: output)
        }
        while let line = reader.next(beforeWaiting: { _ = flush() }) {
            guard let job = WorkerWire.parseJob(line[...]) else {
                FileHandle.standardError.write(Data("articlekit worker: unreadable job line\n".utf8))
                return 1
            }
            phase?.value = WorkerPhase.reading
            phase?.fileStarted = Date().timeIntervalSince1970
            let (record, noSpace) = convertFile(job) { phase?.value = WorkerPhase.writing }
            results += WorkerWire.result(record, noSpace: noSpace != nil)
            phase?.finished &+= 1
            pending += 1
            // Every few files too, so the parent can send more before these run out.
            if noSpace != nil || pending >= 4 || DispatchTime.now().uptimeNanoseconds &- lastFlush > 50_000_000 {
                guard flush() else { return 0 }
            }
        }
        _ = flush()
        return 0
    }

    private func send(_ line: String, to fd: Int32) -> Bool {
        (try? OutputFile.writeAll(Data(line.utf8), to: fd)) != nil
    }

    /// Caps the memory the worker's heap can grow to, by RLIMIT_DATA (which Linux counts private
    /// mappings in since 4.7, so large allocations count too). Not RLIMIT_AS: it counts
    /// reservations, not use, and tried here a 100 MB limit kept the dynamic loader from mapping
    /// ICU's data, and glibc reserves 64 MB of address space for each thread's malloc arena, so an
    /// address-space limit fails start-up long before it stops a runaway input.
    static func limitMemory(to bytes: Int) {
        let data = rlim_t(max(bytes, 64 << 20))
        var r = rlimit(rlim_cur: data, rlim_max: data)
        #if os(Linux)
        setrlimit(Int32(RLIMIT_DATA.rawValue), &r)
        #else
        setrlimit(RLIMIT_DATA, &r)
        #endif
    }

    /// A worker whose parent was killed (kill -9 of the run) exits instead of converting on.
    private static func exitWhenOrphaned() {
        let parent = getppid()
        let thread = Thread {
            while true {
                if getppid() != parent { _exit(0) }
                usleep(200_000)
            }
        }
        thread.start()
    }
}

/// Lines from a pipe by read(2), returning each as soon as it is whole (FileHandle's reads wait
/// for a full buffer).
struct JobReader {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 16 * 1024)
    private var start = 0
    private var done = false

    init(fd: Int32) { self.fd = fd }

    /// The next line; `beforeWaiting` is called when none is in hand and the read may block.
    mutating func next(beforeWaiting: () -> Void = {}) -> String? {
        while true {
            if let nl = buffer[start...].firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[start..<nl], as: UTF8.self)
                start = nl + 1
                return line
            }
            if done { return nil }
            buffer.removeFirst(start)
            start = 0
            beforeWaiting()
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { done = true } else { buffer.append(contentsOf: chunk[0..<n]) }
        }
    }
}
