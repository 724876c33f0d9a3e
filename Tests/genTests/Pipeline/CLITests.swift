import Foundation
import Testing

/// The real `gen` binary: exit statuses, diagnostics as a compiler prints them, and what it
/// does (and never does) to the output folder.
@Suite struct CLITests {
    static let minimalSpec = """
        openapi: 3.1.0
        info: {title: Mini, version: "1"}
        paths:
          /items/{id}:
            get:
              operationId: getItem
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                "200":
                  description: The item.
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Item"}
        components:
          schemas:
            Item:
              description: An item.
              type: object
              properties:
                name: {type: string}
        """

    /// Sets up a folder with the spec and a copy-free reference to the real templates.
    func workspace(spec: String = minimalSpec) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        _ = try directory.write(spec, to: "spec.yaml")
        return directory
    }

    func gen(_ arguments: [String], in directory: TemporaryDirectory) throws -> GenRun {
        try runGen(arguments + ["--templates", Repository.templates], in: directory.url)
    }

    // gen needs nothing but the spec: run where there is no Templates/ folder, it uses its built-in
    // templates, which give the same output as the repository's Templates/ folder.
    @Test func builtinTemplatesNeedNoFolder() throws {
        let directory = try workspace()
        let builtin = try runGen(["spec.yaml", "--output", "builtin", "--quiet"], in: directory.url)
        #expect(builtin.status == 0, "\(builtin.stderr)")
        #expect(try gen(["spec.yaml", "--output", "folder", "--quiet"], in: directory).status == 0)
        for file in ["Mini/Models.swift", "Mini/Support.swift", "Mini/Client.swift", "MiniServer/Server.swift"] {
            let a = FileManager.default.contents(atPath: directory.url.appendingPathComponent("builtin/" + file).path)
            let b = FileManager.default.contents(atPath: directory.url.appendingPathComponent("folder/" + file).path)
            #expect(a != nil && a == b, "\(file)")
        }
    }

    // With --diagnostics-format json, standard error is one JSON array and nothing else, whatever
    // happens: a clean run, stale output under --check (the stale files are a diagnostic too), a
    // missing output folder.
    @Test func jsonDiagnosticsAreTheWholeOfStandardError() throws {
        let directory = try workspace()
        func decoded(_ run: GenRun) -> [[String: Any]]? {
            (try? JSONSerialization.jsonObject(with: Data(run.stderr.utf8))) as? [[String: Any]]
        }
        let clean = try gen(["spec.yaml", "--output", "out", "--diagnostics-format", "json"], in: directory)
        #expect(clean.status == 0)
        #expect(decoded(clean)?.isEmpty == true, "\(clean.stderr)")

        _ = try directory.write(Self.minimalSpec.replacingOccurrences(of: "An item.", with: "A thing."), to: "spec.yaml")
        let stale = try gen(["spec.yaml", "--output", "out", "--check", "--diagnostics-format", "json"], in: directory)
        #expect(stale.status == 1)
        #expect(decoded(stale)?.map { $0["message"] as? String } == ["1 file(s) in 'out' are stale; run gen without --check to regenerate them"], "\(stale.stderr)")

        let missing = try gen(["spec.yaml", "--output", "nowhere", "--check"], in: directory)
        #expect(missing.status == 1)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.contains("gen: error: 'nowhere' does not exist; run gen without --check to generate it"), "\(missing.stderr)")
    }

    // Module names that cannot work say why: not an identifier, a keyword, or a module the
    // generated code imports.
    @Test(arguments: [
        ("foo bar", "is not a Swift identifier"),
        ("class", "is a Swift keyword"),
        ("Foundation", "is a name the generated code uses (a module it imports or a type it names); choose another, such as 'FoundationAPI'"),
        ("Hummingbird", "is a name the generated code uses (a module it imports or a type it names)"),
    ])
    func unusableModuleNames(name: String, reason: String) throws {
        let run = try gen(["spec.yaml", "--module-name", name], in: try workspace())
        #expect(run.status == 2)
        #expect(run.stderr.contains("--module-name '\(name)' \(reason)"), "\(run.stderr)")
    }

    // A misspelt override file would do nothing: it is a warning with the likely name. A file
    // given as --templates is an error.
    @Test func templateOverrideMistakes() throws {
        let directory = try workspace()
        _ = try directory.write("{{% CONTENT_TYPE: TEXT }}\nx\n", to: "tpl/modles.mustache")
        let run = try gen(["spec.yaml", "--output", "out"], in: directory)
        let misspelt = try runGen(["spec.yaml", "--output", "out", "--templates", "tpl"], in: directory.url)
        #expect(run.status == 0 && misspelt.status == 0)
        #expect(misspelt.stderr.contains("tpl/modles.mustache:1:1: warning: template 'modles.mustache' replaces no built-in template and no template includes it, so it is not used; did you mean 'models.mustache'?"), "\(misspelt.stderr)")
        let file = try runGen(["spec.yaml", "--output", "out", "--templates", "tpl/modles.mustache"], in: directory.url)
        #expect(file.status == 2)
        #expect(file.stderr.contains("gen: error: --templates 'tpl/modles.mustache' is a file; expected a folder of NAME.mustache files"), "\(file.stderr)")
    }

    // A clean run writes the files and a second run rewrites none of them (mtimes unchanged).
    @Test func generatesAndLeavesUnchangedFilesAlone() throws {
        let directory = try workspace()
        let first = try gen(["spec.yaml", "--output", "out"], in: directory)
        #expect(first.status == 0, "\(first.stderr)")
        let models = directory.url.appendingPathComponent("out/Mini/Models.swift")
        let text = try String(contentsOf: models, encoding: .utf8)
        #expect(text.hasPrefix("// Generated by gen from spec.yaml. Do not edit"))
        #expect(text.contains("public nonisolated struct Item: Codable, Hashable, Sendable {"))
        let before = try FileManager.default.attributesOfItem(atPath: models.path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.05)
        let second = try gen(["spec.yaml", "--output", "out"], in: directory)
        #expect(second.status == 0)
        #expect(second.stderr.contains("wrote 0, unchanged 7"))
        #expect(try FileManager.default.attributesOfItem(atPath: models.path)[.modificationDate] as? Date == before)
    }

    // --check passes on fresh output, and after a description edit exits 1 with a unified diff, writing nothing.
    @Test func checkReportsStaleOutput() throws {
        let directory = try workspace()
        #expect(try gen(["spec.yaml", "--output", "out"], in: directory).status == 0)
        #expect(try gen(["spec.yaml", "--output", "out", "--check"], in: directory).status == 0)
        _ = try directory.write(Self.minimalSpec.replacingOccurrences(of: "An item.", with: "A thing."), to: "spec.yaml")
        let stale = try gen(["spec.yaml", "--output", "out", "--check"], in: directory)
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("--- a/Mini/Models.swift\n+++ b/Mini/Models.swift\n@@ "))
        #expect(stale.stdout.contains("\n-/// An item.\n+/// A thing.\n"))
        #expect(stale.stderr.contains("1 file(s) in 'out' are stale"))
        let models = try String(contentsOf: directory.url.appendingPathComponent("out/Mini/Models.swift"), encoding: .utf8)
        #expect(models.contains("/// An item."))
    }

    // An unresolved $ref is reported as file:line:column with a suggestion, exits 1 and leaves the output untouched.
    @Test func unresolvedReferenceLeavesOutputUntouched() throws {
        let directory = try workspace()
        #expect(try gen(["spec.yaml", "--output", "out"], in: directory).status == 0)
        let before = try snapshot(directory.url.appendingPathComponent("out"))
        _ = try directory.write(Self.minimalSpec.replacingOccurrences(of: "schemas/Item\"}", with: "schemas/Itme\"}"), to: "spec.yaml")
        let run = try gen(["spec.yaml", "--output", "out"], in: directory)
        #expect(run.status == 1)
        #expect(run.stderr.contains("spec.yaml:13:30: error: no schema named 'Itme' in components/schemas\nspec.yaml:16:5: note: did you mean 'Item'?\n"), "\(run.stderr)")
        #expect(run.stderr.contains("1 error, 0 warnings"))
        #expect(try snapshot(directory.url.appendingPathComponent("out")) == before)
    }

    // Broken YAML is an error at libyaml's mark, exit 1.
    @Test func yamlSyntaxErrorsHaveAPosition() throws {
        let directory = try workspace(spec: "openapi: 3.1.0\ninfo: {title: t\npaths: {}\n")
        let run = try gen(["spec.yaml", "--output", "out"], in: directory)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("spec.yaml:"), "\(run.stderr)")
        #expect(run.stderr.contains(": error: "))
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("out").path))
    }

    // Usage and I/O problems exit 2: a missing spec, an unknown option, a missing templates folder.
    @Test func usageErrorsExitTwo() throws {
        let directory = try workspace()
        let missing = try gen(["nope.yaml"], in: directory)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("gen: error: cannot read spec 'nope.yaml': no such file"))
        #expect(try gen(["spec.yaml", "--frobnicate"], in: directory).status == 2)
        #expect(try runGen(["spec.yaml", "--templates", "no-such-folder"], in: directory.url).status == 2)
        #expect(try runGen([], in: directory.url).status == 2)
        // Asked for JSON, a usage error is one JSON diagnostic, not text.
        let json = try gen(["spec.yaml", "--layout", "flatt", "--diagnostics-format", "json"], in: directory)
        #expect(json.status == 2)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stderr.utf8)) as? [[String: Any]]
        #expect(decoded?.count == 1 && (decoded?.first?["message"] as? String)?.contains("flatt") == true, "\(json.stderr)")
    }

    // --warnings-as-errors fails on a warning and writes nothing; --quiet hides warnings; json is machine-readable.
    @Test func diagnosticFlags() throws {
        let spec = Self.minimalSpec.replacingOccurrences(of: "name: {type: string}", with: "name: {type: string, not: {const: x}}")
        let directory = try workspace(spec: spec)
        let warned = try gen(["spec.yaml", "--output", "out"], in: directory)
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("spec.yaml:20:30: warning: 'not' is not enforced by generated code; the constraint is ignored"), "\(warned.stderr)")
        let strict = try gen(["spec.yaml", "--output", "strict", "--warnings-as-errors"], in: directory)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("spec.yaml:20:30: error: 'not' is not enforced"))
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("strict").path))
        let quiet = try gen(["spec.yaml", "--output", "out", "--quiet"], in: directory)
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        let json = try gen(["spec.yaml", "--output", "out", "--diagnostics-format", "json"], in: directory)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stderr.split(separator: "\n")[0].utf8)) as? [[String: Any]]
        #expect(decoded?.first?["severity"] as? String == "warning")
        #expect(decoded?.first?["line"] as? Int == 20 && decoded?.first?["column"] as? Int == 30)
        #expect(decoded?.first?["file"] as? String == "spec.yaml")
    }

    // A symlink inside the spec's folder that points outside it is refused, and the file is not read.
    @Test func symlinksOutOfTheSpecFolderAreRefused() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("secret: {type: string}\n", to: "outside.yaml")
        _ = try directory.write(Self.minimalSpec.replacingOccurrences(of: "#/components/schemas/Item", with: "link.yaml#/secret"), to: "spec/spec.yaml")
        try FileManager.default.createSymbolicLink(
            atPath: directory.url.appendingPathComponent("spec/link.yaml").path,
            withDestinationPath: directory.url.appendingPathComponent("outside.yaml").path
        )
        let run = try runGen(["spec/spec.yaml", "--output", "out", "--templates", Repository.templates], in: directory.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("spec/spec.yaml:13:30: error: reference 'link.yaml#/secret' leads outside the spec's folder; it is not read"), "\(run.stderr)")
    }

    // --help prints usage and exits 0; an invalid module name is a usage error.
    @Test func helpAndModuleNameValidation() throws {
        let directory = try workspace()
        let help = try runGen(["--help"], in: directory.url)
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: gen <spec>"))
        let bad = try gen(["spec.yaml", "--module-name", "foo bar"], in: directory)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--module-name 'foo bar' is not a Swift identifier"))
    }

    // The header names the spec the same way however its path was typed.
    @Test func specPathIsNormalized() throws {
        let directory = try workspace()
        #expect(try gen(["./spec.yaml", "--output", "out"], in: directory).status == 0)
        #expect(try gen([directory.url.appendingPathComponent("spec.yaml").path, "--output", "out", "--check"], in: directory).status == 0)
        let models = try String(contentsOf: directory.url.appendingPathComponent("out/Mini/Models.swift"), encoding: .utf8)
        #expect(models.hasPrefix("// Generated by gen from spec.yaml."))
    }

    // gen removes only files it wrote before and never touches other files in the output folder.
    @Test func touchesOnlyItsOwnFiles() throws {
        let directory = try workspace()
        #expect(try gen(["spec.yaml", "--output", "out"], in: directory).status == 0)
        let mine = try directory.write("// mine\n", to: "out/Mini/Extra.swift")
        let notes = try directory.write("notes\n", to: "out/README.md")
        // A new module name moves the output: the old generated files go, the user's files stay.
        let run = try gen(["spec.yaml", "--output", "out", "--module-name", "Renamed"], in: directory)
        #expect(run.status == 0)
        #expect(run.stderr.contains("removed 7"))
        #expect(FileManager.default.fileExists(atPath: mine.path))
        #expect(FileManager.default.fileExists(atPath: notes.path))
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("out/Mini/Models.swift").path))
        #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("out/Renamed/Models.swift").path))
        // Folders its removals emptied go too; the one holding the user's file stays.
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("out/MiniServer").path))
        #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("out/Mini").path))
    }

    /// Every file under `url` with its contents.
    func snapshot(_ url: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
        while let file = enumerator?.nextObject() as? URL {
            if let data = FileManager.default.contents(atPath: file.path) { result[file.path] = data }
        }
        return result
    }
}
