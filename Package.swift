// swift-tools-version: 6.1
import PackageDescription

// One target per format, as laid out in DESIGN.md. Dependencies point one way:
// articlekit → ArticleKit → formats → ArticleSupport / ArticleCore.
let package = Package(
    name: "ArticleKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ArticleKit", targets: ["ArticleKit"]),
        .library(name: "ArticleCore", targets: ["ArticleCore"]),
        .executable(name: "articlekit", targets: ["articlekit"]),
    ],
    dependencies: [
        // `swift package generate-documentation --target ArticleKit` (scripts/check-docs.sh).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
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
        // libvips for images: its C API is variadic, so Swift calls it through the small CVips shim;
        // CLibVips only carries libvips's pkg-config flags to the shim.
        .systemLibrary(
            name: "CLibVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"]), .brew(["vips"])]
        ),
        .target(name: "CVips", dependencies: ["CLibVips"]),
        .target(name: "ArticleImages", dependencies: ["ArticleCore", "ArticleSupport", "CVips"]),
        .target(name: "ArticleText", dependencies: ["ArticleCore"]),
        .target(name: "ArticleJSON", dependencies: ["ArticleCore"]),
        .target(name: "ArticleMarkdown", dependencies: [
            "ArticleCore", "CCmarkGFM",
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "ArticleHTML", dependencies: ["ArticleCore", "ArticleSupport"]),
        .target(name: "ArticleEPUB", dependencies: [
            "ArticleCore", "ArticleSupport", "ArticleHTML",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "ArticleKit", dependencies: [
            "ArticleCore", "ArticleText", "ArticleJSON", "ArticleMarkdown", "ArticleHTML", "ArticleEPUB", "ArticleImages",
        ]),
        .executableTarget(name: "articlekit", dependencies: [
            "ArticleKit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .executableTarget(name: "articlekit-bench", dependencies: ["ArticleKit"]),

        .testTarget(name: "ArticleCoreTests", dependencies: ["ArticleCore"]),
        .testTarget(name: "ArticleTextTests", dependencies: ["ArticleText"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ArticleJSONTests", dependencies: ["ArticleJSON", "ArticleText"]),
        .testTarget(name: "ArticleMarkdownTests", dependencies: ["ArticleMarkdown", "ArticleJSON", "CCmarkGFM"]),
        .testTarget(name: "ArticleSupportTests", dependencies: ["ArticleSupport", "ArticleCore"]),
        .testTarget(name: "ArticleHTMLTests", dependencies: ["ArticleHTML", "ArticleCore", "ArticleSupport"]),
        .testTarget(name: "ArticleKitTests", dependencies: ["ArticleKit"]),
        .testTarget(name: "CLITests", dependencies: ["articlekit"], exclude: ["Golden", "Hostile"]),
        .testTarget(name: "ArticleEPUBTests", dependencies: [
            "ArticleEPUB", "ArticleKit", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["Golden", "Books"]),
        .testTarget(name: "ArticleHTMLWriterTests", dependencies: ["ArticleHTML"]),
        .testTarget(name: "ArticleImagesTests", dependencies: ["ArticleImages", "CVips", "ArticleKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    ],
    swiftLanguageModes: [.v6]
)
