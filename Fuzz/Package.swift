// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "GenFuzz",
    targets: [
        .systemLibrary(name: "CYAML", path: "Stages/CYAML", pkgConfig: "yaml-0.1"),
        .target(name: "Diagnostics", path: "Stages/Diagnostics"),
        .target(name: "YAML", dependencies: ["CYAML", "Diagnostics"], path: "Stages/YAML"),
        .target(name: "OpenAPI", dependencies: ["YAML", "Diagnostics"], path: "Stages/OpenAPI"),
        .target(name: "IR", dependencies: ["OpenAPI", "Diagnostics"], path: "Stages/IR"),
        .executableTarget(name: "GenFuzzer", dependencies: ["YAML", "OpenAPI", "IR", "Diagnostics"]),
    ],
    swiftLanguageModes: [.v6]
)
