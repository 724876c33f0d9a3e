// swift-tools-version: 6.2
import PackageDescription

/// Generated targets are the product too: keep them warning-free in Swift 6 mode.
let generatedSettings: [SwiftSetting] = [
    .unsafeFlags(["-warnings-as-errors"]),
]

/// The targets of one spec's generated modules (the layout gen writes by default): the models and
/// client, the framework-neutral server, its Hummingbird and Vapor routes and, when asked, the
/// AsyncHTTPClient transport.
func generatedTargets(_ module: String, in folder: String, transport: Bool = false) -> [Target] {
    func target(_ suffix: String, _ dependencies: [Target.Dependency]) -> Target {
        .target(name: module + suffix, dependencies: dependencies, path: "\(folder)/\(module)\(suffix)", swiftSettings: generatedSettings)
    }
    return [
        target("", []),
        target("Server", [.target(name: module)]),
        target("Hummingbird", [.target(name: module + "Server"), .product(name: "Hummingbird", package: "hummingbird")]),
        target("Vapor", [.target(name: module + "Server"), .product(name: "Vapor", package: "vapor")]),
    ] + (transport ? [target("AsyncHTTPClient", [.target(name: module), .product(name: "AsyncHTTPClient", package: "async-http-client")])] : [])
}

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

        // MARK: Code generated from specs/, compiled so tests can run it.
        // specs/builds.yaml into Generated/; the others each into a folder of their own (gen's
        // manifest is per output folder): every parameter style, non-JSON bodies, response headers.
    ] + generatedTargets("BuildsAPI", in: "Generated", transport: true)
        + generatedTargets("ParametersAPI", in: "Generated/Parameters")
        + generatedTargets("BodiesAPI", in: "Generated/Bodies")
        + generatedTargets("HeadersAPI", in: "Generated/Headers", transport: true)
        + [
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
