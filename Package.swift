// swift-tools-version: 6.1
import PackageDescription

// The SwiftNIO pieces ArticleFetch and its tests (which run their own servers) both use.
let swiftNIOProducts: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
    .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
    .product(name: "NIOSSL", package: "swift-nio-ssl"),
    .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
]

// One target per format, as laid out in DESIGN.md. Dependencies point one way:
// articlekit → ArticleKit → formats → ArticleSupport / ArticleCore.
let package = Package(
    name: "ArticleKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ArticleKit", targets: ["ArticleKit"]),
        .library(name: "ArticleCore", targets: ["ArticleCore"]),
        // The formats without the pipeline library and its network stack (SwiftNIO, TLS): the
        // fuzz targets (Fuzz/) link this, so their sanitizer build skips BoringSSL and NIO.
        .library(name: "ArticleFormats", targets: [
            "ArticleCore", "ArticleText", "ArticleJSON", "ArticleMarkdown", "ArticleHTML", "ArticleEPUB", "ArticleImages", "ArticleLanguage",
        ]),
        .executable(name: "articlekit", targets: ["articlekit"]),
    ],
    dependencies: [
        // `swift package generate-documentation --target ArticleKit` (scripts/check-docs.sh).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // ArticleFetch's HTTP client (SwiftNIO, TLS by swift-nio-ssl); see Sources/ArticleFetch.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Already under AsyncHTTPClient; named here for the products ArticleFetch and its tests
        // use directly (TLS roots, locks, the tests' loopback servers and test certificates).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        .target(name: "ArticleCore"),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        .target(name: "ArticleSupport", dependencies: ["ArticleCore", "CLibXML2"]),
        // Images (libvips; the raster cover on pango, cairo and libjpeg) through the CVips C shim:
        // libvips's C API is variadic, which Swift cannot call. The shim loads those libraries
        // with dlopen when an image first needs them (Sources/CVips/loader.c), so the binary does
        // not link them: linked, they were 90 of the 107 shared libraries loaded at every start
        // (hdf5, OpenEXR, curl, gnutls, X11, ...), 25 ms of each conversion, batch worker and test.
        // Why no pkg-config target any more: SwiftPM adds a pkg-config target's `--libs` to the
        // link whatever its module map says (a module map without `link` still gets `-lvips`), and
        // undoing that takes `-Wl,--as-needed`, an unsafe flag (refused in a package used as a
        // dependency, as examples/CustomExporter uses this one) that would also have to come
        // before the pkg-config flags on the link line. So the shim declares the few libvips,
        // GLib, pango and cairo types it uses itself (Sources/CVips/lazy.h, checked against the
        // real headers by scripts/check-cvips-declarations.sh) and includes only <jpeglib.h>,
        // which is on the compiler's default path (libjpeg-dev). Building needs no image headers
        // but that one; running an image step needs libvips42 (libvips-dev brings it). `dl` is
        // glibc's own since 2.34 and a separate library before.
        .target(name: "CVips", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        .target(name: "ArticleImages", dependencies: ["ArticleCore", "ArticleSupport", "CVips"]),
        // Language detection by CLD2 (Chrome's detector): its API is C++, so Swift calls it through
        // the one C function of the CCLD2 shim. Only the pipeline (ArticleKit) uses it; readers and
        // writers stay free of it (MarkdownWriter is handed the detector by the standard registry).
        .target(name: "CCLD2", linkerSettings: [.linkedLibrary("cld2")]),
        .target(name: "ArticleLanguage", dependencies: ["ArticleCore", "CCLD2"]),
        .target(name: "ArticleText", dependencies: ["ArticleCore"]),
        .target(name: "ArticleJSON", dependencies: ["ArticleCore"]),
        // Web archives (WARC, .warc.gz member by member) on zlib; ArticleKit's RecordStream reads
        // their pages with the HTML reader.
        .systemLibrary(name: "CArticleZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(name: "ArticleWARC", dependencies: ["ArticleCore", "CArticleZlib"]),
        .target(name: "ArticleMarkdown", dependencies: [
            "ArticleCore", "CCmarkGFM",
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "ArticleHTML", dependencies: ["ArticleCore", "ArticleSupport"]),
        .target(name: "ArticleEPUB", dependencies: [
            "ArticleCore", "ArticleSupport", "ArticleHTML",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "ArticleFetch", dependencies: [
            "ArticleCore",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ] + swiftNIOProducts),
        // RSS, Atom, JSON Feed and OPML → feeds and their items; never the network.
        .target(name: "ArticleFeed", dependencies: ["ArticleCore", "ArticleSupport"]),
        .target(name: "ArticleKit", dependencies: [
            "ArticleCore", "ArticleText", "ArticleJSON", "ArticleMarkdown", "ArticleHTML", "ArticleEPUB", "ArticleImages",
            "ArticleFetch", "ArticleLanguage", "ArticleFeed", "ArticleWARC",
        ]),
        .executableTarget(name: "articlekit", dependencies: [
            "ArticleKit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .executableTarget(name: "articlekit-bench", dependencies: ["ArticleKit"]),

        // The third-party exporter example, examples/CustomExporter: a package of its own, which
        // is how a user builds it; compiled here too, from the same files and against the same
        // public API, so that CI checks it in the one build (scripts/check-custom-exporter.sh)
        // instead of building SwiftNIO and BoringSSL a second time for it (about 250 s).
        .target(name: "AtomExporter", dependencies: ["ArticleKit"], path: "examples/CustomExporter/Sources/AtomExporter"),
        .executableTarget(name: "custom-exporter", dependencies: ["AtomExporter", "ArticleKit"], path: "examples/CustomExporter/Sources/custom-exporter"),

        .testTarget(name: "ArticleCoreTests", dependencies: ["ArticleCore"]),
        .testTarget(name: "ArticleLanguageTests", dependencies: ["ArticleLanguage", "ArticleCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ArticleTextTests", dependencies: ["ArticleText"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ArticleJSONTests", dependencies: ["ArticleJSON", "ArticleText"]),
        .testTarget(name: "ArticleMarkdownTests", dependencies: ["ArticleMarkdown", "ArticleJSON", "ArticleLanguage", "CCmarkGFM"]),
        .testTarget(name: "ArticleSupportTests", dependencies: ["ArticleSupport", "ArticleCore"]),
        .testTarget(name: "ArticleHTMLTests", dependencies: ["ArticleHTML", "ArticleCore", "ArticleSupport"]),
        .testTarget(name: "ArticleKitTests", dependencies: ["ArticleKit"]),
        .testTarget(name: "ArticleFeedTests", dependencies: ["ArticleFeed", "ArticleCore"]),
        .testTarget(name: "ArticleWARCTests", dependencies: ["ArticleWARC", "CArticleZlib"]),
        // The CLI's web tests run the loopback servers of ArticleFetchTests (linked in, not copied)
        // and make their images with libvips.
        .testTarget(name: "CLITests", dependencies: ["articlekit", "CVips", "CArticleZlib"] + swiftNIOProducts, exclude: ["Golden", "Hostile"]),
        .testTarget(name: "ArticleEPUBTests", dependencies: [
            "ArticleEPUB", "ArticleKit", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["Golden", "Books"]),
        .testTarget(name: "ArticleHTMLWriterTests", dependencies: ["ArticleHTML"]),
        .testTarget(name: "ArticleImagesTests", dependencies: ["ArticleImages", "CVips", "ArticleKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "ArticleFetchTests", dependencies: [
            "ArticleFetch", "ArticleKit", "CVips", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ] + swiftNIOProducts + [
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
