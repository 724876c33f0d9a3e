// swift-tools-version: 6.0
// Benchmarks for gen: not part of the main package or `swift test`. See README.md.
import PackageDescription

let package = Package(
    name: "gen-benchmarks",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "yaml-parse", targets: ["yaml-parse"]),
    ],
    dependencies: [
        // The baseline: its `swift-openapi-generator` CLI product is built in release by `run`
        // (`swift build -c release --product swift-openapi-generator`).
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
    ],
    targets: [
        // libyaml for the bare event-parse baseline (same idea as the main package's CYAML).
        .systemLibrary(
            name: "CYAMLBench",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .executableTarget(name: "yaml-parse", dependencies: ["CYAMLBench"]),
    ],
    swiftLanguageModes: [.v6]
)
