import Foundation
import Testing

/// A compiler setting users build with: Xcode 26 app targets default to MainActor isolation, and
/// packages turn on upcoming features one by one.
struct BuildSetting: CustomStringConvertible, Sendable {
    var description: String
    /// Given after `-swift-version 6 -warnings-as-errors`; a later `-swift-version` wins.
    var flags: [String]

    static func feature(_ name: String) -> BuildSetting {
        BuildSetting(description: "-enable-upcoming-feature \(name)", flags: ["-enable-upcoming-feature", name])
    }

    static let upcomingFeatures = [
        "InternalImportsByDefault", "ExistentialAny", "MemberImportVisibility", "NonisolatedNonsendingByDefault", "InferIsolatedConformances",
    ]

    /// Each setting README "Build settings" lists, then all of the Swift 6 ones at once.
    static let all: [BuildSetting] = [
        BuildSetting(description: "Swift 6", flags: []),
        BuildSetting(description: "-default-isolation MainActor", flags: ["-default-isolation", "MainActor"]),
    ] + upcomingFeatures.map(feature) + [
        BuildSetting(description: "Swift 5, -strict-concurrency=complete", flags: ["-swift-version", "5", "-strict-concurrency=complete"]),
        strictest,
    ]

    /// MainActor isolation by default and every upcoming feature, together.
    static let strictest = BuildSetting(
        description: "-default-isolation MainActor and every upcoming feature",
        flags: ["-default-isolation", "MainActor"] + upcomingFeatures.flatMap { ["-enable-upcoming-feature", $0] }
    )
}

/// Compiles gen's output as SwiftPM would, each module with whole-module optimization off but
/// whole-module compilation on (`-wmo -c`, so SIL diagnostics such as region isolation run),
/// warnings as errors.
enum GeneratedCompiler {
    /// The modules of the default layout under `folder`, in dependency order: `Module`,
    /// `ModuleServer`, then the routes and transport, each that exists. Returns the compiler's
    /// complaints, empty when every module compiled.
    /// - Parameter includesFrameworks: whether to compile the Hummingbird and Vapor routes and the
    ///   AsyncHTTPClient transport too (loading the frameworks is most of their compile time).
    static func compileModules(
        in folder: URL, module: String, setting: BuildSetting, packageName: String? = nil, includesFrameworks: Bool = true
    ) throws -> String {
        let scratch = try TemporaryDirectory()
        var failures = ""
        for suffix in ["", "Server"] + (includesFrameworks ? ["Hummingbird", "Vapor", "AsyncHTTPClient"] : []) {
            let sources = try swiftFiles(in: folder.appendingPathComponent(module + suffix))
            guard !sources.isEmpty else { continue }
            let name = module + suffix
            let needsFrameworks = !["", "Server"].contains(suffix)
            var arguments = ["-parse-as-library", "-wmo", "-c", "-module-name", name, "-I", scratch.url.path]
            arguments += ["-emit-module", "-emit-module-path", scratch.url.appendingPathComponent(name + ".swiftmodule").path]
            arguments += ["-o", scratch.url.appendingPathComponent(name + ".o").path]
            arguments += packageName.map { ["-package-name", $0] } ?? []
            arguments += (needsFrameworks ? GoldenTests.dependencyFlags() : []) + setting.flags + sources
            failures += try swiftc(arguments, in: scratch.url)
        }
        return failures
    }

    /// The flat layout: every `.swift` file in `folder` (plus `extra`) as one module.
    static func compileFlat(in folder: URL, module: String, setting: BuildSetting, extra: [String] = [], executable: URL? = nil) throws -> String {
        let scratch = try TemporaryDirectory()
        var arguments = ["-module-name", module, "-package-name", module + "Package"] + GoldenTests.dependencyFlags() + setting.flags
        arguments += try swiftFiles(in: folder) + extra
        if let executable {
            arguments += ["-o", executable.path]
        } else {
            arguments += ["-parse-as-library", "-wmo", "-c", "-o", scratch.url.appendingPathComponent(module + ".o").path]
        }
        return try swiftc(arguments, in: scratch.url)
    }

