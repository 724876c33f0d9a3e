import Diagnostics
import Foundation
import Testing
@testable import Pipeline
import Render

/// Generated code passes `swift format lint --strict` under the repository's `.swift-format`, as the
/// templates write it: gen never runs a formatter. Each case runs the real pipeline into a scratch
/// folder and lints what it wrote; a failure lists every finding.
@Suite struct FormattingTests {
    /// One generation: a spec (relative to `folder`), a layout and an access level.
    struct Case: CustomTestStringConvertible, Sendable {
        var spec: String
        var folder: URL
        var layout: Renderer.Layout = .modules
        var accessLevel: Renderer.AccessLevel = .public
        var testDescription: String { "\(spec) (\(layout.rawValue), \(accessLevel.rawValue))" }
    }

    /// The corpus of real specs beside the repository (`../shared/corpus`), when it is there.
    static let corpus = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static let cases: [Case] = [
        Case(spec: "specs/builds.yaml", folder: Repository.root),
        Case(spec: "specs/bodies.yaml", folder: Repository.root),
        Case(spec: "specs/headers.yaml", folder: Repository.root),
        Case(spec: "specs/parameters.yaml", folder: Repository.root),
        // `internal` is the longest access level: lines measured for it fit at every level.
        Case(spec: "specs/parameters.yaml", folder: Repository.root, layout: .flat, accessLevel: .internal),
        Case(spec: "specs/bodies.yaml", folder: Repository.root, layout: .flat, accessLevel: .package),
        // Names that break generators, and key lists too long for one line.
        Case(spec: "Tests/genTests/Fixtures/golden/naming/spec.yaml", folder: Repository.root),
        // Unions' alternatives with their declared keys, some too long for one line.
        Case(spec: "Tests/genTests/Fixtures/golden/unions/spec.yaml", folder: Repository.root, layout: .flat, accessLevel: .internal),
        // `Servers` with wrapped signatures and URLs, and `- Parameters:` lists of hostile text.
        Case(spec: "Tests/genTests/Fixtures/golden/servers/spec.yaml", folder: Repository.root),
        // Real specs: FastAPI (long names, deprecations, unions), a hand-written 3.0 API split
        // over many operations, and the OAI petstore in the plugins' flat layout.
        Case(spec: "airflow-v2-rest/v2-rest-api-generated.yaml", folder: corpus),
        Case(spec: "e2b-api/openapi.yml", folder: corpus, accessLevel: .package),
        Case(spec: "spotify/fixed-spotify-open-api.yml", folder: corpus),
        Case(spec: "oai-petstore/petstore.yaml", folder: corpus, layout: .flat, accessLevel: .internal),
    ]

    // Every Swift file gen writes for the case is lint-clean.
    @Test(arguments: cases)
    func outputIsLintClean(_ testCase: Case) throws {
        guard FileManager.default.fileExists(atPath: testCase.folder.appendingPathComponent(testCase.spec).path) else {
            // The corpus lives outside the repository; without it only the repository's specs run.
            print("FormattingTests: skipping \(testCase.spec): not found in \(testCase.folder.path)")
            return
        }
        var generator = Generator(specPath: testCase.spec, templatesDirectory: Repository.templates, workingDirectory: testCase.folder)
        generator.layout = testCase.layout
        generator.accessLevel = testCase.accessLevel
        if testCase.layout == .flat { generator.outputs = Set(Renderer.Output.allCases) }
        let files = try generator.run(diagnostics: DiagnosticSink())
        let scratch = try TemporaryDirectory()
        _ = try OutputDirectory(path: scratch.url.path).write(files)
        let linted = files.map(\.path).filter(Self.isLinted).sorted()
        #expect(!linted.isEmpty)
        let findings = try Self.lint(linted, in: scratch.url)
        #expect(findings.isEmpty, "\(findings.count) swift-format finding(s) in the output of \(testCase.testDescription):\n\(findings.joined(separator: "\n"))")
    }

    // The check can fail: a mis-indented template gives findings naming the rule and the line.
    @Test func misindentedTemplateIsReported() throws {
        let scratch = try TemporaryDirectory()
        let builtin = try String(contentsOfFile: Repository.templates + "/enum.mustache", encoding: .utf8)
        let broken = builtin.replacingOccurrences(of: "    {{access}} init(rawValue:", with: "      {{access}} init(rawValue:")
        #expect(broken != builtin)
        _ = try scratch.write(broken, to: "templates/enum.mustache")
        var generator = Generator(specPath: "specs/builds.yaml", templatesDirectory: scratch.url.appendingPathComponent("templates").path, workingDirectory: Repository.root)
        generator.outputs = [.models]
        let files = try generator.run(diagnostics: DiagnosticSink())
        let output = scratch.url.appendingPathComponent("out")
        _ = try OutputDirectory(path: output.path).write(files)
        let findings = try Self.lint(files.map(\.path).filter(Self.isLinted), in: output)
        #expect(findings.contains { $0.contains("BuildsAPI/Models.swift:") && $0.contains("[Indentation]") }, "\(findings)")
    }

    /// A Swift file (the output folder also holds gen's manifest).
    static func isLinted(_ path: String) -> Bool {
        path.hasSuffix(".swift")
    }

    /// `swift format lint --strict` with the repository's configuration over `paths` (relative to
    /// `folder`); its findings, one line each (notes left out).
    static func lint(_ paths: [String], in folder: URL) throws -> [String] {
        guard !paths.isEmpty else { return [] }
        let configuration = Repository.root.appendingPathComponent(".swift-format").path
        let run = try runBounded(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["swift", "format", "lint", "--strict", "--configuration", configuration] + paths,
            in: folder,
            timeout: 600
        )
        let findings = (run.stdout + run.stderr).split(separator: "\n").map(String.init).filter { !$0.contains(": note: ") }
        if run.status != 0 && findings.isEmpty {
            Issue.record("swift format lint failed with status \(run.status) and no findings")
        }
        return findings
    }
}
