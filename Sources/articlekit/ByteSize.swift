import ArgumentParser

/// A size given on the command line: bytes, or a number with a K, M or G suffix (powers of 1024,
/// an optional `B` or `iB` after it): `1G`, `512MiB`, `64k`, `1000`.
struct ByteSize: ExpressibleByArgument, Sendable {
    /// The size in bytes.
    var bytes: Int

    init?(argument: String) {
        var text = Substring(argument.lowercased())
        if text.hasSuffix("ib") { text = text.dropLast(2) } else if text.hasSuffix("b") { text = text.dropLast() }
        var shift = 0
        switch text.last {
        case "k": shift = 10
        case "m": shift = 20
        case "g": shift = 30
        default: break
        }
        if shift > 0 { text = text.dropLast() }
        // Checked: a size too large for Int is refused, not wrapped.
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text), n >= 1,
              n <= Int.max >> shift else { return nil }
        bytes = n << shift
    }
}
