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
        // For packages that use gen: `plugins: [.plugin(name: "GenPlugin", package: "gen")]` on a target.
        .plugin(name: "GenPlugin", targets: ["GenPlugin"]),
        .plugin(name: "GenCommandPlugin", targets: ["GenCommandPlugin"]),
        .executable(name: "builds-example-server", targets: ["builds-example-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // Traits off: swift-configuration support is not used and costs build time.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        // Already in Hummingbird's graph; named so tests can pass a quiet logger and stop servers gracefully.
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        // The generated AsyncHTTPClient transport is compiled and run against the server in tests.
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        // The generated Vapor routes are compiled and run against the generated client in tests.
        .package(url: "https://github.com/vapor/vapor", exact: "4.122.3"),
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
        // Templates/ is compiled into gen (Sources/Render/BuiltinTemplates.swift, written by
        // scripts/embed-templates), so gen works anywhere, in SwiftPM plugins too.
        .target(name: "Render", dependencies: ["IR", "Diagnostics"]),
        .executableTarget(name: "embed-templates"),
        .target(name: "Pipeline", dependencies: ["YAML", "OpenAPI", "IR", "Render", "Diagnostics"]),
        // gen-config.yaml: settings for the stages above, read from a file.
        .target(name: "Config", dependencies: ["YAML", "OpenAPI", "IR", "Render", "Diagnostics"]),
        .executableTarget(
            name: "gen",
            dependencies: ["Pipeline", "Config", "Diagnostics", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // MARK: SwiftPM plugins for packages that use gen (see README, "Using gen from a package").
        .plugin(name: "GenPlugin", capability: .buildTool(), dependencies: ["gen"]),
        .plugin(
            name: "GenCommandPlugin",
            capability: .command(
                intent: .custom(verb: "generate-code", description: "Generate Swift from each target's openapi.yaml into its Generated/ folder"),
                permissions: [.writeToPackageDirectory(reason: "gen writes the generated Swift files into each target's Generated/ folder")]
            ),
            dependencies: ["gen"]
        ),

        // MARK: Code generated from specs/builds.yaml, compiled so tests can run it.
        .target(name: "BuildsAPI", path: "Generated/BuildsAPI", swiftSettings: generatedSettings),
        .target(name: "BuildsAPIServer", dependencies: ["BuildsAPI"], path: "Generated/BuildsAPIServer", swiftSettings: generatedSettings),
        .target(
            name: "BuildsAPIHummingbird",
            dependencies: ["BuildsAPIServer", .product(name: "Hummingbird", package: "hummingbird")],
            path: "Generated/BuildsAPIHummingbird",
            swiftSettings: generatedSettings
        ),
        .target(
            name: "BuildsAPIVapor",
            dependencies: ["BuildsAPIServer", .product(name: "Vapor", package: "vapor")],
            path: "Generated/BuildsAPIVapor",
            swiftSettings: generatedSettings
        ),
        // From specs/parameters.yaml: every parameter style, run client against server in tests.
        .target(name: "ParametersAPI", path: "Generated/Parameters/ParametersAPI", swiftSettings: generatedSettings),
        .target(name: "ParametersAPIServer", dependencies: ["ParametersAPI"], path: "Generated/Parameters/ParametersAPIServer", swiftSettings: generatedSettings),
        .target(
            name: "ParametersAPIHummingbird",
            dependencies: ["ParametersAPIServer", .product(name: "Hummingbird", package: "hummingbird")],
            path: "Generated/Parameters/ParametersAPIHummingbird",
            swiftSettings: generatedSettings
        ),
        .target(
            name: "ParametersAPIVapor",
            dependencies: ["ParametersAPIServer", .product(name: "Vapor", package: "vapor")],
            path: "Generated/Parameters/ParametersAPIVapor",
            swiftSettings: generatedSettings
        ),

        .target(
            name: "BuildsAPIAsyncHTTPClient",
            dependencies: ["BuildsAPI", .product(name: "AsyncHTTPClient", package: "async-http-client")],
            path: "Generated/BuildsAPIAsyncHTTPClient",
            swiftSettings: generatedSettings
        ),

        // specs/bodies.yaml, generated into a folder of its own (gen's manifest is per output folder).
        .target(name: "BodiesAPI", path: "Generated/Bodies/BodiesAPI", swiftSettings: generatedSettings),
        .target(name: "BodiesAPIServer", dependencies: ["BodiesAPI"], path: "Generated/Bodies/BodiesAPIServer", swiftSettings: generatedSettings),
        .target(
            name: "BodiesAPIHummingbird",
            dependencies: ["BodiesAPIServer", .product(name: "Hummingbird", package: "hummingbird")],
            path: "Generated/Bodies/BodiesAPIHummingbird",
            swiftSettings: generatedSettings
        ),
        .target(
            name: "BodiesAPIVapor",
            dependencies: ["BodiesAPIServer", .product(name: "Vapor", package: "vapor")],
            path: "Generated/Bodies/BodiesAPIVapor",
            swiftSettings: generatedSettings
        ),

        // MARK: Code generated from specs/headers.yaml (`--output Generated/Headers`): response headers, dates, bytes.
        .target(name: "HeadersAPI", path: "Generated/Headers/HeadersAPI", swiftSettings: generatedSettings),
        .target(name: "HeadersAPIServer", dependencies: ["HeadersAPI"], path: "Generated/Headers/HeadersAPIServer", swiftSettings: generatedSettings),
        .target(
            name: "HeadersAPIHummingbird",
            dependencies: ["HeadersAPIServer", .product(name: "Hummingbird", package: "hummingbird")],
            path: "Generated/Headers/HeadersAPIHummingbird",
            swiftSettings: generatedSettings
        ),
        .target(
            name: "HeadersAPIVapor",
            dependencies: ["HeadersAPIServer", .product(name: "Vapor", package: "vapor")],
            path: "Generated/Headers/HeadersAPIVapor",
            swiftSettings: generatedSettings
        ),
        .target(
            name: "HeadersAPIAsyncHTTPClient",
            dependencies: ["HeadersAPI", .product(name: "AsyncHTTPClient", package: "async-http-client")],
            path: "Generated/Headers/HeadersAPIAsyncHTTPClient",
            swiftSettings: generatedSettings
        ),

        // MARK: A hand-written service on the generated code, served by an example executable.
        .target(name: "BuildsExample", dependencies: ["BuildsAPI", "BuildsAPIServer"], path: "Examples/BuildsExample"),
        .executableTarget(
            name: "builds-example-server",
            dependencies: [
                "BuildsExample", "BuildsAPIServer", "BuildsAPIHummingbird",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Examples/builds-example-server"
        ),

        // MARK: Tests, folders mirroring Sources/.
        .testTarget(
            name: "genTests",
            dependencies: ["YAML", "OpenAPI", "IR", "Render", "Pipeline", "Config", "Diagnostics"],
            path: "Tests/genTests",
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "GeneratedTests",
            dependencies: [
                "BuildsAPI", "BuildsAPIServer", "BuildsAPIHummingbird", "BuildsAPIVapor", "BuildsAPIAsyncHTTPClient", "BuildsExample",
                "BodiesAPI", "BodiesAPIServer", "BodiesAPIHummingbird", "BodiesAPIVapor",
                "HeadersAPI", "HeadersAPIServer", "HeadersAPIHummingbird", "HeadersAPIVapor",
                "ParametersAPI", "ParametersAPIServer", "ParametersAPIHummingbird", "ParametersAPIVapor",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Tests/GeneratedTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
