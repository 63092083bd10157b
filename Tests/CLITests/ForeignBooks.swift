import Foundation
import Testing

/// Books ArticleKit did not make, made once per test run with the tools people use: pandoc
/// (EPUB 3 and EPUB 2), calibre's `ebook-convert`, and Info-ZIP `zip` over a Gutenberg-style
/// EPUB 2 folder written by hand (UTF-8 names without the zip's UTF-8 flag, an NCX, a guide).
enum ForeignBooks {
    /// The chapters' titles and text (a few hundred words each, as a short real chapter has).
    static let chapters: [(title: String, text: String)] = [
        ("The Burial of the Dead", "April is the cruellest month, breeding lilacs out of the dead land, mixing memory and desire."),
        ("A Game of Chess", "The chair she sat in, like a burnished throne, glowed on the marble, where the glass held up by standards."),
        ("The Fire Sermon", "The river's tent is broken: the last fingers of leaf clutch and sink into the wet bank."),
    ].enumerated().map { i, c in
        let more = ["The harbour lanterns swung over the grey water while the morning trains left the station.",
                    "Farmers carried the harvest down from the mountain villages before the first winter storm.",
                    "A stranger wrote a long letter every evening and never posted a single page of it."]
        return (c.0, ([c.1] + (0..<12).map { "\(more[($0 + i) % 3]) Paragraph \($0 + 1) of part \(i + 1)." }).joined(separator: "\n\n"))
    }

    /// Folder → name → book; `nil` when a tool is missing (the test says which).
    static let made: [String: URL] = (try? make()) ?? [:]

    static func tool(_ name: String) -> String? {
        for dir in ["/usr/bin", "/usr/local/bin", "/opt/calibre"] where FileManager.default.isExecutableFile(atPath: dir + "/" + name) {
            return dir + "/" + name
        }
        return nil
    }

    @discardableResult
    static func run(_ tool: String, _ args: [String], in dir: URL) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        p.currentDirectoryURL = dir
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        var env = ProcessInfo.processInfo.environment
        env["QT_QPA_PLATFORM"] = "offscreen"
        p.environment = env
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// A PNG of one colour, `side` pixels square (written by Python's zlib: a real image the
    /// book writer can decode).
    static func writePNG(_ url: URL, rgb: (Int, Int, Int), side: Int = 8) throws {
        let script = """
        import struct, zlib, sys
        w = h = \(side)
        row = b"\\x00" + bytes([\(rgb.0), \(rgb.1), \(rgb.2)]) * w
        def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
        png = b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(row * h)) + chunk(b"IEND", b"")
        open(sys.argv[1], "wb").write(png)
        """
        try run("/usr/bin/python3", ["-c", script, url.path], in: url.deletingLastPathComponent())
    }

    static func make() throws -> [String: URL] {
        let dir = try CLIRunner.temporaryDirectory()
        var out: [String: URL] = [:]
        try writePNG(dir.appendingPathComponent("red.png"), rgb: (200, 10, 10))
        try writePNG(dir.appendingPathComponent("blue.png"), rgb: (10, 10, 200))
        try writePNG(dir.appendingPathComponent("cover.png"), rgb: (10, 150, 10), side: 16)
        var md = "---\ntitle: The Waste Land\nauthor: T. S. Eliot\nlang: en-GB\npublisher: Boni and Liveright\ndate: 1922-12-15\nidentifier: urn:isbn:9780000000001\n---\n\n"
        for (i, c) in chapters.enumerated() {
            md += "# \(c.title)\n\n\(c.text)\n\n"
            if i == 0 { md += "![A red square](red.png)\n\n| Name | Line |\n|---|---|\n| Marie | 8 |\n\n" }
            if i == 2 { md += "![A blue square](blue.png)\n\nA note.[^1]\n\n[^1]: The footnote text of the sermon.\n\n" }
        }
        try md.write(to: dir.appendingPathComponent("waste.md"), atomically: true, encoding: .utf8)
        if let pandoc = tool("pandoc") {
            if try run(pandoc, ["waste.md", "-o", "pandoc3.epub", "--epub-cover-image=cover.png"], in: dir) == 0 { out["pandoc3"] = dir.appendingPathComponent("pandoc3.epub") }
            if try run(pandoc, ["waste.md", "-t", "epub2", "-o", "pandoc2.epub"], in: dir) == 0 { out["pandoc2"] = dir.appendingPathComponent("pandoc2.epub") }
            if let calibre = tool("ebook-convert"), try run(pandoc, ["waste.md", "-s", "-o", "waste.html"], in: dir) == 0,
               try run(calibre, ["waste.html", "calibre.epub", "--title", "The Waste Land", "--authors", "T. S. Eliot", "--language", "en",
                                 "--no-default-epub-cover"], in: dir) == 0 {
                out["calibre"] = dir.appendingPathComponent("calibre.epub")
            }
        }
        if let zip = tool("zip") {
            try gutenbergFolder(dir.appendingPathComponent("gutenberg"))
            let g = dir.appendingPathComponent("gutenberg")
            if try run(zip, ["-X0", "../gutenberg.epub", "mimetype"], in: g) == 0, try run(zip, ["-Xr9D", "../gutenberg.epub", "META-INF", "OEBPS"], in: g) == 0 {
                out["gutenberg"] = dir.appendingPathComponent("gutenberg.epub")
            }
        }
        return out
    }

