import Diagnostics
import Foundation
import Testing
@testable import Pipeline
import Render

/// The whole pipeline, byte for byte: `Generated/` for the builds spec, and small fixture specs
/// against committed golden output. Set `GEN_UPDATE_GOLDEN=1` to rewrite the golden files on
/// purpose, then review the diff.
@Suite struct GoldenTests {
    // Generated/ is exactly what specs/builds.yaml and Templates/ produce now.
    @Test func generatedFolderIsCurrent() throws {
        let diagnostics = DiagnosticSink()
        let files = try Generator(specPath: "specs/builds.yaml", templatesDirectory: Repository.templates, workingDirectory: Repository.root)
            .run(diagnostics: diagnostics)
        #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.sorted)")
        let differences = OutputDirectory(path: Repository.root.appendingPathComponent("Generated").path).differences(from: files)
        #expect(differences.isEmpty, "Generated/ is stale; run `swift run gen specs/builds.yaml`:\n\(differences.map(\.diff).joined())")
    }

    // Each fixture spec renders to its committed golden files, and generating twice gives the same bytes.
    @Test(arguments: ["petstore", "naming", "recursion", "multifile", "bundled", "unions", "servers"])
    func fixtureMatchesGolden(name: String) throws {
        let folder = Repository.goldenFixtures.appendingPathComponent(name)
        let diagnostics = DiagnosticSink()
        let generator = Generator(specPath: "spec.yaml", templatesDirectory: Repository.templates, workingDirectory: folder)
        let files = try generator.run(diagnostics: diagnostics)
        #expect(try generator.run(diagnostics: DiagnosticSink()) == files)
        let expected = OutputDirectory(path: folder.appendingPathComponent("expected").path)
        if ProcessInfo.processInfo.environment["GEN_UPDATE_GOLDEN"] == "1" {
            _ = try expected.write(files)
            try Data(diagnostics.sorted.map(\.description).joined(separator: "\n").utf8)
                .write(to: folder.appendingPathComponent("expected/diagnostics.txt"))
            return
        }
        let differences = expected.differences(from: files)
        #expect(differences.isEmpty, "golden files differ; rerun with GEN_UPDATE_GOLDEN=1 if intended:\n\(differences.map(\.diff).joined())")
        let goldenDiagnostics = try String(contentsOf: folder.appendingPathComponent("expected/diagnostics.txt"), encoding: .utf8)
        #expect(diagnostics.sorted.map(\.description).joined(separator: "\n") == goldenDiagnostics)
    }

