import Diagnostics
import Foundation
import IR
import OpenAPI
import Render
import YAML

/// The settings of one gen run as a `gen-config.yaml` file gives them. Every key is optional;
/// command-line options override the file.
///
///     moduleName: BuildsAPI          # the Swift module (default: from info.title)
///     output: Generated              # folder to write into, relative to this file
///     templates: Templates           # template overrides, relative to this file
///     generate: [models, client, vapor]   # also server (no framework), hummingbird, asyncHTTPClient
///     rename:
///       schemas: {BuildResponse: Build}
///       operations: {updateBuild: patchBuild}   # by operationId or "GET /path"
///     filter:                        # keep operations matching any entry, and what they use
///       tags: [builds]
///       operations: [updateBuild]
///       paths: ["/api/v1/org/{org}/builds/{build_id}"]
///       schemas: [AuditEvent]        # also keep these schemas
///     skipDeprecated: true           # leave out deprecated operations
///     fileWeight: 1000               # code per file (models, client, server) before splitting, ~10 lines a unit
///     accessLevel: package           # public (default), package, or internal (flat layout only)
///     strict: true                   # warnings are errors, as with --warnings-as-errors
///
/// An unknown key, a value of the wrong kind or an unknown `generate` entry is an error at its
/// line and column (with the closest known key as a note), so a typo never silently does nothing.
public struct Configuration: Sendable {
    /// The keys a config file may have, for messages and documentation.
    public static let keys = ["moduleName", "output", "templates", "generate", "rename", "filter", "skipDeprecated", "fileWeight", "accessLevel", "strict"]

    /// The file as named (for diagnostics).
    public var path: String
    public var moduleName: String?
    /// Where `moduleName` was written, for a problem with the name.
    public var moduleNameLocation: SourceLocation?
    /// The output folder, relative to the current directory (resolved from the file's folder).
    public var output: String?
    /// The templates folder, relative to the current directory (resolved from the file's folder).
    public var templates: String?
    /// Where `templates` was written, for a folder that is not there.
    public var templatesLocation: SourceLocation?
    /// `nil` when the file does not say: everything is generated.
    public var outputs: Set<Renderer.Output>?
    public var renames = NameOverrides()
    public var selection = OperationSelection()
    /// How much code goes in one output file (see `Renderer.modelsFileWeight` and `operationsFileWeight`).
    public var fileWeight: Int?
    /// The access level of the generated declarations; `nil` when the file does not say (`public`).
    public var accessLevel: Renderer.AccessLevel?
    /// Where `accessLevel` was written, for a level the layout cannot use.
    public var accessLevelLocation: SourceLocation?
    /// `strict: true`: warnings are errors and nothing is written, as with `--warnings-as-errors`
    /// (which, or `--no-warnings-as-errors`, overrides it); `nil` when the file does not say.
    public var strict: Bool?

    /// An empty configuration for `path`: every setting at its default.
    public init(path: String) {
        self.path = path
    }

    /// The name gen looks for beside the spec when `--config` is not given.
    public static let defaultFileName = "gen-config.yaml"

    /// Reads and checks the config file at `path` (YAML or JSON).
    /// - Returns: `nil` when the file cannot be read or has errors; the reasons are in `diagnostics`.
    public static func load(path: String, diagnostics: DiagnosticSink) -> Configuration? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error("cannot read config file '\(path)'", at: nil)
            return nil
        }
        // A file of nothing but comments is a valid config of defaults (a placeholder to fill in).
        let meaningful = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).contains { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }
        guard meaningful else { return Configuration(path: path) }
        let root: Node
        do {
            root = try YAMLLoader().load([UInt8](data), file: path, diagnostics: diagnostics)
        } catch {
            diagnostics.report(error)
            return nil
        }
        let errorsBefore = diagnostics.diagnostics.filter { $0.severity == .error }.count
        let configuration = ConfigurationReader(path: path, diagnostics: diagnostics).read(root)
        let errorsAfter = diagnostics.diagnostics.filter { $0.severity == .error }.count
        return errorsAfter == errorsBefore ? configuration : nil
    }
}

/// Reads the node tree of a config file, reporting every problem at its position.
private struct ConfigurationReader {
    let path: String
    let diagnostics: DiagnosticSink

    /// The file's folder: relative paths in the file are relative to it.
    var folder: String { (path as NSString).deletingLastPathComponent }

    func read(_ root: Node) -> Configuration {
        var configuration = Configuration(path: path)
        guard let entries = mapping(root, "the config file") else { return configuration }
        for entry in checkedKeys(entries, allowed: Configuration.keys, in: "the config file") {
            let value = entry.value
            switch entry.key {
            case "moduleName":
                configuration.moduleName = text(value, entry.key)
                configuration.moduleNameLocation = value.location
            case "output":
                configuration.output = text(value, entry.key).map(resolved)
            case "templates":
                configuration.templates = text(value, entry.key).map(resolved)
                configuration.templatesLocation = value.location
            case "generate":
                configuration.outputs = outputs(value)
            case "rename":
                configuration.renames = renames(value)
            case "filter":
                let skips = configuration.selection.skipsDeprecated
                configuration.selection = selection(value)
                configuration.selection.skipsDeprecated = skips
            case "skipDeprecated":
                configuration.selection.skipsDeprecated = bool(value, entry.key) ?? false
            case "fileWeight":
                guard case .int(let weight)? = value.scalar?.value, weight > 0 else {
                    diagnostics.error("expected a positive integer for 'fileWeight', found \(value.kindDescription)", at: value.location)
                    continue
                }
                configuration.fileWeight = weight
            case "accessLevel":
                configuration.accessLevel = accessLevel(value)
                configuration.accessLevelLocation = value.location
            case "strict":
                configuration.strict = bool(value, entry.key)
            default:
                break
            }
        }
        return configuration
    }

