import Foundation
import Testing

/// Hostile and degenerate input fed to the real `gen` binary. Every run is bounded in time; gen must
/// end by itself, never by a signal, with exit status 1 and compiler-style diagnostics (or 0 where
/// the input is valid), and must not create its output folder when it rejects the input.
@Suite struct HostileInputTests {
    static let header = """
        openapi: 3.1.0
        info: {title: Hostile, version: "1"}
        paths: {}

        """

    /// Writes `bytes` as `name` in a fresh folder and runs gen on it.
    func gen(_ bytes: [UInt8], named name: String = "spec.yaml", timeout: Double = 20) throws -> (TemporaryDirectory, BoundedRun) {
        let directory = try TemporaryDirectory()
        try Data(bytes).write(to: directory.url.appendingPathComponent(name))
        return (directory, try runGenBounded(name, in: directory.url, timeout: timeout))
    }

    func gen(_ text: String, named name: String = "spec.yaml", timeout: Double = 20) throws -> (TemporaryDirectory, BoundedRun) {
        try gen(Array(text.utf8), named: name, timeout: timeout)
    }

    func out(_ directory: TemporaryDirectory) -> URL { directory.url.appendingPathComponent("out") }

    // MARK: Empty and degenerate documents

    // An empty file is an error at 1:1, not a crash or an empty module.
    @Test func emptyFile() throws {
        let (directory, run) = try gen("")
        expectRejected(run, file: "spec.yaml", message: "empty input", outputFolder: out(directory))
        #expect(run.stderr.hasPrefix("spec.yaml:1:1: error: "), "\(run.stderr)")
    }

    // A document that is only the `---` marker (a null document) is reported as not a mapping.
    @Test func documentMarkerOnly() throws {
        let (directory, run) = try gen("---\n")
        expectRejected(run, file: "spec.yaml", message: "expected a mapping for the document, found null", outputFolder: out(directory))
    }

    // Files that are no OpenAPI document: whitespace, a tab (not YAML whitespace), a BOM, a comment, a scalar, a sequence, `{}`, `null`.
    @Test(arguments: [
        ("   \n\n", "empty input"),
        ("\t\n", "found character that cannot start any token"),
        ("\u{FEFF}", "empty input"),
        ("# only a comment\n", "empty input"),
        ("hello\n", "expected a mapping for the document, found a string"),
        ("[]", "expected a mapping for the document, found a sequence"),
        ("{}", "missing 'openapi' field"),
        ("null\n", "expected a mapping for the document, found null"),
        ("openapi: 2.0\n", "unsupported OpenAPI version '2.0'"),
    ])
    func degenerateDocuments(text: String, message: String) throws {
        let (directory, run) = try gen(text)
        expectRejected(run, file: "spec.yaml", message: message, outputFolder: out(directory))
    }

    // Two documents in one stream are refused at the second.
    @Test func multipleDocuments() throws {
        let (directory, run) = try gen("---\n\(Self.header)---\n\(Self.header)")
        expectRejected(run, file: "spec.yaml", message: "more than one document", outputFolder: out(directory))
        #expect(run.stderr.hasPrefix("spec.yaml:5:1: error: "), "\(run.stderr)")
    }

    // MARK: Bytes that are not text