    // The fixtures' output compiles as Swift 6 with warnings as errors: models, support and client as
    // a module, the server (no framework) as another, then the Hummingbird and Vapor routes and the
    // AsyncHTTPClient transport against them (with the frameworks this package built).
    @Test(arguments: ["petstore", "naming", "recursion", "multifile", "bundled", "unions", "servers"])
    func fixtureOutputCompiles(name: String) throws {
        let folder = Repository.goldenFixtures.appendingPathComponent(name).appendingPathComponent("expected")
        let module = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0)/Models.swift").path)
        })
        func sources(_ subfolder: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(subfolder).path)
                .filter { $0.hasSuffix(".swift") }.sorted().map { folder.appendingPathComponent(subfolder).appendingPathComponent($0).path }
        }
        let scratch = try TemporaryDirectory()
        try swiftc(["-emit-module", "-parse-as-library", "-module-name", module, "-emit-module-path", scratch.url.appendingPathComponent("\(module).swiftmodule").path] + sources(module))
        let server = scratch.url.appendingPathComponent("\(module)Server.swiftmodule").path
        try swiftc(["-emit-module", "-parse-as-library", "-module-name", module + "Server", "-emit-module-path", server, "-I", scratch.url.path] + sources(module + "Server"))
        for adapter in ["Hummingbird", "Vapor"] {
            try swiftc(["-typecheck", "-module-name", module + adapter, "-I", scratch.url.path] + Self.dependencyFlags() + sources(module + adapter))
        }
        try swiftc(["-typecheck", "-module-name", module + "AsyncHTTPClient", "-I", scratch.url.path] + Self.dependencyFlags() + sources(module + "AsyncHTTPClient"))
    }

    // A large spec's models are split over several files in spec order (here forced with a small
    // weight): every declaration appears once, in the same order, and the split output compiles.
    @Test func modelsSplitAcrossFilesCompile() throws {
        let folder = Repository.goldenFixtures.appendingPathComponent("petstore")
        var generator = Generator(specPath: "spec.yaml", templatesDirectory: Repository.templates, workingDirectory: folder)
        let whole = try generator.run(diagnostics: DiagnosticSink())
        generator.modelsFileWeight = 8
        let split = try generator.run(diagnostics: DiagnosticSink())
        let modelFiles = split.filter { $0.path.contains("/Models") }
        #expect(modelFiles.count > 2)
        #expect(modelFiles.map(\.path).prefix(3) == ["PetStore/Models.swift", "PetStore/Models2.swift", "PetStore/Models3.swift"])
        #expect(split.filter { !$0.path.contains("/Models") } == whole.filter { !$0.path.contains("/Models") })
        func declarations(_ files: [Render.OutputFile]) -> [String] {
            // Each file has import lines of its own.
            files.flatMap { $0.contents.split(separator: "\n").filter { $0.hasPrefix("public ") && !$0.hasPrefix("public import ") }.map(String.init) }
        }
        #expect(declarations(modelFiles) == declarations(whole.filter { $0.path.contains("/Models") }))
        for file in modelFiles {
            #expect(file.contents.hasPrefix("// Generated by gen from spec.yaml. Do not edit"))
            #expect(file.contents.contains("\npublic import Foundation\n") || file.contents.contains("\nimport Foundation\n"))
        }

        let scratch = try TemporaryDirectory()
        _ = try OutputDirectory(path: scratch.url.appendingPathComponent("out").path).write(split)
        let module = scratch.url.appendingPathComponent("out/PetStore")
        let sources = try FileManager.default.contentsOfDirectory(atPath: module.path).sorted().map { module.appendingPathComponent($0).path }
        try swiftc(["-typecheck", "-parse-as-library", "-module-name", "PetStore"] + sources)
    }

    private func swiftc(_ arguments: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try Self.swiftc(arguments, sourceLocation: sourceLocation)
    }

    /// Runs swiftc in Swift 6 mode with warnings as errors and records its errors as a test issue.
    static func swiftc(_ arguments: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc", "-swift-version", "6", "-warnings-as-errors"] + arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        while process.isRunning { usleep(10_000) }
        #expect(process.terminationStatus == 0, "\(String(decoding: output, as: UTF8.self))", sourceLocation: sourceLocation)
    }

    /// Search paths for Hummingbird, Vapor, AsyncHTTPClient and their C dependencies, as SwiftPM
    /// passes them when it builds the package's own generated server and transport.
    static func dependencyFlags() -> [String] {
        let bin = Repository.genExecutable.deletingLastPathComponent()
        var flags = ["-I", bin.appendingPathComponent("Modules").path]
        let manager = FileManager.default
        for entry in (try? manager.contentsOfDirectory(atPath: bin.path)) ?? [] where entry.hasSuffix(".build") {
            let map = bin.appendingPathComponent(entry).appendingPathComponent("module.modulemap").path
            if manager.fileExists(atPath: map) { flags += ["-Xcc", "-fmodule-map-file=" + map] }
        }
        let checkouts = Repository.root.appendingPathComponent(".build/checkouts")
        for package in (try? manager.contentsOfDirectory(atPath: checkouts.path)) ?? [] {
            let sources = checkouts.appendingPathComponent(package).appendingPathComponent("Sources")
            for target in (try? manager.contentsOfDirectory(atPath: sources.path)) ?? [] {
                let include = sources.appendingPathComponent(target).appendingPathComponent("include")
                if manager.fileExists(atPath: include.appendingPathComponent("module.modulemap").path) {
                    flags += ["-Xcc", "-fmodule-map-file=" + include.appendingPathComponent("module.modulemap").path, "-Xcc", "-I", "-Xcc", include.path]
                }
            }
        }
        return flags
    }
}
