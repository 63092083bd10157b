/// Admits at most `total` requests at once, and at most `perHost` to one origin, waiting
/// first come, first served. A request holds its slot from connecting until its body is read,
/// so no more connections than that are ever in use.
actor ConnectionLimiter {
    private let total: Int
    private let perHost: Int
    private var inUse = 0
    private var perOrigin: [String: Int] = [:]
    private var waiting: [(origin: String, continuation: CheckedContinuation<Void, Never>)] = []

    init(total: Int, perHost: Int) {
        self.total = max(1, total)
        self.perHost = max(1, perHost)
    }

    /// Runs `body` holding a slot for `origin`.
    func withSlot<T: Sendable>(
        for origin: String, _ body: @Sendable () async throws -> T
    ) async throws -> T {
        await acquire(origin)
        defer { release(origin) }
        return try await body()
    }

    private func fits(_ origin: String) -> Bool {
        inUse < total && perOrigin[origin, default: 0] < perHost
    }

    private func acquire(_ origin: String) async {
        if waiting.isEmpty || !waiting.contains(where: { $0.origin == origin }), fits(origin) {
            take(origin)
            return
        }
        await withCheckedContinuation { waiting.append((origin, $0)) }
    }

    private func take(_ origin: String) {
        inUse += 1
        perOrigin[origin, default: 0] += 1
    }

    private func release(_ origin: String) {
        inUse -= 1
        perOrigin[origin, default: 1] -= 1
        if perOrigin[origin] == 0 { perOrigin[origin] = nil }
        // Wake, in order, every waiter that now fits (a slot of another origin may fit one).
        var index = 0
        while index < waiting.count {
            let origin = waiting[index].origin
            if fits(origin) {
                take(origin)
                waiting.remove(at: index).continuation.resume()
            } else {
                index += 1
            }
        }
    }
}
