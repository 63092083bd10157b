import ArticleCore
@testable import ArticleFetch
import Foundation
import Testing

@Suite("Address classes and the network policy")
struct NetworkPolicyTests {
    @Test("Non-public addresses are recognised in every notation", arguments: [
        ("127.0.0.1", IPAddressClass.loopback), ("127.255.0.9", .loopback), ("::1", .loopback), ("[::1]", .loopback),
        ("10.0.0.1", .private), ("172.16.5.4", .private), ("172.31.255.255", .private), ("192.168.1.1", .private),
        ("100.64.0.1", .private), ("100.127.255.254", .private), ("fc00::1", .private), ("fd00:ec2::254", .private),
        ("169.254.169.254", .linkLocal), ("fe80::1", .linkLocal), ("fe80::1%eth0", .linkLocal),
        ("0.0.0.0", .unspecified), ("::", .unspecified), ("224.0.0.1", .multicast), ("ff02::1", .multicast),
        ("255.255.255.255", .multicast), ("::ffff:127.0.0.1", .loopback), ("::ffff:169.254.169.254", .linkLocal),
        ("::ffff:10.0.0.1", .private), ("64:ff9b::a9fe:a9fe", .linkLocal), ("2002:a9fe:a9fe::", .linkLocal),
        ("192.0.2.1", .reserved), ("2001:db8::1", .reserved), ("240.0.0.1", .reserved),
    ])
    func nonPublic(address: String, expected: IPAddressClass) {
        #expect(IPAddressClass(address: address) == expected)
    }

    @Test("Public addresses pass", arguments: ["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:2800:220:1::1", "::ffff:8.8.8.8"])
    func publicAddresses(address: String) {
        #expect(IPAddressClass(address: address) == .public)
    }

    @Test("Names are not addresses, and odd numeric forms are refused outright")
    func numeric() throws {
        #expect(IPAddressClass(address: "example.com") == nil)
        #expect(IPAddressClass(address: "127.1") == nil)
        let policy = NetworkPolicy()
        for host in ["127.1", "2130706433", "0x7f.0.0.1", "0x7f000001", "LOCALHOST", "app.localhost", "localhost."] {
            #expect(throws: ArticleError.self, "\(host)") {
                try policy.check(URL(string: "http://\(host)/")!, origin: .pageResource)
            }
            try policy.check(URL(string: "http://\(host)/")!, origin: .userRequested)
        }
        try policy.check(URL(string: "http://example.com/")!, origin: .pageResource)
        try NetworkPolicy(allowPrivateNetwork: true).check(URL(string: "http://127.0.0.1/")!, origin: .pageResource)
    }

    @Test("Content-Type is split into media type and charset")
    func contentType() {
        #expect(FetchedDocument.parseContentType("Text/HTML; Charset=\"UTF-8\"") == ("text/html", "utf-8"))
        #expect(FetchedDocument.parseContentType("text/html;charset=windows-1252; foo=bar") == ("text/html", "windows-1252"))
        #expect(FetchedDocument.parseContentType("image/jpeg") == ("image/jpeg", nil))
        #expect(FetchedDocument.parseContentType("garbage") == (nil, nil))
        #expect(FetchedDocument.parseContentType(nil) == (nil, nil))
    }
}
