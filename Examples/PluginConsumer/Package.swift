// swift-tools-version: 6.2
import PackageDescription

// A package that uses gen the way any other package would: a dependency and a plugin line.
let package = Package(
    name: "PluginConsumer",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "gen", path: "../.."),
    ],
    targets: [
        // openapi.yaml and gen-config.yaml live in the target; `swift build` regenerates on change.
        .target(name: "PetsAPI", plugins: [.plugin(name: "GenPlugin", package: "gen")]),
        .executableTarget(name: "pets-demo", dependencies: ["PetsAPI"]),
    ],
    swiftLanguageModes: [.v6]
)