    /// `path` relative to the config file's folder, unless absolute.
    private func resolved(_ relative: String) -> String {
        if relative.hasPrefix("/") || folder.isEmpty { return relative }
        return (folder as NSString).appendingPathComponent(relative)
    }

    private func outputs(_ node: Node) -> Set<Renderer.Output>? {
        guard let items = sequence(node, "'generate'") else { return nil }
        var outputs: Set<Renderer.Output> = []
        for item in items {
            guard let name = item.scalar?.text, let output = Renderer.Output(rawValue: name) else {
                let known = Renderer.Output.allCases.map(\.rawValue)
                let found = item.scalar.map { "'\($0.text)'" } ?? item.kindDescription
                diagnostics.error(
                    "expected one of \(known.joined(separator: ", ")) in 'generate', found \(found)",
                    at: item.location,
                    notes: item.scalar.flatMap { closestMatch(to: $0.text, in: known) }.map { [.note("did you mean '\($0)'?", at: item.location)] } ?? []
                )
                continue
            }
            outputs.insert(output)
        }
        if !outputs.contains(.models), !outputs.isEmpty {
            diagnostics.error("'generate' lists parts without 'models'; every part is built on the models, so add 'models'", at: node.location)
        }
        return outputs
    }

    private func accessLevel(_ node: Node) -> Renderer.AccessLevel? {
        let known = Renderer.AccessLevel.allCases.map(\.rawValue)
        guard case .string(let name)? = node.scalar?.value, let level = Renderer.AccessLevel(rawValue: name) else {
            let found = node.scalar.map { "'\($0.text)'" } ?? node.kindDescription
            diagnostics.error(
                "expected one of \(known.joined(separator: ", ")) for 'accessLevel', found \(found)",
                at: node.location,
                notes: node.scalar.flatMap { closestMatch(to: $0.text, in: known) }.map { [.note("did you mean '\($0)'?", at: node.location)] } ?? []
            )
            return nil
        }
        return level
    }

    private func renames(_ node: Node) -> NameOverrides {
        var overrides = NameOverrides()
        guard let entries = mapping(node, "'rename'") else { return overrides }
        for entry in checkedKeys(entries, allowed: ["schemas", "operations"], in: "'rename'") {
            guard let pairs = mapping(entry.value, "'rename.\(entry.key)'") else { continue }
            let renames = pairs.compactMap { pair -> NameOverrides.Entry? in
                guard let name = text(pair.value, pair.key) else { return nil }
                return NameOverrides.Entry(original: pair.key, name: name, at: pair.value.location)
            }
            if entry.key == "schemas" { overrides.schemas = renames } else { overrides.operations = renames }
        }
        return overrides
    }

    private func selection(_ node: Node) -> OperationSelection {
        var selection = OperationSelection()
        guard let entries = mapping(node, "'filter'") else { return selection }
        for entry in checkedKeys(entries, allowed: ["tags", "operations", "paths", "schemas"], in: "'filter'") {
            guard let items = sequence(entry.value, "'filter.\(entry.key)'") else { continue }
            let names = items.compactMap { item -> OperationSelection.Entry? in
                guard let name = item.scalar?.text else {
                    diagnostics.error("expected a string in 'filter.\(entry.key)', found \(item.kindDescription)", at: item.location)
                    return nil
                }
                return OperationSelection.Entry(name, at: item.location)
            }
            switch entry.key {
            case "tags": selection.tags = names
            case "operations": selection.operationIDs = names
            case "paths": selection.paths = names
            default: selection.schemas = names
            }
        }
        return selection
    }

    // MARK: Typed reads

    /// The entries whose keys are allowed; each other key is an error at the key, with the
    /// closest allowed key as a note.
    private func checkedKeys(_ entries: [MappingEntry], allowed: [String], in what: String) -> [MappingEntry] {
        entries.filter { entry in
            if allowed.contains(entry.key) { return true }
            let notes = closestMatch(to: entry.key, in: allowed).map { [Diagnostic.note("did you mean '\($0)'?", at: entry.keyLocation)] } ?? []
            diagnostics.error(
                "unknown key '\(entry.key)' in \(what); expected one of \(allowed.joined(separator: ", "))",
                at: entry.keyLocation,
                notes: notes
            )
            return false
        }
    }

    private func mapping(_ node: Node, _ what: String) -> [MappingEntry]? {
        node.mapping(for: what, reportingTo: diagnostics)
    }

    private func sequence(_ node: Node, _ what: String) -> [Node]? {
        node.sequence(for: what, reportingTo: diagnostics)
    }

    private func text(_ node: Node, _ key: String) -> String? {
        if case .string(let text)? = node.scalar?.value { return text }
        diagnostics.error("expected a string for '\(key)', found \(node.kindDescription)", at: node.location)
        return nil
    }

    private func bool(_ node: Node, _ key: String) -> Bool? {
        if case .bool(let flag)? = node.scalar?.value { return flag }
        diagnostics.error("expected true or false for '\(key)', found \(node.kindDescription)", at: node.location)
        return nil
    }
}
