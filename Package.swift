// swift-tools-version: 6.2
import PackageDescription

/// Generated targets are the product too: keep them warning-free in Swift 6 mode.
let generatedSettings: [SwiftSetting] = [
    .unsafeFlags(["-warnings-as-errors"]),
]

let package = Package(
    name: "gen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gen", targets: ["gen"]),
        .executable(name: "builds-example-server", targets: ["builds-example-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // Traits off: swift-configuration support is not used and costs build time.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        // Already in Hummingbird's graph; named so tests can pass a quiet logger and stop servers gracefully.
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
    ],
    targets: [
        // MARK: The generator, one target per pipeline stage.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "Diagnostics"),
        .target(name: "YAML", dependencies: ["CYAML", "Diagnostics"]),
        .target(name: "OpenAPI", dependencies: ["YAML", "Diagnostics"]),
        .target(name: "IR", dependencies: ["OpenAPI", "Diagnostics"]),
        .target(
            name: "Render",
            dependencies: ["IR", "Diagnostics"],
            // Templates/ is compiled into gen, so it works anywhere (and in SwiftPM plugins).
            plugins: ["EmbedTemplates"]
        ),
        .executableTarget(name: "embed-templates"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["embed-templates"]),
        .target(name: "Pipeline", dependencies: ["YAML", "OpenAPI", "IR", "Render", "Diagnostics"]),
        .executableTarget(
            name: "gen",
            dependencies: ["Pipeline", "Diagnostics", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // MARK: Code generated from specs/builds.yaml, compiled so tests can run it.
        .target(name: "BuildsAPI", path: "Generated/BuildsAPI", swiftSettings: generatedSettings),
        .target(
            name: "BuildsAPIServer",
            dependencies: ["BuildsAPI", .product(name: "Hummingbird", package: "hummingbird")],
            path: "Generated/BuildsAPIServer",
            swiftSettings: generatedSettings
        ),
        // From specs/parameters.yaml: every parameter style, run client against server in tests.
        .target(name: "ParametersAPI", path: "Generated/parameters/ParametersAPI", swiftSettings: generatedSettings),
        .target(
            name: "ParametersAPIServer",
            dependencies: ["ParametersAPI", .product(name: "Hummingbird", package: "hummingbird")],
            path: "Generated/parameters/ParametersAPIServer",
            swiftSettings: generatedSettings
        ),

        // MARK: A hand-written service on the generated code, served by an example executable.
        .target(name: "BuildsExample", dependencies: ["BuildsAPI", "BuildsAPIServer"], path: "Examples/BuildsExample"),
        .executableTarget(
            name: "builds-example-server",
            dependencies: [
                "BuildsExample", "BuildsAPIServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Examples/builds-example-server"
        ),

        // MARK: Tests, folders mirroring Sources/.
        .testTarget(
            name: "genTests",
            dependencies: ["YAML", "OpenAPI", "IR", "Render", "Pipeline", "Diagnostics"],
            path: "Tests/genTests",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "GeneratedTests",
            dependencies: [
                "BuildsAPI", "BuildsAPIServer", "BuildsExample", "ParametersAPI", "ParametersAPIServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/GeneratedTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
