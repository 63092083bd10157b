import Foundation

/// One worker process of a batch and the parent's side of its three pipes.
final class WorkerProcess {
    let pid: pid_t
    /// The worker's standard input: job lines.
    private(set) var jobs: Int32
    /// Its standard output: result lines.
    let results: Int32
    /// Its standard error, kept for the record of a file it crashes on.
    let messages: Int32
    /// Bytes read from `results` and not yet a whole line.
    var resultBuffer: [UInt8] = []
    /// The end of what it wrote to standard error.
    var lastMessages: [UInt8] = []
    /// Inputs sent and not yet answered; the first is the one it is converting.
    var outstanding: [BatchInput] = []
    /// When it started the first outstanding input (uptime nanoseconds).
    var started: UInt64 = 0
    /// The same moment as wall-clock seconds since 1970, to tell the outputs it wrote since.
    var startedWall: Double = 0
    /// Whether it has said it is set up.
    var ready = false
    /// Where it is in its current file.
    let phase: WorkerPhase?
    /// Whether it is writing (not reading) its current file.
    var writing: Bool { phase?.value == WorkerPhase.writing }
    /// Why the parent killed it, if it did.
    var killedFor: String?
    var resultsOpen = true, messagesOpen = true

    /// Starts `command` with fresh pipes for its standard input, output and error.
    /// glibc's heap settings for a worker (the user's own `GLIBC_TUNABLES` come after them, and
    /// win): keep what one file freed for the next instead of giving it back. A worker converts
    /// on one thread, so glibc serves it from the main heap, which by default shrinks once
    /// 128 KiB at its top are free and maps each block over 128 KiB on its own; a scraped article
    /// grew and shrank the heap four times, and every page it grew into was faulted in and zeroed
    /// again. Measured with `strace -c` on 1,000 files to JSON: 4,801 `brk` calls before, none
    /// after. What a file needed stays the worker's until it ends; `--file-memory` still bounds it.
    static let heapTunables = "glibc.malloc.trim_threshold=67108864:glibc.malloc.top_pad=1048576:glibc.malloc.mmap_threshold=8388608"

    init(_ command: WorkerCommand) throws(ArticleError) {
        var inPipe: [Int32] = [-1, -1], outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        // Close-on-exec everywhere, so a worker does not hold its siblings' pipes open; the
        // dup2 of the spawn clears it on the three it keeps.
        guard Self.pipeClosedOnExec(&inPipe), Self.pipeClosedOnExec(&outPipe), Self.pipeClosedOnExec(&errPipe) else {
            throw ArticleError(.io, "cannot start a worker process (\(ReaderInput.reason(errno: errno)))")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], STDERR_FILENO)
        let phase = WorkerPhase()
        if let phase { posix_spawn_file_actions_adddup2(&actions, phase.descriptor, WorkerPhase.workerDescriptor) }
        let argv = [command.executable.path] + command.arguments
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        // No backtrace on a crash: the runtime's symbolication takes seconds, and the parent
        // says in the file's record what happened.
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        env[WorkerPhase.environmentKey] = phase.map { _ in String(WorkerPhase.workerDescriptor) }
        env["GLIBC_TUNABLES"] = Self.heapTunables + (env["GLIBC_TUNABLES"].map { ":" + $0 } ?? "")
        var cEnv: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0.key + "=" + $0.value) } + [nil]
        defer { for e in cEnv { free(e) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, command.executable.path, &actions, nil, &cArgs, &cEnv)
        close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
        phase?.closeDescriptor()
        self.phase = phase
        guard rc == 0 else {
            close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
            throw ArticleError(.io, "cannot start a worker process (\(ReaderInput.reason(errno: rc)))", file: command.executable.path)
        }
        pid = child
        jobs = inPipe[1]
        results = outPipe[0]
        messages = errPipe[0]
    }

    private static func pipeClosedOnExec(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Sends job lines in one write; false when the worker is gone.
    func send(_ inputs: [BatchInput]) -> Bool {
        guard jobs >= 0, !inputs.isEmpty,
              (try? OutputFile.writeAll(Data(inputs.map(WorkerWire.job).joined().utf8), to: jobs)) != nil else { return false }
        if outstanding.isEmpty { restartClock() }
        outstanding += inputs
        return true
    }

    /// Files it has reported; with `phase.finished`, which of the outstanding ones it is on.
    var reported: UInt32 = 0
    /// `phase.finished` when the watchdog last looked.
    private var seenFinished: UInt32 = 0

    /// Its current file started now.
    func restartClock() {
        started = DispatchTime.now().uptimeNanoseconds
        startedWall = Date().timeIntervalSince1970
    }

    /// Restarts the clock if it has finished a file since the last look (its results may still
    /// be on their way).
    func noticeProgress() {
        guard let f = phase?.finished, f != seenFinished else { return }
        seenFinished = f
        restartClock()
    }

    /// How many outstanding files it finished without reporting them (when it has died).
    var finishedUnreported: Int {
        guard let f = phase?.finished, f >= reported else { return 0 }
        return min(Int(f - reported), outstanding.count)
    }

    /// No more jobs: the worker finishes what it has and exits.
    func closeJobs() {
        if jobs >= 0 {
            close(jobs)
            jobs = -1
            jobsClosedAt = DispatchTime.now().uptimeNanoseconds
        }
    }

    /// When `closeJobs()` was called (uptime nanoseconds), or 0.
    private(set) var jobsClosedAt: UInt64 = 0

    /// Kills it (SIGKILL), remembering why.
    func kill(because reason: String) {
        if killedFor == nil { killedFor = reason }
        Foundation.kill(pid, SIGKILL)
    }

    /// Whether it has ended, without waiting (a killed worker's pipes may be held open by a
    /// process it started).
    func hasExited() -> Bool {
        if exitStatus != nil { return true }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return false }
        exitStatus = status
        return true
    }

    private var exitStatus: Int32?

    /// Waits for it to end and says how, for a file's record: nil for a clean exit.
    func reap() -> String? {
        closeJobs()
        var status: Int32 = 0
        if let exitStatus {
            status = exitStatus
        } else {
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        close(results)
        close(messages)
        if let killedFor { return killedFor }
        let signal = status & 0x7f
        if signal != 0 {
            let name = strsignal(signal).map { String(cString: $0) }.map { ": " + $0.lowercased() } ?? ""
            return "crashed (signal \(signal)\(name))"
        }
        let code = (status >> 8) & 0xff
        return code == 0 ? nil : "its worker exited with status \(code)"
    }

    /// The last line it wrote to standard error, cleaned for a one-line message.
    var lastMessage: String? {
        let text = String(decoding: lastMessages, as: UTF8.self)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let last = lines.last else { return nil }
        let clean = String(last.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? " " : Character($0) })
        return clean.count > 200 ? String(clean.prefix(200)) + "…" : clean
    }
}