    /// An EPUB 2 folder as Project Gutenberg's older books are laid out, with a Japanese file name.
    static func gutenbergFolder(_ g: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: g.appendingPathComponent("META-INF"), withIntermediateDirectories: true)
        try fm.createDirectory(at: g.appendingPathComponent("OEBPS/images"), withIntermediateDirectories: true)
        try "application/epub+zip".write(to: g.appendingPathComponent("mimetype"), atomically: true, encoding: .utf8)
        try """
        <?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>
        """.write(to: g.appendingPathComponent("META-INF/container.xml"), atomically: true, encoding: .utf8)
        try writePNG(g.appendingPathComponent("OEBPS/images/plate.png"), rgb: (120, 60, 0))
        var manifest = "<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n<item id=\"plate\" href=\"images/plate.png\" media-type=\"image/png\"/>\n"
        var spine = "", points = ""
        for (i, c) in chapters.enumerated() {
            let name = i == 0 ? "表紙-\(i).xhtml" : "chap\(i).xhtml"
            let img = i == 1 ? "<div class=\"figcenter\"><img src=\"images/plate.png\" alt=\"A plate\"/></div>" : ""
            try """
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title>\(c.title)</title></head>
            <body><div class="chapter"><h2>\(c.title)</h2><p>\(c.text.replacingOccurrences(of: "\n\n", with: "</p>\n<p>"))</p>\(img)</div></body></html>
            """.write(to: g.appendingPathComponent("OEBPS/" + name), atomically: true, encoding: .utf8)
            let href = name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name
            manifest += "<item id=\"item\(i)\" href=\"\(href)\" media-type=\"application/xhtml+xml\"/>\n"
            spine += "<itemref idref=\"item\(i)\"/>\n"
            points += "<navPoint id=\"np\(i)\" playOrder=\"\(i + 1)\"><navLabel><text>\(c.title)</text></navLabel><content src=\"\(href)\"/></navPoint>\n"
        }
        try """
        <?xml version="1.0" encoding="utf-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
        <dc:title>The Waste Land</dc:title><dc:creator opf:file-as="Eliot, T. S." opf:role="aut">T. S. Eliot</dc:creator>
        <dc:language>en</dc:language><dc:identifier id="id" opf:scheme="URI">http://www.gutenberg.org/1321</dc:identifier>
        <dc:publisher>Project Gutenberg</dc:publisher><dc:date opf:event="publication">1998-04-01</dc:date>
        </metadata>
        <manifest>\(manifest)</manifest>
        <spine toc="ncx">\(spine)</spine>
        <guide><reference type="text" title="Start" href="chap1.xhtml"/></guide>
        </package>
        """.write(to: g.appendingPathComponent("OEBPS/content.opf"), atomically: true, encoding: .utf8)
        try """
        <?xml version="1.0" encoding="utf-8"?>
        <ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><head><meta name="dtb:uid" content="http://www.gutenberg.org/1321"/></head>
        <docTitle><text>The Waste Land</text></docTitle><navMap>\(points)</navMap></ncx>
        """.write(to: g.appendingPathComponent("OEBPS/toc.ncx"), atomically: true, encoding: .utf8)
    }

    /// Python's own reading of two books (zipfile, the OPF's spine, the text of each spine
    /// document): the share of the first book's words the second keeps, and each one's images.
    static func compare(_ source: URL, _ rebuilt: URL) throws -> (kept: Double, sourceImages: Int, rebuiltImages: Int) {
        let script = """
        import zipfile, re, sys, html, collections, posixpath, urllib.parse
        def book(path):
            z = zipfile.ZipFile(path)
            names = z.namelist()
            opf = re.search(r'full-path="([^"]+)"', z.read("META-INF/container.xml").decode()).group(1)
            o = z.read(opf).decode("utf-8")
            base = posixpath.dirname(opf)
            items = {}
            for m in re.finditer(r'<item\\b[^>]*>', o):
                a = dict(re.findall(r'([\\w-]+)="([^"]*)"', m.group(0)))
                items[a.get("id", "").strip()] = (posixpath.normpath(posixpath.join(base, urllib.parse.unquote(a.get("href", "").strip()))), a.get("media-type", ""), a.get("properties", ""))
            words = collections.Counter()
            for idref in re.findall(r'<itemref\\b[^>]*idref="([^"]+)"', o):
                path, mt, props = items.get(idref.strip(), ("", "", ""))
                if "nav" in props.split() or path not in names: continue
                t = z.read(path).decode("utf-8", "replace")
                t = re.sub(r'(?s)<head.*?</head>|<[^>]+>', ' ', t)
                words.update(w.lower() for w in re.findall(r'\\w+', html.unescape(t)))
            images = [p for p, mt, props in items.values() if mt.startswith("image/") and not posixpath.basename(p).startswith("cover.")]
            return words, len(images)
        a, ai = book(sys.argv[1]); b, bi = book(sys.argv[2])
        kept = sum(min(n, b[w]) for w, n in a.items())
        print(kept / max(1, sum(a.values())), ai, bi)
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = ["-c", script, source.path, rebuilt.path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let parts = text.split(whereSeparator: \.isWhitespace)
        guard parts.count == 3, let kept = Double(parts[0]), let a = Int(parts[1]), let b = Int(parts[2]) else { return (0, 0, 0) }
        return (kept, a, b)
    }
}
