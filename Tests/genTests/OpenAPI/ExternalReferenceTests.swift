import Diagnostics
import Foundation
import Testing
@testable import OpenAPI
@testable import YAML

/// `$ref`s into other files: resolved relative to the referring file, each file read once, and
/// nothing outside the spec's folder ever read.
@Suite struct ExternalReferenceTests {
    /// Parses `files["spec.yaml"]` with every other file served from `files`; records what was read.
    final class VirtualFiles: @unchecked Sendable {
        let files: [String: String]
        private(set) var reads: [String] = []

        init(_ files: [String: String]) {
            self.files = files
        }

        func read(_ path: String) -> [UInt8]? {
            reads.append(path)
            let name = path.hasPrefix("/virtual/") ? String(path.dropFirst("/virtual/".count)) : path
            return files[name].map { Array($0.utf8) }
        }
    }

    func parse(_ files: VirtualFiles) throws -> (Document?, [String]) {
        let diagnostics = DiagnosticSink()
        let root = try YAMLLoader().load(Array(files.files["spec.yaml"]!.utf8), file: "spec.yaml", diagnostics: diagnostics)
        let document = DocumentParser(root: root, diagnostics: diagnostics, read: files.read, workingDirectory: "/virtual").parse()
        return (document, diagnostics.sorted.map(\.description))
    }

    static let header = """
        openapi: 3.1.0
        info: {title: t, version: "1"}
        paths:
          /a:
            get:
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: "REF"}

        """

    // A schema file becomes a named component; refs inside it resolve relative to it; each file is read once.
    @Test func namesSchemasFromOtherFiles() throws {
        let files = VirtualFiles([
            "spec.yaml": Self.header.replacingOccurrences(of: "REF", with: "models/pet.yaml"),
            "models/pet.yaml": "type: object\nproperties:\n  owner: {$ref: 'people.yaml#/Person'}\n  friend: {$ref: 'people.yaml#/Person'}\n",
            "models/people.yaml": "Person:\n  type: object\n  properties:\n    pet: {$ref: './pet.yaml'}\n",
        ])
        let (document, diagnostics) = try parse(files)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(document?.components.schemas.map(\.name) == ["pet", "Person"])
        #expect(files.reads == ["/virtual/models/pet.yaml", "/virtual/models/people.yaml"])
        let owner = document?.components.schemas.first?.schema.properties.first?.schema
        #expect(owner?.reference?.name == "Person")
    }

    // A component that is only a `$ref` to another file is that file's schema, under the
    // component's name; other references to the file mean the component too.
    @Test func componentsInOtherFilesKeepTheirNames() throws {
        let files = VirtualFiles([
            "spec.yaml": Self.header.replacingOccurrences(of: "REF", with: "#/components/schemas/Stats") + """
                components:
                  schemas:
                    Stats: {$ref: 'schemas/stats.yaml'}
                    Usage: {$ref: 'schemas/usage.yaml'}
                """,
            "schemas/stats.yaml": "type: object\nproperties:\n  usage: {$ref: 'usage.yaml'}\n  again: {$ref: 'stats.yaml'}\n",
            "schemas/usage.yaml": "type: object\nproperties:\n  count: {type: integer}\n",
        ])
        let (document, diagnostics) = try parse(files)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(document?.components.schemas.map(\.name) == ["Stats", "Usage"])
        let stats = document?.components.schemas.first?.schema
        #expect(stats?.reference == nil && stats?.properties.map(\.name) == ["usage", "again"])
        #expect(stats?.properties.map { $0.schema.reference?.name } == ["Usage", "Stats"])
        #expect(files.reads == ["/virtual/schemas/stats.yaml", "/virtual/schemas/usage.yaml"])
    }

    // References that leave the spec's folder, are absolute, or name URLs are errors, and nothing is read.
    @Test(arguments: [
        ("../../etc/passwd", "spec.yaml:11:30: error: reference '../../etc/passwd' leads outside the spec's folder; it is not read"),
        ("/etc/passwd", "spec.yaml:11:30: error: reference '/etc/passwd' is an absolute path; references must be relative and stay inside the spec's folder"),
        ("https://example.com/x.yaml#/X", "spec.yaml:11:30: error: reference 'https://example.com/x.yaml#/X' names a URL; only files inside the spec's folder are read"),
        ("models/../../outside.yaml", "spec.yaml:11:30: error: reference 'models/../../outside.yaml' leads outside the spec's folder; it is not read"),
    ])
    func refusesEscapingReferences(ref: String, expected: String) throws {
        let files = VirtualFiles(["spec.yaml": Self.header.replacingOccurrences(of: "REF", with: ref)])
        let (_, diagnostics) = try parse(files)
        #expect(diagnostics == [expected])
        #expect(files.reads.isEmpty)
    }

    // A missing file and a missing pointer inside a file are reported at the reference.
    @Test func reportsMissingTargets() throws {
        let missingFile = VirtualFiles(["spec.yaml": Self.header.replacingOccurrences(of: "REF", with: "nope.yaml")])
        #expect(try parse(missingFile).1 == ["spec.yaml:11:30: error: cannot read 'nope.yaml', named by reference 'nope.yaml'"])
        let missingPointer = VirtualFiles([
            "spec.yaml": Self.header.replacingOccurrences(of: "REF", with: "m.yaml#/Pett"),
            "m.yaml": "Pet: {type: string}\n",
        ])
        #expect(try parse(missingPointer).1 == [
            "spec.yaml:11:30: error: cannot resolve schema reference 'm.yaml#/Pett': no 'Pett' in the document\nm.yaml:1:1: note: did you mean 'Pet'?",
        ])
    }

    // Broken YAML in a referenced file is reported in that file, at libyaml's mark.
    @Test func reportsErrorsInReferencedFiles() throws {
        let files = VirtualFiles([
            "spec.yaml": Self.header.replacingOccurrences(of: "REF", with: "bad.yaml"),
            "bad.yaml": "type: object\nproperties: {a: [\n",
        ])
        let diagnostics = try parse(files).1
        #expect(diagnostics.first?.hasPrefix("bad.yaml:") == true, "\(diagnostics)")
    }
}
