import Diagnostics
import Foundation
import Testing
@testable import IR
@testable import OpenAPI
@testable import Pipeline
import Render
@testable import YAML

/// Real-world deviations from OpenAPI that gen repairs (README "Spec deviations gen repairs"):
/// each is a warning at the spec's line:column saying what gen did, the output is the same on
/// every run, and `--warnings-as-errors` or `strict: true` turn the warnings into errors.
@Suite struct SpecDeviationTests {
    static let bundled = Repository.goldenFixtures.appendingPathComponent("bundled")

    /// The warnings the bundled fixture gives, as gen prints them.
    static let bundledWarnings = [
        "paths/_index.yaml:6:5: warning: path template '/v1/projects/{project}/things/{name}' uses '{project}' but the operation declares no 'in: path' parameter named 'project'; gen adds a required string parameter 'project'",
        "paths/_index.yaml:6:18: warning: duplicate operationId 'ThingService_GetThing'; gen names this operation 'getV1ProjectsProjectThingsName', after its method and path (rename it as 'GET /v1/projects/{project}/things/{name}' in the config)\npaths/things.yaml:2:16: note: first used here",
        "paths/things.yaml:6:11: warning: 'responses' is a $ref to '../responses/_sets.yaml#/getThing', where OpenAPI expects a map; gen reads the map it names",
        "responses/_index.yaml:4:11: warning: 'headers' is a $ref to './headers.yaml', where OpenAPI expects a map; gen reads the map it names",
        "responses/_index.yaml:11:11: warning: 'content' is a $ref to './error-content.yaml', where OpenAPI expects a map; gen reads the map it names",
        "schemas/Thing.yaml:4:9: warning: 'properties' is a $ref to './thing-properties.yaml', where OpenAPI expects a map; gen reads the map it names",
        "spec.yaml:7:9: warning: 'paths' is a $ref to './paths/_index.yaml', where OpenAPI expects a map; gen reads the map it names",
        "spec.yaml:10:11: warning: 'components/schemas' is a $ref to './schemas/_index.yaml', where OpenAPI expects a map; gen reads the map it names",
        "spec.yaml:12:11: warning: 'components/responses' is a $ref to './responses/_index.yaml', where OpenAPI expects a map; gen reads the map it names",
    ]

    // A bundler's layout (`paths`, `components.schemas`, `components.responses`, `responses`,
    // `properties`, `headers` and `content` as `$ref`s to other files) reads as if written inline:
    // one warning per `$ref`, each at that `$ref`, and references into the maps name their entries.
    @Test func mapsGivenAsReferencesAreRead() throws {
        let diagnostics = DiagnosticSink()
        let files = try Generator(specPath: "spec.yaml", templatesDirectory: Repository.templates, workingDirectory: Self.bundled).run(diagnostics: diagnostics)
        #expect(diagnostics.sorted.map(\.description) == Self.bundledWarnings)
        let models = try #require(files.first { $0.path == "Bundled/Models.swift" }?.contents)
        for declaration in ["public nonisolated struct Thing:", "public nonisolated struct Owner:", "public nonisolated struct ThingList:", "public nonisolated struct Problem:"] {
            #expect(models.contains(declaration), "\(declaration) missing")
        }
        // `owner` (in the properties file) and `items` (a `#/Thing` inside the index) name the components.
        #expect(models.contains("public var owner: Owner?"))
        #expect(models.contains("public var items: [Thing]"))
        #expect(!models.contains("Thing2") && !models.contains("Owner2"))
    }

    // The first use of a repeated operationId keeps it; the repeat is named after its method and
    // path, and an inferred path parameter is a `String` argument.
    @Test func repeatedOperationIDsAndPathVariablesAreRepaired() throws {
        let files = try Generator(specPath: "spec.yaml", templatesDirectory: Repository.templates, workingDirectory: Self.bundled).run(diagnostics: DiagnosticSink())
        let client = try #require(files.first { $0.path == "Bundled/Client.swift" }?.contents)
        #expect(client.contains("func thingServiceGetThing(name: String"))
        #expect(client.contains("func getV1ProjectsProjectThingsName(project: String, name: String"))
        #expect(client.contains("func thingServiceListThings("))
    }

    /// Builds the IR for `text` with `renames`, returning the operations' names and the diagnostics.
    func operationNames(_ text: String, renames: [NameOverrides.Entry] = []) -> (names: [String], reported: [String]) {
        let parsed = parseDocument(text)
        guard let document = parsed.document else { return ([], parsed.reported) }
        let sink = DiagnosticSink()
        parsed.diagnostics.forEach(sink.report)
        let module = ModuleBuilder(document: document, diagnostics: sink, reserved: Renderer.builtinReservedNames, overrides: NameOverrides(operations: renames)).build(specPath: "t.yaml")
        return (module.operations.map(\.name), sink.sorted.map(\.description))
    }