    static func swiftFiles(in folder: URL) throws -> [String] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    /// Runs swiftc in Swift 6 mode with warnings as errors; returns its diagnostics when it fails.
    private static func swiftc(_ arguments: [String], in directory: URL) throws -> String {
        let run = try runBounded(
            URL(fileURLWithPath: "/usr/bin/env"), ["swiftc", "-swift-version", "6", "-warnings-as-errors"] + arguments, in: directory, timeout: 600
        )
        return run.status == 0 ? "" : "swiftc \(arguments.filter { $0.hasPrefix("-module-name") || !$0.hasPrefix("/") }.prefix(12)):\n\(run.stderr)\n"
    }
}

/// Generated code compiles without warnings in the build settings users have (README "Build
/// settings"): every golden output and the package's own `Generated/` folders, under each setting.
@Suite struct BuildSettingsTests {
    /// The outputs compiled: each golden fixture's expected folder, and each `Generated/` spec.
    static let outputs: [(folder: URL, module: String)] = {
        var outputs: [(URL, String)] = []
        let goldens = Repository.goldenFixtures
        for fixture in ((try? FileManager.default.contentsOfDirectory(atPath: goldens.path)) ?? []).sorted() {
            let expected = goldens.appendingPathComponent(fixture).appendingPathComponent("expected")
            let modules = ((try? FileManager.default.contentsOfDirectory(atPath: expected.path)) ?? []).filter { !$0.contains(".") }
            // The models' module is the one the others are named after.
            if let module = modules.filter({ name in modules.allSatisfy { $0 == name || $0.hasPrefix(name) } }).first {
                outputs.append((expected, module))
            }
        }
        let generated = Repository.root.appendingPathComponent("Generated")
        for (folder, module) in [("", "BuildsAPI"), ("Bodies", "BodiesAPI"), ("Headers", "HeadersAPI"), ("Parameters", "ParametersAPI")] {
            outputs.append((folder.isEmpty ? generated : generated.appendingPathComponent(folder), module))
        }
        return outputs
    }()

    /// Every output's models, client and server modules in each setting. The framework modules are
    /// the same few lines for every spec, so beyond Swift 6 and the strictest setting they are
    /// compiled for the builds API's output only.
    @Test(arguments: BuildSetting.all)
    func outputsCompile(in setting: BuildSetting) throws {
        #expect(Self.outputs.count >= 9, "golden fixtures or Generated/ not found")
        for output in Self.outputs {
            let everyModule = output.module == "BuildsAPI" || setting.flags.isEmpty || setting.description == BuildSetting.strictest.description
            let failures = try GeneratedCompiler.compileModules(
                in: output.folder, module: output.module, setting: setting, includesFrameworks: everyModule
            )
            #expect(failures.isEmpty, "\(output.module) with \(setting):\n\(failures)")
        }
    }

    /// The flat layout (one module, as the SwiftPM build plugin writes it into an app target)
    /// in the strictest setting, at each access level.
    @Test(arguments: ["public", "package", "internal"])
    func flatLayoutCompilesStrictly(accessLevel: String) throws {
        let scratch = try TemporaryDirectory()
        let spec = try String(contentsOf: Repository.root.appendingPathComponent("specs/builds.yaml"), encoding: .utf8)
        _ = try scratch.write(spec, to: "builds.yaml")
        _ = try scratch.write("accessLevel: \(accessLevel)\ngenerate: [models, client, hummingbird, vapor, asyncHTTPClient]\n", to: "gen-config.yaml")
        let gen = try runGen(["builds.yaml", "--output", "out", "--layout", "flat"], in: scratch.url)
        #expect(gen.status == 0, "\(gen.stderr)")
        let failures = try GeneratedCompiler.compileFlat(in: scratch.url.appendingPathComponent("out"), module: "BuildsAPI", setting: .strictest)
        #expect(failures.isEmpty, "\(failures)")
    }
}
