import Foundation
import PackagePlugin

/// What gen reads for one target: the spec (`openapi.yaml`, `.yml` or `.json`), the optional
/// `gen-config.yaml`, and every other YAML or JSON file of the target, which `$ref`s may name.
///
/// Shared by the build and command plugins (a symlink in each plugin's folder: plugin targets
/// cannot depend on a library).
struct GenInputs {
    /// The spec file names gen looks for in a target, in order of preference.
    static let specNames = ["openapi.yaml", "openapi.yml", "openapi.json"]
    static let configName = "gen-config.yaml"
    /// The files of gen's flat layout, which the build plugin declares before gen runs.
    static let outputNames = [
        "Models.swift", "Support.swift", "Client.swift", "Server.swift", "HummingbirdRoutes.swift", "VaporRoutes.swift",
        "AsyncHTTPClientTransport.swift",
    ]

    var spec: URL
    var config: URL?
    /// Every YAML and JSON file of the target: a change to any of them regenerates.
    var documents: [URL]

    /// - Returns: `nil` when the target has no spec (it does not use gen).
    /// - Throws: `GenPluginError` when it has more than one.
    init?(target: SourceModuleTarget) throws {
        let files = target.sourceFiles.map(\.url)
        let specs = files.filter { Self.specNames.contains($0.lastPathComponent) }
        guard let spec = specs.first else { return nil }
        guard specs.count == 1 else {
            throw GenPluginError("target '\(target.name)' has \(specs.count) OpenAPI documents (\(specs.map(\.path).joined(separator: ", "))); gen generates one per target")
        }
        self.spec = spec
        config = files.first { $0.lastPathComponent == Self.configName }
        documents = files.filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
    }

    /// gen's arguments: the target's module name, the flat layout, the config when there is one.
    func arguments(moduleName: String, output: URL) -> [String] {
        [spec.path, "--module-name", moduleName, "--layout", "flat", "--output", output.path]
            + (config.map { ["--config", $0.path] } ?? [])
    }
}

/// A problem the plugins report to SwiftPM.
struct GenPluginError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
