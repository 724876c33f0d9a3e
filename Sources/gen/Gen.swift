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

    static func main() {
        let command: Gen
        do {
            command = try parseAsRoot() as! Gen
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
        let generator = Generator(specPath: spec, templatesDirectory: templates, moduleName: moduleName)
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
            printError("gen: \(differences.count) file(s) in '\(output)' are stale; run 'gen \(spec)' to regenerate")
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
