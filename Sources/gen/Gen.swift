import ArgumentParser
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
        abstract: "Generate Swift models, a client and Hummingbird server routes from an OpenAPI 3.0/3.1 document.",
        discussion: "Exit status: 0 success; 1 errors in the spec or templates, or stale output with --check; 2 usage or I/O errors."
    )

    @Argument(help: "The OpenAPI document (YAML or JSON).")
    var spec: String

    @Option(name: .long, help: "The folder to write into; gen only touches files it wrote there before.")
    var output = "Generated"

    @Option(name: .long, help: "The folder of Mustache templates.")
    var templates = "Templates"

    @Option(name: .customLong("module-name"), help: "The Swift module of the output (default: from info.title, e.g. 'Builds API' → BuildsAPI).")
    var moduleName: String?

    @Flag(name: .long, help: "Write nothing; exit 1 and print a unified diff when the output folder is stale.")
    var check = false

    func validate() throws {
        if let moduleName, !Self.isIdentifier(moduleName) {
            throw ValidationError("--module-name '\(moduleName)' is not a Swift identifier (letters, digits and '_', not starting with a digit)")
        }
    }

    /// A plain Swift identifier that is neither a keyword nor shadows a module every output imports.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        let keywords: Set<String> = ["class", "struct", "enum", "protocol", "extension", "func", "var", "let", "import", "Foundation", "Hummingbird", "Swift"]
        return !keywords.contains(name) && name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
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
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
        Foundation.exit(command.execute())
    }

    /// Runs and returns the exit status.
    func execute() -> Int32 {
        let diagnostics = DiagnosticSink()
        let generator = Generator(specPath: Self.normalized(spec), templatesDirectory: templates, moduleName: moduleName)
        let files: [Pipeline.OutputFile]
        do {
            files = try generator.run(diagnostics: diagnostics)
        } catch {
            report(diagnostics)
            return error.isUsageError ? 2 : 1
        }
        report(diagnostics)
        let directory = OutputDirectory(path: output)
        if check {
            let differences = directory.differences(from: files)
            guard !differences.isEmpty else { return 0 }
            for difference in differences { print(difference.diff, terminator: "") }
            printError("gen: error: \(differences.count) file(s) in '\(output)' are stale; run gen without --check to regenerate them")
            return 1
        }
        do {
            let summary = try directory.write(files)
            printError("gen: wrote \(summary.written.count), unchanged \(summary.unchanged.count), removed \(summary.removed.count) file(s) in '\(output)'")
        } catch {
            printError("gen: error: cannot write '\(output)': \(error.localizedDescription)")
            return 2
        }
        return 0
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

    private func report(_ diagnostics: DiagnosticSink) {
        let sorted = diagnostics.sorted
        for diagnostic in sorted { printError(diagnostic.description) }
        let errors = sorted.filter { $0.severity == .error }.count
        let warnings = sorted.filter { $0.severity == .warning }.count
        if errors + warnings > 0 {
            printError("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
