import ArticleKit
import Foundation

/// The batch progress line on stderr: done/total, files per second, ETA and failures, redrawn in
/// place at most ten times a second. Messages printed through it appear above the line.
final class ProgressBar: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDraw: Double = 0
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    func update(_ p: BatchProgress, force: Bool = false) {
        guard enabled else { return }
        lock.withLock {
            let now = Date().timeIntervalSince1970
            guard force || now - lastDraw >= 0.1 else { return }
            lastDraw = now
            draw(p)
        }
    }

    /// Prints a line above the bar (or plainly when there is no bar).
    func message(_ line: String) {
        lock.withLock {
            if enabled && drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            FileHandle.standardError.write(Data((line + "\n").utf8))
            drawn = false
        }
    }

    func finish() {
        guard enabled else { return }
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            drawn = false
        }
    }

    private func draw(_ p: BatchProgress) {
        let width = 24
        let total = max(p.total, 1)
        let filled = min(width, p.done * width / total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let rate = p.elapsed > 0 ? Double(p.done) / p.elapsed : 0
        let eta = rate > 0 ? Double(p.total - p.done) / rate : 0
        var line = "\r\u{1B}[K\(bar) \(p.done)/\(p.total) files  \(Int(rate.rounded())) files/s  ETA \(Self.duration(eta))"
        if p.failed > 0 { line += "  \(p.failed) failed" }
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    static func duration(_ s: Double) -> String {
        let t = Int(s.rounded())
        return t >= 3600 ? String(format: "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60) : String(format: "%d:%02d", t / 60, t % 60)
    }
}
