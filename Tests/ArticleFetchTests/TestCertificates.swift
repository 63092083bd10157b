import Crypto
import Foundation
import NIOSSL
import X509

/// A certificate authority and leaf certificates made in the test (no openssl, no files in
/// the repository): the CA's PEM goes to a temporary file for ``FetchConfiguration/extraCAFile``.
struct TestCertificates {
    let caKey = P256.Signing.PrivateKey()
    let caName: DistinguishedName
    let ca: Certificate

    init() throws {
        caName = try DistinguishedName { CommonName("ArticleKit Test CA") }
        let now = Date()
        ca = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(caKey.publicKey),
            notValidBefore: now - 3600, notValidAfter: now + 86_400,
            issuer: caName, subject: caName,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(keyCertSign: true))
            },
            issuerPrivateKey: .init(caKey))
    }

    /// A server TLS configuration for a leaf naming `dnsName`, signed by the CA.
    func serverTLS(dnsName: String = "localhost", expired: Bool = false) throws -> TLSConfiguration {
        let key = P256.Signing.PrivateKey()
        let now = Date()
        let leaf = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
            notValidBefore: expired ? now - 86_400 * 10 : now - 3600,
            notValidAfter: expired ? now - 86_400 : now + 86_400,
            issuer: caName, subject: try DistinguishedName { CommonName(dnsName) },
            extensions: try Certificate.Extensions {
                SubjectAlternativeNames([.dnsName(dnsName)])
                try ExtendedKeyUsage([.serverAuth])
            },
            issuerPrivateKey: .init(caKey))
        let chain = try [leaf, ca].map { try NIOSSLCertificate(bytes: Array($0.serializeAsPEM().pemString.utf8), format: .pem) }
        let privateKey = try NIOSSLPrivateKey(bytes: Array(key.pemRepresentation.utf8), format: .pem)
        return TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
    }

    /// Writes the CA certificate as PEM to a temporary file and returns its path.
    func caFile() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("articlefetch-ca-\(UUID().uuidString).pem").path
        try ca.serializeAsPEM().pemString.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
