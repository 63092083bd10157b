#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What kind of network an IP address belongs to, as far as the fetch policy cares.
///
/// Only ``public`` addresses may be fetched for a resource that a remote page names (unless
/// ``NetworkPolicy/allowPrivateNetwork`` is set); the other cases say why an address was
/// refused, in the words of the error message.
public enum IPAddressClass: String, Sendable, Hashable, CaseIterable {
    /// An address on the public internet.
    case `public`
    /// Loopback: 127.0.0.0/8, ::1.
    case loopback
    /// Private networks: RFC 1918 (10/8, 172.16/12, 192.168/16), carrier-grade NAT
    /// (100.64/10), unique local IPv6 (fc00::/7, which holds the cloud metadata fd00:ec2::254).
    case `private`
    /// Link-local: 169.254/16 (which holds the cloud metadata 169.254.169.254), fe80::/10.
    case linkLocal = "link-local"
    /// The unspecified address (0.0.0.0/8, ::), which connects to the local host.
    case unspecified
    /// Multicast and broadcast (224/4, 255.255.255.255, ff00::/8).
    case multicast
    /// Ranges reserved for documentation, benchmarks or future use (192.0.0/24, 192.0.2/24,
    /// 198.18/15, 198.51.100/24, 203.0.113/24, 240/4, 2001:db8::/32, 64:ff9b:1::/48 …), which
    /// no public server uses.
    case reserved

    /// Classifies an address written as text (`10.0.0.1`, `::ffff:127.0.0.1`, `[fe80::1]`);
    /// `nil` when the text is not an IP address.
    public init?(address text: String) {
        var trimmed = Substring(text)
        if trimmed.hasPrefix("["), trimmed.hasSuffix("]") { trimmed = trimmed.dropFirst().dropLast() }
        // A zone (`fe80::1%eth0`) only ever appears on link-local addresses.
        if let percent = trimmed.firstIndex(of: "%") { trimmed = trimmed[..<percent] }
        if let v4 = Self.parseIPv4(String(trimmed)) {
            self = Self.classify(v4: v4)
        } else if let v6 = Self.parseIPv6(String(trimmed)) {
            self = Self.classify(v6: v6)
        } else {
            return nil
        }
    }

    /// Classifies the four bytes of an IPv4 address.
    public static func classify(v4 b: [UInt8]) -> IPAddressClass {
        guard b.count == 4 else { return .reserved }
        switch (b[0], b[1]) {
        case (0, _): return .unspecified
        case (127, _): return .loopback
        case (10, _), (172, 16...31), (192, 168): return .private
        case (100, 64...127): return .private
        case (169, 254): return .linkLocal
        case (224...239, _): return .multicast
        case (240...255, _): return b == [255, 255, 255, 255] ? .multicast : .reserved
        case (192, 0) where b[2] == 0 || b[2] == 2: return .reserved
        case (198, 18...19): return .reserved
        case (198, 51) where b[2] == 100: return .reserved
        case (203, 0) where b[2] == 113: return .reserved
        default: return .public
        }
    }

    /// Classifies the sixteen bytes of an IPv6 address. IPv4 addresses carried inside IPv6
    /// (mapped `::ffff:a.b.c.d`, compatible `::a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`, 6to4
    /// `2002:aabb:ccdd::`) are judged by the IPv4 address they carry.
    public static func classify(v6 b: [UInt8]) -> IPAddressClass {
        guard b.count == 16 else { return .reserved }
        let firstTen = b[0..<10].allSatisfy { $0 == 0 }
        if firstTen, b[10] == 0xff, b[11] == 0xff { return classify(v4: Array(b[12..<16])) }
        if b[0..<12].allSatisfy({ $0 == 0 }) {
            if b[12..<15].allSatisfy({ $0 == 0 }) {
                if b[15] == 0 { return .unspecified }
                if b[15] == 1 { return .loopback }
            }
            return classify(v4: Array(b[12..<16]))  // deprecated IPv4-compatible form
        }
        if b[0] == 0x00, b[1] == 0x64, b[2] == 0xff, b[3] == 0x9b {
            if b[4..<12].allSatisfy({ $0 == 0 }) { return classify(v4: Array(b[12..<16])) }
            return .reserved  // 64:ff9b:1::/48, local-use NAT64
        }
        if b[0] == 0x20, b[1] == 0x02 { return classify(v4: Array(b[2..<6])) }  // 6to4
        if b[0] == 0xff { return .multicast }
        if b[0] & 0xfe == 0xfc { return .private }
        if b[0] == 0xfe, b[1] & 0xc0 == 0x80 { return .linkLocal }
        if b[0] == 0xfe, b[1] & 0xc0 == 0xc0 { return .private }  // deprecated site-local
        if b[0] == 0x20, b[1] == 0x01, b[2] == 0x0d, b[3] == 0xb8 { return .reserved }
        if b[0] == 0x01, b[1..<8].allSatisfy({ $0 == 0 }) { return .reserved }  // 100::/64 discard
        // Only 2000::/3 is handed out as global unicast.
        return b[0] & 0xe0 == 0x20 ? .public : .reserved
    }

    /// The four bytes of a dotted-quad IPv4 address (strict: exactly four decimal parts).
    ///
    /// Forms that `inet_aton` and some URL parsers accept (`127.1`, `0x7f.0.0.1`, `2130706433`)
    /// are rejected here; ``NetworkPolicy`` refuses such hosts outright so that no parser reads
    /// them as a public name while the resolver reads them as loopback.
    static func parseIPv4(_ text: String) -> [UInt8]? {
        var address = in_addr()
        guard text.utf8.allSatisfy({ $0 == UInt8(ascii: ".") || (48...57).contains($0) }),
              inet_pton(AF_INET, text, &address) == 1
        else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    /// The sixteen bytes of an IPv6 address.
    static func parseIPv6(_ text: String) -> [UInt8]? {
        var address = in6_addr()
        guard text.contains(":"), inet_pton(AF_INET6, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }
}
