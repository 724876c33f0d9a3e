import ArgumentParser
import Config
import Diagnostics
import Foundation
import Pipeline

/// `gen <spec>`: generates Swift models, a client and server routes from an OpenAPI document.
///
/// Exit status: 0 success; 1 errors in the spec or templates, or `--check` found stale output;
/// 2 usage or I/O errors.
@main
struct Gen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen",
        abstract: "Generate Swift models, a client and server routes (Hummingbird, Vapor) from an OpenAPI 3.0/3.1 document.",
        discussion: "Exit status: 0 success; 1 errors in the spec or templates, or stale output with --check; 2 usage or I/O errors."
    )

    @Argument(help: "The OpenAPI document (YAML or JSON).")
    var spec: String

    @Option(name: .long, help: "The folder to write into; gen only touches files it wrote there before. (default: Generated)")
    var output: String?

    @Option(name: .long, help: ArgumentHelp(
        "A gen-config.yaml file of settings (default: gen-config.yaml beside the spec, if there); options given here override it.",
        valueName: "FILE"
    ))
    var config: String?

    @Option(name: .long, help: ArgumentHelp(
        "A folder of Mustache templates replacing gen's built-in ones by file name (models.mustache, struct.mustache, …); the rest stay built in.",
        valueName: "DIR"
    ))
    var templates: String?

    @Option(name: .customLong("module-name"), help: "The Swift module of the output (default: from info.title, e.g. 'Builds API' → BuildsAPI).")
    var moduleName: String?

    /// How the files are arranged in the output folder.
    enum Layout: String, ExpressibleByArgument, CaseIterable {
        /// `Module/…`, `ModuleServer/…`, `ModuleHummingbird/…`, `ModuleVapor/…`,
        /// `ModuleAsyncHTTPClient/…`: a module per part, large ones split across files.
        case modules
        /// `Models.swift`, `Support.swift`, `Client.swift`, `Server.swift`, `HummingbirdRoutes.swift`,
        /// `VaporRoutes.swift`, `AsyncHTTPClientTransport.swift` as one module, unsplit.
        case flat
    }

    @Option(name: .long, help: "modules: MODULE/*.swift, MODULEServer/ (framework-neutral), MODULEHummingbird/, MODULEVapor/ and MODULEAsyncHTTPClient/, large specs split across files; flat: Models.swift, Support.swift, Client.swift, Server.swift, HummingbirdRoutes.swift, VaporRoutes.swift and AsyncHTTPClientTransport.swift as one module, always all seven (what the SwiftPM plugins use).")
    var layout: Layout = .modules

    /// The access level of the generated declarations.
    enum AccessLevel: String, ExpressibleByArgument, CaseIterable {
        case `public`, `package`, `internal`
    }

    @Option(name: .customLong("access-level"), help: "public (default), package or internal: the access level of the generated code. internal needs --layout flat (one module); package needs the modules compiled with the same -package-name.")
    var accessLevel: AccessLevel?

    @Flag(name: .long, help: "Write nothing; exit 1 and print a unified diff when the output folder is stale.")
    var check = false

    @Flag(name: .long, inversion: .prefixedNo, help: "Treat warnings as errors: report them as errors, exit 1 and write nothing. (default: the config file's 'strict', else off)")
    var warningsAsErrors: Bool?

    @Flag(name: .long, help: "Print only errors: no warnings, notes on warnings, or summary lines.")
    var quiet = false

    /// How diagnostics are printed on standard error.
    enum DiagnosticsFormat: String, ExpressibleByArgument, CaseIterable {
        /// `file:line:column: severity: message`, one per line, like a compiler.
        case text
        /// One JSON array of `{severity, message, file, line, column, notes}` objects, for editors and CI annotations.
        case json
    }

    @Option(name: .long, help: "How diagnostics are printed on standard error: text or json.")
    var diagnosticsFormat: DiagnosticsFormat = .text

    func validate() throws {
        if let moduleName, let problem = Self.problem(withModuleName: moduleName) {
            throw ValidationError("--module-name \(problem)")
        }
        if accessLevel == .internal, layout == .modules {
            throw ValidationError(Self.internalNeedsFlatLayout("--access-level internal"))
        }
    }

    /// Why `internal` does not work in the modules layout, as a sentence starting with where it was asked for.
    static func internalNeedsFlatLayout(_ subject: String) -> String {
        "\(subject) needs --layout flat: in the modules layout the client, server and transport modules import the models' module, so its declarations must be at least 'package'"
    }

    /// What is wrong with `name` as the output's module name, as the end of a sentence starting
    /// with where it was given; `nil` when it is fine.
    static func problem(withModuleName name: String) -> String? {
        if !isIdentifier(name) {
            return "'\(name)' is not a Swift identifier (letters, digits and '_', not starting with a digit)"
        }
        if declarationKeywords.contains(name) {
            return "'\(name)' is a Swift keyword; a module cannot be named so"
        }
        if Generator.reservedNames.contains(name) {
            return "'\(name)' is a name the generated code uses (a module it imports or a type it names); choose another, such as '\(name)API'"
        }
        return nil
    }

    static let declarationKeywords: Set<String> = ["class", "struct", "enum", "protocol", "extension", "func", "var", "let", "import"]

    /// Letters, digits and `_`, not starting with a digit.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    static func main() {
        let command: Gen
        do {
            // `parse` (not `parseAsRoot`) so `--help` arrives as an error to print, never as another command type.
            command = try parse()
            try command.validate()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            // With `--diagnostics-format json` asked for, a usage error is a JSON diagnostic too, so
            // tools reading standard error as JSON are never handed plain text.
            let arguments = Array(CommandLine.arguments.dropFirst())
            let wantsJSON = arguments.contains("--diagnostics-format=json")
                || zip(arguments, arguments.dropFirst()).contains { $0 == "--diagnostics-format" && $1 == "json" }
            if wantsJSON {
                let message = message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let data = (try? encoder.encode([JSONDiagnostic(.error(message, at: nil))])) ?? Data("[]".utf8)
                FileHandle.standardError.write(data + Data("\n".utf8))
            } else {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            }
            Foundation.exit(2)
        }
        Foundation.exit(command.execute())
    }

    /// Runs and returns the exit status. Everything that went wrong is a diagnostic, so
    /// `--diagnostics-format json` prints one JSON array and nothing else.
    func execute() -> Int32 {
        let diagnostics = DiagnosticSink()
        let (status, summary, strict) = generate(reportingTo: diagnostics)
        report(diagnostics, warningsAsErrors: strict)
        if let summary, diagnosticsFormat == .text, !quiet { printError(summary) }
        return status
    }

    /// Generates and writes (or checks) the output; returns the exit status, on success the line
    /// saying what was written, and whether warnings count as errors (the flag, else the config's
    /// `strict`).
    private func generate(reportingTo diagnostics: DiagnosticSink) -> (status: Int32, summary: String?, strict: Bool) {
        var strict = warningsAsErrors ?? false
        let result = generate(reportingTo: diagnostics, strict: &strict)
        return (result.status, result.summary, strict)
    }

    private func generate(reportingTo diagnostics: DiagnosticSink, strict: inout Bool) -> (status: Int32, summary: String?) {
        var generator = Generator(specPath: Self.normalized(spec), templatesDirectory: templates, moduleName: moduleName)
        var output = self.output ?? "Generated"
        generator.layout = layout == .flat ? .flat : .modules
        if let accessLevel { generator.accessLevel = .init(rawValue: accessLevel.rawValue) ?? .public }
        switch loadConfiguration(diagnostics: diagnostics) {
        case .failure(let failure):
            return (failure.status, nil)
        case .success(let configuration?):
            if self.output == nil, let path = configuration.output { output = path }
            if templates == nil, let folder = configuration.templates {
                // Said at the key: the folder is relative to the config file, which is easy to miss.
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                    diagnostics.error("no templates folder '\(folder)' (relative to the config file's folder)", at: configuration.templatesLocation)
                    return (1, nil)
                }
                generator.templatesDirectory = folder
            }
            if moduleName == nil, let name = configuration.moduleName {
                if let problem = Self.problem(withModuleName: name) {
                    diagnostics.error("moduleName \(problem)", at: configuration.moduleNameLocation)
                    return (1, nil)
                }
                generator.moduleName = name
            }
            if accessLevel == nil, let level = configuration.accessLevel {
                if level == .internal, layout == .modules {
                    diagnostics.error(Self.internalNeedsFlatLayout("accessLevel 'internal'"), at: configuration.accessLevelLocation)
                    return (1, nil)
                }
                generator.accessLevel = level
            }
            if warningsAsErrors == nil, let configured = configuration.strict { strict = configured }
            generator.selection = configuration.selection
            generator.renames = configuration.renames
            if let outputs = configuration.outputs { generator.outputs = outputs }
            if let weight = configuration.fileWeight {
                generator.modelsFileWeight = weight
                generator.operationsFileWeight = weight
            }
        case .success(nil):
            break
        }
        let files: [Pipeline.OutputFile]
        do {
            files = try generator.run(diagnostics: diagnostics)
        } catch {
            return (error.isUsageError ? 2 : 1, nil)
        }
        if strict, diagnostics.diagnostics.contains(where: { $0.severity == .warning }) {
            return (1, nil)
        }
        let directory = OutputDirectory(path: output)
        if check {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue else {
                diagnostics.error("'\(output)' does not exist; run gen without --check to generate it", at: nil)
                return (1, nil)
            }
            let differences = directory.differences(from: files)
            guard !differences.isEmpty else { return (0, nil) }
            for difference in differences { print(difference.diff, terminator: "") }
            diagnostics.error("\(differences.count) file(s) in '\(output)' are stale; run gen without --check to regenerate them", at: nil)
            return (1, nil)
        }
        do {
            let summary = try directory.write(files)
            return (0, "gen: wrote \(summary.written.count), unchanged \(summary.unchanged.count), removed \(summary.removed.count) file(s) in '\(output)'")
        } catch {
            diagnostics.error("cannot write '\(output)': \(error.localizedDescription)", at: nil)
            return (2, nil)
        }
    }

    /// The config file named by `--config`, else `gen-config.yaml` beside the spec when there is
    /// one; `nil` when there is none. Fails with the exit status: 2 when `--config` names no
    /// readable file, 1 when the file has errors (reported to `diagnostics`).
    private func loadConfiguration(diagnostics: DiagnosticSink) -> Result<Configuration?, ConfigurationFailure> {
        let path: String
        if let config {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: config, isDirectory: &isDirectory), !isDirectory.boolValue else {
                diagnostics.error("cannot read config file '\(config)': \(isDirectory.boolValue ? "it is a directory" : "no such file")", at: nil)
                return .failure(ConfigurationFailure(status: 2))
            }
            path = Self.normalized(config)
        } else {
            let beside = ((Self.normalized(spec) as NSString).deletingLastPathComponent as NSString).appendingPathComponent(Configuration.defaultFileName)
            guard FileManager.default.fileExists(atPath: beside) else { return .success(nil) }
            path = beside
        }
        guard let configuration = Configuration.load(path: path, diagnostics: diagnostics) else {
            return .failure(ConfigurationFailure(status: 1))
        }
        return .success(configuration)
    }

    /// Why a config file could not be used, as the exit status.
    struct ConfigurationFailure: Error {
        var status: Int32
    }

    /// The spec path as it should appear in diagnostics and generated headers: without `./` or
    /// `..` detours, and relative to the current directory when it lies inside it, so the output does
    /// not depend on how the path was typed.
    static func normalized(_ path: String) -> String {
        let standardized = (path as NSString).standardizingPath
        let current = FileManager.default.currentDirectoryPath
        let absolute = standardized.hasPrefix("/") ? standardized : (current as NSString).appendingPathComponent(standardized)
        let resolved = (absolute as NSString).standardizingPath
        if resolved.hasPrefix(current + "/") { return String(resolved.dropFirst(current.count + 1)) }
        return standardized
    }

    /// Prints the run's diagnostics, sorted by position, in the chosen format, after applying
    /// `--warnings-as-errors` (or the config's `strict`) and `--quiet`.
    private func report(_ diagnostics: DiagnosticSink, warningsAsErrors: Bool) {
        var sorted = diagnostics.sorted
        if warningsAsErrors {
            sorted = sorted.map { diagnostic in
                var promoted = diagnostic
                if promoted.severity == .warning { promoted.severity = .error }
                return promoted
            }
        }
        if quiet { sorted = sorted.filter { $0.severity == .error } }
        switch diagnosticsFormat {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(sorted.map(JSONDiagnostic.init))) ?? Data("[]".utf8)
            printError(String(decoding: data, as: UTF8.self))
        case .text:
            for diagnostic in sorted { printError(diagnostic.description) }
            let errors = sorted.filter { $0.severity == .error }.count
            let warnings = sorted.filter { $0.severity == .warning }.count
            if errors + warnings > 0, !quiet {
                printError("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            }
        }
    }

    /// A diagnostic as `--diagnostics-format json` prints it; positions are 1-based, absent when unknown.
    struct JSONDiagnostic: Encodable {
        var severity: String
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
        var notes: [JSONDiagnostic]?

        init(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity.rawValue
            message = diagnostic.message
            file = diagnostic.location?.file
            line = diagnostic.location?.line
            column = diagnostic.location?.column
            notes = diagnostic.notes.isEmpty ? nil : diagnostic.notes.map(JSONDiagnostic.init)
        }
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