    // Random bytes (fixed seeds; one run starts with `{` to take the JSON path) are rejected with a position.
    @Test(arguments: [(UInt64(1), ""), (2, "{"), (3, "["), (4, "openapi: ")])
    func binaryGarbage(seed: UInt64, prefix: String) throws {
        var generator = SeededGenerator(seed: seed)
        let bytes = Array(prefix.utf8) + (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let (directory, run) = try gen(bytes)
        expectRejected(run, file: "spec.yaml", message: "", outputFolder: out(directory))
    }

    // Ill-formed UTF-8 (a stray byte, an overlong form, an encoded surrogate, a truncated sequence,
    // beyond U+10FFFF) is an error in both the YAML reader and the JSON parser.
    @Test(arguments: [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80]] as [[UInt8]])
    func invalidUTF8(sequence: [UInt8]) throws {
        let yaml = Array("openapi: 3.1.0\ninfo: {title: \"a".utf8) + sequence + Array("b\", version: \"1\"}\npaths: {}\n".utf8)
        let (yamlDirectory, yamlRun) = try gen(yaml)
        expectRejected(yamlRun, file: "spec.yaml", message: "", outputFolder: out(yamlDirectory))
        #expect(yamlRun.stderr.hasPrefix("spec.yaml:2:"), "\(yamlRun.stderr)")

        let json = Array(#"{"openapi": "3.1.0", "info": {"title": "a"#.utf8) + sequence + Array(#"b", "version": "1"}, "paths": {}}"#.utf8)
        let (jsonDirectory, jsonRun) = try gen(json, named: "spec.json")
        expectRejected(jsonRun, file: "spec.json", message: "invalid UTF-8 byte", outputFolder: out(jsonDirectory))
    }

    // JSON escapes of lone surrogates cannot become text: an error at the escape, in .json and .yaml files alike.
    @Test(arguments: [#"\ud800"#, #"\udc00x"#, #"\ud800\u0041"#, #"x\uDBFF"#])
    func loneSurrogateEscape(title: String) throws {
        let spec = #"{"openapi": "3.1.0", "info": {"title": ""# + title + #"", "version": "1"}, "paths": {}}"#
        for name in ["spec.json", "spec.yaml"] {
            let (directory, run) = try gen(spec, named: name)
            expectRejected(run, file: name, message: "lone surrogate", outputFolder: out(directory))
        }
    }

    // MARK: Structure that exhausts naive parsers

    // 10,000 levels of flow-style YAML and of JSON stop at the depth limit instead of overflowing the stack.
    @Test(arguments: [
        ("spec.yaml", header + "x-deep: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"),
        ("spec.yaml", header + "x-deep: " + String(repeating: "{a: ", count: 10_000) + "1" + String(repeating: "}", count: 10_000) + "\n"),
        ("spec.json", #"{"openapi": "3.1.0", "x": "# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"),
        ("spec.json", #"{"openapi": "3.1.0", "x": "# + String(repeating: #"{"a": "#, count: 10_000) + "1" + String(repeating: "}", count: 10_001)),
    ])
    func deepNesting(name: String, spec: String) throws {
        let (directory, run) = try gen(spec, named: name)
        expectRejected(run, file: name, message: "nesting deeper than 512 levels", outputFolder: out(directory))
    }

    // Block-style nesting (indentation) 2,000 levels deep hits the same limit.
    @Test func deepBlockNesting() throws {
        var spec = Self.header + "x-deep:\n"
        for level in 1...2_000 { spec += String(repeating: " ", count: level) + "a:\n" }
        let (directory, run) = try gen(spec)
        expectRejected(run, file: "spec.yaml", message: "nesting deeper than 512 levels", outputFolder: out(directory))
    }

    // Schemas nested deeper than the schema limit (through `items`, within the YAML limit) are an
    // error; nesting just under it generates.
    @Test func deepSchemas() throws {
        func spec(depth: Int) -> String {
            Self.header + "components:\n  schemas:\n    Deep: " + String(repeating: "{type: array, items: ", count: depth) + "{type: string}" + String(repeating: "}", count: depth) + "\n"
        }
        let (directory, run) = try gen(spec(depth: 400))
        expectRejected(run, file: "spec.yaml", message: "schema nested deeper than", outputFolder: out(directory))
        let (okDirectory, okRun) = try gen(spec(depth: 200))
        expectAccepted(okRun)
        let models = try String(contentsOf: out(okDirectory).appendingPathComponent("Hostile/Models.swift"), encoding: .utf8)
        #expect(models.contains("public typealias Deep = " + String(repeating: "[", count: 200) + "String" + String(repeating: "]", count: 200)))
    }

    // "Billion laughs": 10 levels of 10 aliases each stop at the expansion budget, quickly.
    @Test func aliasBomb() throws {
        var spec = Self.header + "x-a0: &a0 [" + Array(repeating: "lol", count: 10).joined(separator: ", ") + "]\n"
        for level in 1..<10 {
            spec += "x-a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let (directory, run) = try gen(spec)
        expectRejected(run, file: "spec.yaml", message: "aliases expand to more than", outputFolder: out(directory))
    }

    // The same bomb built from mappings and merge keys.
    @Test func mergeKeyBomb() throws {
        var spec = Self.header + "x-m0: &m0 {" + (0..<10).map { "k\($0): lol" }.joined(separator: ", ") + "}\n"
        for level in 1..<10 {
            spec += "x-m\(level): &m\(level) {" + (0..<10).map { "k\($0): *m\(level - 1)" }.joined(separator: ", ") + ", <<: *m\(level - 1)}\n"
        }
        let (directory, run) = try gen(spec)
        expectRejected(run, file: "spec.yaml", message: "aliases expand to more than", outputFolder: out(directory))
    }

    // An alias inside the node it names would be infinite; an undefined one names nothing.
    @Test(arguments: [
        ("x-self: &a [1, *a]\n", "recursive alias '*a'"),
        ("x-self: &m {k: *m}\n", "recursive alias '*m'"),
        ("x-self: &m {<<: *m}\n", "recursive alias '*m'"),
        ("x-undefined: *nowhere\n", "undefined alias '*nowhere'"),
    ])
    func selfReferencingAlias(tail: String, message: String) throws {
        let (directory, run) = try gen(Self.header + tail)
        expectRejected(run, file: "spec.yaml", message: message, outputFolder: out(directory))
    }

    // A key given twice is an error at the second with a note at the first, in YAML and JSON.
    @Test func duplicateKeys() throws {
        let (directory, run) = try gen(Self.header + "openapi: 3.0.0\n")
        expectRejected(run, file: "spec.yaml", message: "duplicate key 'openapi' in mapping", outputFolder: out(directory))
        #expect(run.stderr.contains("spec.yaml:4:1: error: duplicate key 'openapi' in mapping\nspec.yaml:1:1: note: first defined here\n"), "\(run.stderr)")

        let properties = Self.header + "components:\n  schemas:\n    A:\n      type: object\n      properties:\n        x: {type: string}\n        x: {type: integer}\n"
        let (propertyDirectory, propertyRun) = try gen(properties)
        expectRejected(propertyRun, file: "spec.yaml", message: "duplicate key 'x' in mapping", outputFolder: out(propertyDirectory))

        let (jsonDirectory, jsonRun) = try gen(#"{"openapi": "3.1.0", "info": {"title": "t", "version": "1", "title": "u"}, "paths": {}}"#, named: "spec.json")
        expectRejected(jsonRun, file: "spec.json", message: "duplicate key 'title' in mapping", outputFolder: out(jsonDirectory))
    }

    // Spec names with line breaks, terminal escapes and bidi overrides cannot break a diagnostic
    // over lines or forge one: they are printed as `\u{…}`.
    @Test func diagnosticsStayOnOneLine() throws {
        let key = #"x\nspec.json:1:1: error: forged\u001b[2J\u202eevil"#
        let spec = #"{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": {"A": {"type": "object", "properties": {""# + key + #"": {"type": "string"}, ""# + key + #"": {"type": "string"}}}}}}"#
        let (directory, run) = try gen(spec, named: "spec.json")
        expectRejected(run, file: "spec.json", message: #"duplicate key 'x\u{A}spec.json:1:1: error: forged\u{1B}[2J\u{202E}evil' in mapping"#, outputFolder: out(directory))
        #expect(!run.stderr.contains("\u{1B}") && !run.stderr.contains("\u{202E}"))
        #expect(run.stderr.split(separator: "\n").filter { $0.contains("forged") }.count == 1)
    }

    // MARK: Size

    // A ~50 MB valid spec with thousands of schemas and operations generates; its wall time is printed, not asserted.
    @Test func fiftyMegabyteSpec() throws {
        let directory = try TemporaryDirectory()
        let schemas = 2_150
        let padding = String(repeating: "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", count: 1)
        var pieces: [String] = [Self.header.replacingOccurrences(of: "paths: {}\n", with: ""), "paths:\n"]
        for index in stride(from: 0, to: schemas, by: 10) {
            pieces.append("""
                  /things\(index)/{id}:
                    get:
                      operationId: getThing\(index)
                      description: Returns thing \(index).
                      parameters: [{name: id, in: path, required: true, schema: {type: string}}, {name: limit, in: query, schema: {type: integer}}]
                      responses:
                        "200": {description: OK, content: {application/json: {schema: {$ref: "#/components/schemas/Thing\(index)"}}}}

                """)
        }
        pieces.append("components:\n  schemas:\n")
        for index in 0..<schemas {
            var schema = """
                    Thing\(index):
                      type: object
                      description: |

                """
            for line in 0..<40 { schema += "        Line \(line) of thing \(index). \(padding)\n" }
            schema += """
                      required: [id, name]
                      properties:
                        id: {type: integer, format: int64, description: The identifier of thing \(index).}
                        name: {type: string, description: The name.}
                        status: {type: string, enum: [new, used, broken], default: new}
                        tags: {type: array, items: {type: string}}
                        next: {$ref: "#/components/schemas/Thing\((index + 1) % schemas)"}
                      example:
                        id: \(index)
                        tags:

                """
            for tag in 0..<200 { schema += "          - example tag \(tag) of thing \(index) \(padding)\n" }
            pieces.append(schema)
        }
        let spec = pieces.joined()
        #expect(spec.utf8.count > 45_000_000, "the spec is only \(spec.utf8.count) bytes")
        _ = try directory.write(spec, to: "spec.yaml")
        let run = try runGenBounded("spec.yaml", in: directory.url, timeout: 600)
        print("HostileInputTests.fiftyMegabyteSpec: gen took \(String(format: "%.1f", run.seconds)) s for \(spec.utf8.count / 1_000_000) MB, \(schemas) schemas")
        expectAccepted(run)
        // Models of this size are split over several files; the last schema is in the last one.
        let module = out(directory).appendingPathComponent("Hostile")
        let modelFiles = try FileManager.default.contentsOfDirectory(atPath: module.path).filter { $0.hasPrefix("Models") }
        #expect(modelFiles.count > 1)
        let last = try String(contentsOf: module.appendingPathComponent("Models\(modelFiles.count).swift"), encoding: .utf8)
        #expect(last.contains("public nonisolated struct Thing\(schemas - 1): Codable, Hashable, Sendable {"))
        let client = try String(contentsOf: out(directory).appendingPathComponent("Hostile/Client.swift"), encoding: .utf8)
        #expect(client.contains("public func getThing\(schemas - 10)(id: String, limit: Int? = nil) async throws -> Thing\(schemas - 10) {"))
    }

    // A 100,000-character schema name and property name do not crash gen and come out whole.
    @Test func hundredThousandCharacterNames() throws {
        let schema = "S" + String(repeating: "s", count: 99_999)
        let property = String(repeating: "p", count: 100_000)
        // Plain keys are limited to 1024 characters in YAML; explicit `? key` entries are not.
        let spec = Self.header + "components:\n  schemas:\n    ? \(schema)\n    : type: object\n      properties:\n        ? \(property)\n        : {type: string}\n"
        let (directory, run) = try gen(spec)
        expectAccepted(run)
        let models = try String(contentsOf: out(directory).appendingPathComponent("Hostile/Models.swift"), encoding: .utf8)
        #expect(models.contains("public nonisolated struct \(schema): Codable, Hashable, Sendable {"))
        #expect(models.contains("    public var \(property): String?\n"))
    }

    // 5,000-character names with word breaks, in JSON, generate code that type-checks as Swift 6.
    @Test func fiveThousandCharacterNamesTypeCheck() throws {
        let schema = String(repeating: "long_schema_", count: 417)
        let property = String(repeating: "very-long-property ", count: 263)
        let operation = String(repeating: "get_", count: 1_250)
        let spec = """
            {"openapi": "3.1.0", "info": {"title": "Long", "version": "1"},
             "paths": {"/x": {"get": {"operationId": "\(operation)", "parameters": [{"name": "\(property)", "in": "query", "schema": {"type": "string"}}],
               "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/\(schema)"}}}}}}}},
             "components": {"schemas": {"\(schema)": {"type": "object", "required": ["\(property)"], "properties": {"\(property)": {"type": "string", "enum": ["\(property)"]}}}}}}
            """
        let (directory, run) = try gen(spec, named: "spec.json")
        expectAccepted(run)
        let models = try String(contentsOf: out(directory).appendingPathComponent("Long/Models.swift"), encoding: .utf8)
        let typeName = try #require(models.split(separator: "\n").first { $0.hasPrefix("public nonisolated struct ") })
        #expect(typeName.count > 4_000, "the name was shortened: \(typeName.prefix(80))…")
        #expect(models.contains(#"forKey: ""# + property + #"""#), "the JSON key is not kept verbatim")
        try expectTypeChecks(moduleSources(in: out(directory), module: "Long"), module: "Long", in: directory.url)
    }

    // A 10 MB description and a 10 MB default string survive whole, as a doc comment and a literal.
    @Test func tenMegabyteStrings() throws {
        let description = String(repeating: "d", count: 10_000_000)
        let value = String(repeating: "v", count: 10_000_000)
        let spec = Self.header + "components:\n  schemas:\n    Big:\n      type: object\n      description: \"\(description)\"\n      properties:\n        x: {type: string, default: \"\(value)\"}\n"
        let (directory, run) = try gen(spec, timeout: 120)
        expectAccepted(run)
        let models = try String(contentsOf: out(directory).appendingPathComponent("Hostile/Models.swift"), encoding: .utf8)
        #expect(models.contains("\n/// \(description)\npublic nonisolated struct Big"))
        #expect(models.contains("x: String = \"\(value)\""))
    }

    // MARK: References that escape the spec's folder

    /// A folder whose spec sits two levels down, with decoy files where escaping references would
    /// lead: if gen read one, the reference would resolve and the run would succeed.
    func escapeWorkspace(ref: String) throws -> (TemporaryDirectory, BoundedRun) {
        let directory = try TemporaryDirectory()
        let decoy = "Leak: {type: object, properties: {leaked: {type: string}}}\n"
        _ = try directory.write(decoy, to: "etc/passwd")
        _ = try directory.write(decoy, to: "x.yaml")
        let spec = Self.header + """
            components:
              schemas:
                A:
                  $ref: "\(ref)"
                B:
                  type: object
                  properties:
                    a: {$ref: "\(ref)"}

            """
        _ = try directory.write(spec, to: "a/b/spec.yaml")
        return (directory, try runGenBounded("a/b/spec.yaml", in: directory.url))
    }

    // `../../etc/passwd`, `/etc/passwd`, a URL, percent-encoded and absolute escapes: each is an
    // error naming the reference, at both uses, and no file outside the spec's folder is read.
    @Test(arguments: [
        "../../etc/passwd", "../../etc/passwd#/Leak", "/etc/passwd", "/etc/passwd#/root",
        "https://example.com/x.yaml", "https://example.com/x.yaml#/Leak", "file:///etc/passwd", "//example.com/x.yaml",
        "%2e%2e/%2e%2e/etc/passwd#/Leak", "..%2F..%2Fetc%2Fpasswd#/Leak", "./../../x.yaml#/Leak",
    ])
    func escapingReference(ref: String) throws {
        let (directory, run) = try escapeWorkspace(ref: ref)
        expectRejected(run, file: "a/b/spec.yaml", message: "'\(ref)'", outputFolder: directory.url.appendingPathComponent("out"))
        let errors = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count >= 2 && errors.allSatisfy { $0.contains("'\(ref)'") }, "\(run.stderr)")
        #expect(!run.stderr.contains("Leak") || ref.contains("Leak"), "a decoy file was read:\n\(run.stderr)")
        #expect(!run.stderr.contains("root:"), "/etc/passwd was read:\n\(run.stderr)")
    }

    // The decoy the escaping references aim at is only reachable from a spec in its own folder,
    // which shows the test above would notice a leak.
    @Test func escapeDecoyIsReadableFromInside() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("Leak: {type: object, properties: {leaked: {type: string}}}\n", to: "a/b/x.yaml")
        _ = try directory.write(Self.header + "components:\n  schemas:\n    A: {$ref: \"x.yaml#/Leak\"}\n", to: "a/b/spec.yaml")
        let run = try runGenBounded("a/b/spec.yaml", in: directory.url)
        expectAccepted(run)
    }
}
