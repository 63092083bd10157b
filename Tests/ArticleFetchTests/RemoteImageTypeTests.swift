import ArticleCore
@testable import ArticleFetch
import Foundation
import Testing

/// A downloaded image's type comes from its bytes, whatever the server or the URL says.
@Suite("Remote image types by their bytes")
struct RemoteImageTypeTests {
    @Test("Formats the normaliser converts are recognised from libvips-made files")
    func formatsFromBytes() throws {
        #expect(RemoteImageType.sniff(try TestImages.make(32, 24, suffix: ".jpg"))?.mediaType == "image/jpeg")
        #expect(RemoteImageType.sniff(try TestImages.make(32, 24, suffix: ".webp"))?.mediaType == "image/webp")
        #expect(RemoteImageType.sniff(try TestImages.make(32, 24, suffix: ".tif")) == .tiff)
        #expect(RemoteImageType.sniff(try TestImages.make(32, 24, suffix: ".avif")) == .avif)
    }

    @Test("Pages, text, empty bodies and truncated signatures are not images")
    func notImages() {
        for body in ["<!DOCTYPE html><html><body>404</body></html>", "{\"error\": \"not found\"}", "", "BM", "II*"] {
            #expect(RemoteImageType.sniff(Data(body.utf8)) == nil, "\(body)")
        }
    }
}