    static let repeatedIDs = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /v1/{name}/things:
            get:
              operationId: getThing
              parameters: [{name: name, in: path, required: true, schema: {type: string}}]
              responses: {'200': {description: ok}}
            post:
              operationId: getThing
              parameters: [{name: name, in: path, required: true, schema: {type: string}}]
              responses: {'200': {description: ok}}
          /v2/{name}/things:
            get:
              operationId: getThing
              parameters: [{name: name, in: path, required: true, schema: {type: string}}]
              responses: {'200': {description: ok}}
          /later:
            get:
              operationId: postV1NameThings
              responses: {'200': {description: ok}}
        """

    // Repeats are named after method and path once every id written once has its name, so the
    // operation really called `postV1NameThings` keeps it and the repeat takes a numeric suffix.
    @Test func repeatedOperationIDsGetDerivedNames() {
        let (names, reported) = operationNames(Self.repeatedIDs)
        #expect(names == ["getThing", "postV1NameThings2", "getV2NameThings", "postV1NameThings"])
        #expect(reported == [
            "t.yaml:10:20: warning: duplicate operationId 'getThing'; gen names this operation 'postV1NameThings2', after its method and path (rename it as 'POST /v1/{name}/things' in the config)\nt.yaml:6:20: note: first used here",
            "t.yaml:15:20: warning: duplicate operationId 'getThing'; gen names this operation 'getV2NameThings', after its method and path (rename it as 'GET /v2/{name}/things' in the config)\nt.yaml:6:20: note: first used here",
        ])
    }

    // `rename` by `METHOD /path` wins over the derived name; renaming the id renames its first use only.
    @Test func renameWinsOverTheDerivedName() {
        let (names, reported) = operationNames(Self.repeatedIDs, renames: [
            NameOverrides.Entry(original: "POST /v1/{name}/things", name: "createThing"),
            NameOverrides.Entry(original: "getThing", name: "fetchThing"),
        ])
        #expect(names == ["fetchThing", "createThing", "getV2NameThings", "postV1NameThings"])
        #expect(reported.first == "t.yaml:10:20: warning: duplicate operationId 'getThing'; gen names this operation 'createThing', as the config's 'rename' says\nt.yaml:6:20: note: first used here")
    }

    // `filter.operations` by a repeated id keeps every operation that writes it.
    @Test func filteringByARepeatedIDKeepsEachUse() throws {
        let document = try #require(parseDocument(Self.repeatedIDs).document)
        let sink = DiagnosticSink()
        var selection = OperationSelection()
        selection.operationIDs = [.init("getThing")]
        let selected = document.selecting(selection, diagnostics: sink)
        #expect(selected.paths.flatMap(\.operations).count == 3)
        #expect(sink.diagnostics.isEmpty)
    }

    // MARK: Map references: same rules as any `$ref`

    /// Parses `files["spec.yaml"]`, serving the other files from `files` (see ExternalReferenceTests).
    func parse(_ files: ExternalReferenceTests.VirtualFiles) throws -> (Document?, [String]) {
        try ExternalReferenceTests().parse(files)
    }

    // References in the main file name the components a map `$ref` brings in, pointers deeper
    // into them walk through it, and `components` itself may be a `$ref` too.
    @Test func mainFileReferencesReachEntriesOfReferencedMaps() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /pets:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              pet: {$ref: '#/components/schemas/Pet'}
                              name: {$ref: '#/components/schemas/Pet/properties/name'}
            components: COMPONENTS
            """
        let pet = "Pet:\n  type: object\n  properties:\n    name: {type: string}\n"
        for (components, extra) in [("{schemas: {$ref: 'schemas.yaml'}}", [:]), ("{$ref: 'components.yaml'}", ["components.yaml": "schemas: {$ref: 'schemas.yaml'}\n"])] {
            let files = ExternalReferenceTests.VirtualFiles(["spec.yaml": spec.replacingOccurrences(of: "COMPONENTS", with: components), "schemas.yaml": pet].merging(extra) { $1 })
            let (document, reported) = try parse(files)
            #expect(reported.allSatisfy { $0.contains("warning: ") && $0.contains("where OpenAPI expects a map") }, "\(reported)")
            #expect(reported.count == 1 + extra.count)
            #expect(document?.components.schemas.map(\.name) == ["Pet"])
            let properties = document?.paths.first?.operations.first?.responses.first?.content.first?.schema?.properties
            #expect(properties?.first?.schema.reference?.name == "Pet")
            #expect(properties?.last?.schema.types == [.string])
        }
    }

    // A map `$ref` leading outside the spec's folder is refused as any `$ref` is, and nothing is read.
    @Test func mapReferencesStayInsideTheSpecFolder() throws {
        let files = ExternalReferenceTests.VirtualFiles([
            "spec.yaml": "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {$ref: '../elsewhere/paths.yaml'}\n",
            "../elsewhere/paths.yaml": "/a: {get: {responses: {'200': {description: ok}}}}\n",
        ])
        let (document, reported) = try parse(files)
        #expect(document?.paths.isEmpty == true)
        #expect(files.reads.isEmpty)
        #expect(reported == ["spec.yaml:3:15: error: reference '../elsewhere/paths.yaml' leads outside the spec's folder; it is not read"])
    }

    // A map `$ref` that a pointer reaches through itself is a cycle, reported instead of followed forever.
    @Test func cyclesThroughMapReferencesAreReported() throws {
        let (_, reported) = try parse(.init([
            "spec.yaml": """
                openapi: 3.1.0
                info: {title: t, version: '1'}
                paths: {$ref: '#/x-paths/a'}
                x-paths: {$ref: '#/x-paths/a'}
                """,
        ]))
        #expect(reported.contains { $0.contains("error: cyclic reference '#/x-paths/a'") }, "\(reported)")
    }

    // A property *named* `$ref` holds a schema, so `properties` with only that property is a map, not a reference.
    @Test func aPropertyNamedRefIsNotAReference() throws {
        let (document, reported) = try parse(.init([
            "spec.yaml": "openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    A: {type: object, properties: {$ref: {type: string}}}\n",
        ]))
        #expect(reported.isEmpty, "\(reported)")
        #expect(document?.components.schemas.first?.schema.properties.map(\.name) == ["$ref"])
    }

    // MARK: Schemas

    // `required: true` on a property makes it required and `required: false` leaves it optional,
    // each with a warning; on a schema that is not a property it is ignored, with a warning too.
    @Test func requiredFlagsOnProperties() throws {
        let parsed = parseDocument(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                A:
                  type: object
                  required: [b]
                  properties:
                    a: {type: string, required: true}
                    b: {type: string}
                    c: {type: string, required: false}
                B: {type: string, required: true}
            """
        )
        #expect(parsed.reported == [
            "t.yaml:10:37: warning: 'required: true' on property 'a'; OpenAPI lists required properties in the object's 'required' array; gen makes 'a' required",
            "t.yaml:12:37: warning: 'required: false' on property 'c'; OpenAPI lists required properties in the object's 'required' array; gen makes 'c' optional",
            "t.yaml:13:33: warning: 'required: true' on a schema that is not a property; OpenAPI lists required properties in an object's 'required' array; gen ignores it",
        ])
        #expect(parsed.schema("A")?.required == ["b", "a"])
        #expect(parsed.schema("B")?.required == [])
    }

    // A discriminator without `propertyName` is ignored with a warning; the union still has its alternatives.
    @Test func discriminatorWithoutPropertyNameIsIgnored() throws {
        let parsed = parseDocument(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Pet:
                  oneOf: [{type: string}, {type: integer}]
                  discriminator: {mapping: {a: '#/components/schemas/A'}}
            """
        )
        #expect(parsed.reported == [
            "t.yaml:8:22: warning: missing 'propertyName' in discriminator; gen ignores the discriminator and decodes by trying each alternative",
        ])
        #expect(parsed.schema("Pet")?.discriminator == nil)
        #expect(parsed.schema("Pet")?.oneOf.count == 2)
    }

    // MARK: Strictness

    /// A copy of the bundled fixture in a scratch folder, to run the real `gen` in.
    func bundledWorkspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try FileManager.default.copyItem(at: Self.bundled, to: directory.url.appendingPathComponent("bundled"))
        try? FileManager.default.removeItem(at: directory.url.appendingPathComponent("bundled/expected"))
        return directory
    }

    // Each repair is an error under `--warnings-as-errors` and under the config's `strict: true`,
    // and then nothing is written; `--no-warnings-as-errors` overrides `strict: true`.
    @Test func strictnessTurnsRepairsIntoErrors() throws {
        let directory = try bundledWorkspace()
        let arguments = ["bundled/spec.yaml", "--templates", Repository.templates]
        let lenient = try runGen(arguments + ["--output", "lenient"], in: directory.url)
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stderr.contains("0 errors, \(Self.bundledWarnings.count) warnings"), "\(lenient.stderr)")

        let flagged = try runGen(arguments + ["--output", "flagged", "--warnings-as-errors"], in: directory.url)
        #expect(flagged.status == 1)
        #expect(flagged.stderr.contains("\(Self.bundledWarnings.count) errors, 0 warnings"), "\(flagged.stderr)")
        #expect(flagged.stderr.contains("bundled/paths/_index.yaml:6:18: error: duplicate operationId 'ThingService_GetThing'"), "\(flagged.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("flagged").path))

        _ = try directory.write("strict: true\n", to: "strict.yaml")
        let configured = try runGen(arguments + ["--output", "configured", "--config", "strict.yaml"], in: directory.url)
        #expect(configured.status == 1)
        #expect(configured.stderr.contains("bundled/spec.yaml:7:9: error: 'paths' is a $ref"), "\(configured.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("configured").path))

        let overridden = try runGen(arguments + ["--output", "overridden", "--config", "strict.yaml", "--no-warnings-as-errors"], in: directory.url)
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("overridden/Bundled/Models.swift").path))
    }
}
