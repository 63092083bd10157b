// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets, one per reader. Built by Fuzz/run.sh with -sanitize=fuzzer,address, so
// ArticleKit itself is instrumented too. Each target reads the bytes as its format, then writes
// what it read in every output format, so the writers are fuzzed along with the reader. They
// link the formats alone (ArticleKit's ArticleFormats product), not the pipeline library, whose
// network stack (SwiftNIO, BoringSSL) was most of the sanitizer build's time.
let readers = ["Text", "JSON", "JSONLines", "Markdown", "HTML", "EPUB"]

let package = Package(
    name: "ArticleKitFuzz",
    dependencies: [.package(name: "ArticleKit", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "ArticleFormats", package: "ArticleKit")]),
    ] + readers.map { name in
        .executableTarget(name: "Fuzz\(name)", dependencies: ["FuzzSupport"])
    },
    swiftLanguageModes: [.v6]
)
