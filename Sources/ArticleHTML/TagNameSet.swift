/// A small set of element names, looked up without hashing: the names are grouped by length,
/// so most names (`div`, `span`, `a`, `p`, `li`) are ruled out by their length alone and the
/// rest are compared with the few names as long as they are. Every element of a page is
/// looked up in two of these; as `Set<String>` the hashing was 1.3% of the page benchmark.
struct TagNameSet: ExpressibleByArrayLiteral, Sendable {
    private var byLength: [[String]] = []

    init(arrayLiteral names: String...) {
        byLength = Array(repeating: [], count: (names.map(\.utf8.count).max() ?? 0) + 1)
        for n in names { byLength[n.utf8.count].append(n) }
    }

    func contains(_ name: String) -> Bool {
        let n = name.utf8.count
        return n < byLength.count && byLength[n].contains(name)
    }
}
