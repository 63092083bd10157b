import ArticleCore
import ArticleSupport
import Foundation

/// Tells DRM from font obfuscation: `META-INF/encryption.xml` may only obfuscate fonts (the IDPF
/// and Adobe algorithms) or note how an entry is compressed; anything else encrypted, or an
/// Adobe `rights.xml`, means the book's text cannot be read without the vendor's key.
enum EPUBEncryption {
    static let fontObfuscation: Set<String> = ["http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"]
    /// The "algorithm" of an entry that is only compressed, not encrypted.
    static let compressionOnly = "http://www.idpf.org/2016/encryption#compression"

    static func refuseDRM(_ archive: EPUBArchive, name: String) throws(ArticleError) {
        let drm = ArticleError(.encrypted, "this book is DRM-protected (its content is encrypted); ArticleKit cannot read it", file: name)
        if archive.contains("META-INF/rights.xml") { throw drm }
        guard archive.contains("META-INF/encryption.xml") else { return }
        let doc = try EPUBXML.parse(archive.data("META-INF/encryption.xml"), path: "META-INF/encryption.xml", book: name)
        for data in doc.root?.descendants(named: "EncryptedData") ?? [] {
            // An entry listed only for its compression (OCF's <Compression> property, with no
            // encryption method, or none named) is not encrypted.
            let method = data.descendants(named: "EncryptionMethod").first?.attribute("Algorithm")?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if method.isEmpty || method == compressionOnly || fontObfuscation.contains(method) { continue }
            throw drm
        }
    }
}
