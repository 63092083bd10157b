import ArticleCore
import Foundation
import Testing

/// The one rule for which local files a document may embed.
@Suite struct LocalFilePolicyTests {
    /// A 1×1 PNG.
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52,
                           0, 0, 0, 1, 0, 0, 0, 1, 0x08, 0x06, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89])

    /// `root/doc/` holds the document and `pics/ok.png`; `root/outside/` a real image the
    /// document must not reach; `doc/link.png` is a link to it.
    struct Tree {
        let root: URL
        var doc: URL { root.appendingPathComponent("doc") }
        var outside: URL { root.appendingPathComponent("outside") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("policy-\(UUID().uuidString)")
            let fm = FileManager.default
            try fm.createDirectory(at: root.appendingPathComponent("doc/pics"), withIntermediateDirectories: true)
            try fm.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
            try png.write(to: root.appendingPathComponent("doc/pics/ok.png"))
            try png.write(to: root.appendingPathComponent("outside/secret.png"))
            try Data("root:x:0:0:root:/root:/bin/sh\n".utf8).write(to: root.appendingPathComponent("doc/fake.png"))
            try fm.createSymbolicLink(atPath: root.appendingPathComponent("doc/link.png").path,
                                      withDestinationPath: root.appendingPathComponent("outside/secret.png").path)
        }

        func policy(_ origin: DocumentOrigin = .local, resources: [URL] = [], maximumSize: Int = LocalFilePolicy.defaultMaximumSize) -> LocalFilePolicy {
            LocalFilePolicy(documentFolder: doc, resourceFolders: resources, origin: origin, maximumSize: maximumSize)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    func refusal(_ result: Result<LocalImage, LocalFileRefusal>?) -> LocalFileRefusal.Reason? {
        if case .failure(let r)? = result { return r.reason }
        return nil
    }

    @Test func referencesThatNameNoLocalFileAreNotThePolicysBusiness() {
        for s in ["https://example.org/a.png", "HTTP://x/a.png", "//cdn.example.org/a.png", "data:image/png;base64,AAAA", "mailto:a@b", "  ", ""] {
            #expect(LocalFilePolicy.localPath(of: s) == nil, "\(s)")
        }
        #expect(LocalFilePolicy.localPath(of: "pics/a%20b.png#x") == "pics/a b.png")
        #expect(LocalFilePolicy.localPath(of: "%2e%2e/%2E%2E/etc/passwd") == "../../etc/passwd")
        #expect(LocalFilePolicy.localPath(of: "FILE:///etc/passwd") == "/etc/passwd")
        #expect(LocalFilePolicy.localPath(of: "file://somehost/etc/passwd?x=1") == "/etc/passwd")
        #expect(LocalFilePolicy.localPath(of: "file:/etc/passwd") == "/etc/passwd")
        #expect(LocalFilePolicy.localPath(of: "/etc/passwd") == "/etc/passwd")
    }

    @Test func anImageInsideTheFolderIsLoadedByAnyOfItsNames() throws {
        let t = try Tree()
        defer { t.remove() }
        for ref in ["pics/ok.png", "./pics/../pics/ok.png", "pics/%6Fk.png", t.doc.path + "/pics/ok.png", "file://" + t.doc.path + "/pics/ok.png"] {
            guard case .success(let image)? = t.policy().image(for: ref) else { Issue.record("\(ref) refused"); continue }
            #expect(image.data == Self.png && image.format == .png)
        }
    }

    @Test func everyWayOutOfTheFolderIsRefused() throws {
        let t = try Tree()
        defer { t.remove() }
        let secret = t.outside.appendingPathComponent("secret.png").path
        for ref in [secret, "../outside/secret.png", "file://" + secret, "%2e%2e/outside/secret.png", "pics/../../outside/secret.png",
                    "link.png", "/etc/passwd", "/dev/zero"] {
            #expect(refusal(t.policy().image(for: ref)) == .outsideAllowedFolders, "\(ref)")
        }
        if case .failure(let r)? = t.policy().image(for: secret) { #expect(r.description == "outside the document's folder") }
    }

    @Test func aResourcePathFolderIsAllowedAndSearched() throws {
        let t = try Tree()
        defer { t.remove() }
        let policy = t.policy(resources: [t.outside])
        for ref in ["secret.png", "../outside/secret.png", "link.png", t.outside.path + "/secret.png"] {
            guard case .success(let image)? = policy.image(for: ref) else { Issue.record("\(ref) refused"); continue }
            #expect(image.path.hasSuffix("/outside/secret.png"))
        }
        #expect(refusal(policy.image(for: "/etc/passwd")) == .outsideAllowedFolders)
    }

    @Test func onlyRegularImageFilesWithinTheCapAreRead() throws {
        let t = try Tree()
        defer { t.remove() }
        #expect(refusal(t.policy().image(for: "fake.png")) == .notAnImage)
        #expect(refusal(t.policy().image(for: "pics")) == .notRegularFile)
        #expect(refusal(t.policy().image(for: "none.png")) == .notFound)
        #expect(refusal(t.policy(maximumSize: 16).image(for: "pics/ok.png")) == .tooLarge)
        #expect(refusal(t.policy(resources: [URL(fileURLWithPath: "/dev")]).image(for: "/dev/zero")) == .notRegularFile)
    }

    @Test(.timeLimit(.minutes(1))) func aPipeIsNeverOpenedSoNothingHangs() throws {
        let t = try Tree()
        defer { t.remove() }
        let fifo = t.doc.appendingPathComponent("pipe.png").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let started = Date()
        #expect(refusal(t.policy().image(for: "pipe.png")) == .notRegularFile)
        #expect(refusal(LocalFilePolicy.userImage(atPath: fifo)) == .notRegularFile)
        #expect(refusal(LocalFilePolicy.userImage(atPath: "/dev/zero")) == .notRegularFile)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test func documentsFromBooksOrTheNetworkNeverReachLocalFiles() throws {
        let t = try Tree()
        defer { t.remove() }
        for origin in [DocumentOrigin.book, .remote] {
            #expect(refusal(t.policy(origin).image(for: "pics/ok.png")) == .untrustedOrigin)
            #expect(refusal(t.policy(origin, resources: [t.outside]).image(for: "file://" + t.outside.path + "/secret.png")) == .untrustedOrigin)
            #expect(t.policy(origin).image(for: "https://example.org/a.png") == nil)
        }
        #expect(DocumentOrigin.remote.restricted(to: .book) == .remote)
        #expect(DocumentOrigin.local.restricted(to: .book) == .book)
    }

    @Test func standardInputResolvesAgainstTheCurrentFolder() {
        var context = ConversionContext(inputName: "-")
        context.options.resourcePaths = ["extra"]
        let policy = LocalFilePolicy(context: context)
        let cwd = FileManager.default.currentDirectoryPath
        #expect(policy.documentFolder.standardizedFileURL.path == URL(fileURLWithPath: cwd).standardizedFileURL.path)
        #expect(policy.resourceFolders.map(\.path) == [URL(fileURLWithPath: cwd).appendingPathComponent("extra").path])
        let file = LocalFilePolicy(context: ConversionContext(inputName: "/srv/articles/a.md"))
        #expect(file.documentFolder.path == "/srv/articles")
    }

    @Test func theUsersOwnCoverMayBeAnywhereButMustBeAnImage() throws {
        let t = try Tree()
        defer { t.remove() }
        guard case .success(let image) = LocalFilePolicy.userImage(atPath: t.doc.appendingPathComponent("link.png").path) else {
            Issue.record("the user's cover through a link is refused"); return
        }
        #expect(image.data == Self.png)
        #expect(refusal(LocalFilePolicy.userImage(atPath: t.doc.appendingPathComponent("fake.png").path)) == .notAnImage)
        #expect(refusal(LocalFilePolicy.userImage(atPath: t.root.path)) == .notRegularFile)
    }

    @Test func imagesAreToldByTheirBytes() {
        #expect(ImageFormat.sniff(Self.png) == .png)
        #expect(ImageFormat.sniff(Data("GIF89a\u{1}\u{0}\u{1}\u{0}".utf8)) == .gif)
        let svg = "\u{FEFF}<?xml version=\"1.0\"?>\n<!-- drawn -->\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        #expect(ImageFormat.sniff(Data(svg.utf8)) == .svg)
        #expect(ImageFormat.sniff(Data("<svg>".utf8)) == .svg)
        for text in ["<html><svg></svg></html>", "<svgfoo>", "root:x:0:0", "<?xml version=\"1.0\"?><note/>", "<!-- never closed <svg>"] {
            #expect(ImageFormat.sniff(Data(text.utf8)) == nil, "\(text)")
        }
    }
}
