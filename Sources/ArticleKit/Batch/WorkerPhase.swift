import Foundation

/// Where a worker is, in a page of memory the worker and the parent share: how many files it has
/// finished (the parent's watchdog restarts a file's clock when the count moves, and after a crash
/// it tells the file the worker died on from those finished but not yet reported), and whether it
/// is reading or writing the current one (for "while reading" / "while writing"). A line on the
/// pipe for each would wake the parent more than once per file.
final class WorkerPhase {
    /// The environment variable that names the worker's file descriptor of the page.
    static let environmentKey = "ARTICLEKIT_WORKER_PHASE_FD"
    /// The descriptor number the worker finds the page at.
    static let workerDescriptor: Int32 = 3
    static let reading: UInt8 = 0, writing: UInt8 = 1

    private let page: UnsafeMutableRawPointer
    /// The parent's descriptor of the page until the worker has it, then -1.
    private(set) var descriptor: Int32

    /// A new page (the parent's side), in an unlinked temporary file.
    init?() {
        var template = Array((NSTemporaryDirectory() + "/articlekit-phase-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { return nil }
        unlink(template)
        // Above the three standard descriptors and the one the worker gets it at, so the spawn's
        // dup2 always copies (a dup2 onto itself would keep close-on-exec set).
        let high = fcntl(fd, F_DUPFD_CLOEXEC, 10)
        close(fd)
        guard high >= 0, ftruncate(high, 4096) == 0, let p = Self.map(high) else {
            if high >= 0 { close(high) }
            return nil
        }
        page = p
        descriptor = high
    }

    /// The worker's side: the page the parent passed, if it passed one.
    init?(worker: Void) {
        guard let value = ProcessInfo.processInfo.environment[Self.environmentKey], let fd = Int32(value), let p = Self.map(fd) else { return nil }
        page = p
        descriptor = -1
        close(fd)
    }

    private static func map(_ fd: Int32) -> UnsafeMutableRawPointer? {
        let p = mmap(nil, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)
        return p == MAP_FAILED ? nil : p
    }

    /// Reading or writing.
    var value: UInt8 {
        get { page.load(as: UInt8.self) }
        set { page.storeBytes(of: newValue, as: UInt8.self) }
    }

    /// When the worker started its current file, in seconds since 1970: the outputs a worker
    /// that died left of that file are the ones written since.
    var fileStarted: Double {
        get { page.load(fromByteOffset: 8, as: Double.self) }
        set { page.storeBytes(of: newValue, toByteOffset: 8, as: Double.self) }
    }

    /// Files finished since the worker started.
    var finished: UInt32 {
        get { page.load(fromByteOffset: 4, as: UInt32.self) }
        set { page.storeBytes(of: newValue, toByteOffset: 4, as: UInt32.self) }
    }

    /// The worker has its copy: the parent's descriptor is no longer needed.
    func closeDescriptor() {
        if descriptor >= 0 { close(descriptor); descriptor = -1 }
    }

    deinit {
        closeDescriptor()
        munmap(page, 4096)
    }
}
