// swift-tools-version: 6.1
import PackageDescription

// A package outside ArticleKit that adds a format (an Atom feed) and a transform (reading time),
// and converts with them through ArticleKit's converter and batch runner. It depends on the
// ArticleKit checkout two folders up; another project would name ArticleKit's repository instead.
let package = Package(
    name: "CustomExporter",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "AtomExporter", targets: ["AtomExporter"]),
        .executable(name: "custom-exporter", targets: ["custom-exporter"]),
    ],
    dependencies: [
        .package(name: "ArticleKit", path: "../.."),
    ],
    targets: [
        .target(name: "AtomExporter", dependencies: [
            .product(name: "ArticleKit", package: "ArticleKit"),
        ]),
        .executableTarget(name: "custom-exporter", dependencies: [
            "AtomExporter",
            .product(name: "ArticleKit", package: "ArticleKit"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
