// swift-tools-version: 6.2
import PackageDescription

// A package of its own, so fuzzing flags and targets never touch the main package's build or
// `swift test`. Run it with `Fuzz/run.sh SECONDS`.
//
// The stages are compiled from the main package's sources: `Stages/*` are symlinks to
// `../Sources/*` (SwiftPM refuses target paths outside the package root, and the main package
// exports no library products), so the fuzzer always builds the working tree as it is.
let package = Package(
    name: "GenFuzz",
    targets: [
        .systemLibrary(name: "CYAML", path: "Stages/CYAML", pkgConfig: "yaml-0.1"),
        .target(name: "Diagnostics", path: "Stages/Diagnostics"),
        .target(name: "YAML", dependencies: ["CYAML", "Diagnostics"], path: "Stages/YAML"),
        .target(name: "OpenAPI", dependencies: ["YAML", "Diagnostics"], path: "Stages/OpenAPI"),
        .target(name: "IR", dependencies: ["OpenAPI", "Diagnostics"], path: "Stages/IR"),
        // libFuzzer's entry point; build with `-sanitize=fuzzer,address -parse-as-library` (see run.sh).
        .executableTarget(name: "GenFuzzer", dependencies: ["YAML", "OpenAPI", "IR", "Diagnostics"]),
    ],
    swiftLanguageModes: [.v6]
)
