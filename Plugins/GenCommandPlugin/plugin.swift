import Foundation
import PackagePlugin

/// `swift package generate-code [--target NAME …]`: runs gen for each target holding an
/// `openapi.yaml` (or `.yml`/`.json`) and writes the flat layout into the target's `Generated/`
/// folder, for those who commit generated code. Use it or the build plugin on a target, not both:
/// the same declarations would be compiled twice.
@main
struct GenCommandPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let names = extractor.extractOption(named: "target")
        let targets = names.isEmpty ? context.package.targets : try context.package.targets(named: names)
        let gen = try context.tool(named: "gen").url
        var generated = 0
        for case let target as SourceModuleTarget in targets {
            guard let inputs = try GenInputs(target: target) else {
                if names.contains(target.name) { throw GenPluginError("target '\(target.name)' has no \(GenInputs.specNames.joined(separator: ", "))") }
                continue
            }
            let output = target.directoryURL.appending(path: "Generated")
            let process = Process()
            process.executableURL = gen
            process.arguments = inputs.arguments(moduleName: target.moduleName, output: output) + extractor.remainingArguments
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw GenPluginError("gen failed for target '\(target.name)' (exit status \(process.terminationStatus)); its diagnostics are above")
            }
            generated += 1
        }
        if generated == 0 { throw GenPluginError("no target has an OpenAPI document (\(GenInputs.specNames.joined(separator: ", ")))") }
    }
}
