import Foundation
import Testing

/// `gen-config.yaml`: found beside the spec or named with `--config`, every setting applied, and
/// every mistake in it reported at its line and column.
@Suite struct ConfigurationTests {
    /// Three tags, a deprecated operation and schemas only some operations reach.
    static let spec = """
        openapi: 3.1.0
        info: {title: Shop, version: "1"}
        paths:
          /orders/{id}:
            get:
              operationId: getOrder
              tags: [orders]
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses:
                "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Order"}}}}
            delete:
              operationId: deleteOrder
              tags: [orders]
              deprecated: true
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              responses: {"204": {description: gone}}
          /pets:
            get:
              tags: [pets]
              responses:
                "200": {description: ok, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Pet"}}}}}
          /stats:
            get:
              operationId: getStats
              tags: [admin]
              responses:
                "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Stats"}}}}
        components:
          schemas:
            Order:
              type: object
              properties:
                id: {type: string}
                lines: {type: array, items: {$ref: "#/components/schemas/OrderLine"}}
            OrderLine:
              type: object
              properties: {sku: {type: string}, payment: {$ref: "#/components/schemas/Payment"}}
            Payment:
              oneOf: [{$ref: "#/components/schemas/Card"}]
              discriminator: {propertyName: kind, mapping: {card: Card, cash: "#/components/schemas/Cash"}}
            Card:
              type: object
              required: [kind]
              properties: {kind: {type: string}, last4: {type: string}}
            Cash:
              type: object
              required: [kind]
              properties: {kind: {type: string}}
            Pet: {type: object, properties: {name: {type: string}}}
            Stats: {type: object, properties: {count: {type: integer}}}
            Unused: {type: object, properties: {x: {type: string}}}
        """

    /// Writes the spec and `config` (as `gen-config.yaml` beside it) and runs gen.
    private func run(config: String?, arguments: [String] = []) throws -> (GenRun, TemporaryDirectory) {
        let scratch = try TemporaryDirectory()
        _ = try scratch.write(Self.spec, to: "api/openapi.yaml")
        if let config { _ = try scratch.write(config, to: "api/gen-config.yaml") }
        return (try runGen(["api/openapi.yaml"] + arguments, in: scratch.url), scratch)
    }

    private func read(_ path: String, in scratch: TemporaryDirectory) -> String? {
        try? String(contentsOf: scratch.url.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func configBesideTheSpecIsApplied() throws {
        let (gen, scratch) = try run(config: """
            moduleName: ShopKit
            output: ../out
            generate: [models, client]
            fileWeight: 1
            """)
        #expect(gen.status == 0, "\(gen.stderr)")
        // `output` is relative to the config file's folder, not to where gen runs.
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("out/ShopKit").path).sorted()
        #expect(files.contains("Client.swift") && files.contains("Support.swift") && files.contains("Models2.swift"), "\(files)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out/ShopKitServer").path))
    }

    @Test func commandLineOptionsOverrideTheFile() throws {
        let (gen, scratch) = try run(config: "moduleName: ShopKit\noutput: elsewhere\n", arguments: ["--module-name", "Other", "--output", "mine"])
        #expect(gen.status == 0, "\(gen.stderr)")
        #expect(read("mine/Other/Models.swift", in: scratch) != nil)
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("api/elsewhere").path))
    }

    @Test func droppingAnOutputRemovesItsOldFiles() throws {
        let (first, scratch) = try run(config: nil, arguments: ["--output", "out"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(read("out/Shop/Client.swift", in: scratch) != nil)
        _ = try scratch.write("generate: [models, server]\n", to: "api/gen-config.yaml")
        let second = try runGen(["api/openapi.yaml", "--output", "out"], in: scratch.url)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(read("out/Shop/Client.swift", in: scratch) == nil)
        #expect(read("out/ShopServer/Server.swift", in: scratch) != nil)
        // The server still has the error payload it answers with, now that the client is gone.
        #expect(read("out/Shop/Support.swift", in: scratch)?.contains("public typealias ErrorPayload = JSONValue") == true)
    }

    @Test func filterKeepsMatchingOperationsAndWhatTheyReach() throws {
        let (gen, scratch) = try run(config: """
            output: ../out
            filter:
              tags: [orders]
            skipDeprecated: true
            """)
        #expect(gen.status == 0, "\(gen.stderr)")
        let client = try #require(read("out/Shop/Client.swift", in: scratch))
        #expect(client.contains("func getOrder("))
        #expect(!client.contains("func deleteOrder("), "deprecated operations are skipped")
        #expect(!client.contains("func getPets(") && !client.contains("func getStats("))
        let models = try #require(read("out/Shop/Models.swift", in: scratch))
        // Reached through a property, an array, a oneOf and a discriminator mapping alone (Cash).
        for kept in ["struct Order:", "struct OrderLine:", " Payment", "struct Card:", "struct Cash:"] {
            #expect(models.contains(kept), "\(kept) is used by getOrder")
        }
        for dropped in ["struct Pet:", "struct Stats:", "struct Unused:"] {
            #expect(!models.contains(dropped), "\(dropped) is used by no kept operation")
        }
    }

    @Test func filtersCombineAsAlternatives() throws {
        let (gen, scratch) = try run(config: """
            output: ../out
            filter:
              operations: [getStats]
              paths: [/pets]
              schemas: [Unused]
            """)
        #expect(gen.status == 0, "\(gen.stderr)")
        let client = try #require(read("out/Shop/Client.swift", in: scratch))
        #expect(client.contains("func getStats(") && client.contains("func getPets("))
        #expect(!client.contains("func getOrder("))
        let models = try #require(read("out/Shop/Models.swift", in: scratch))
        #expect(models.contains("struct Unused:") && models.contains("struct Pet:") && !models.contains("struct Order:"))
    }

    @Test func filterEntriesThatMatchNothingWarnWithTheClosestName() throws {
        let (gen, _) = try run(config: """
            output: ../out
            filter:
              tags: [order]
              operations: [getOrdr]
            """)
        #expect(gen.status == 0, "\(gen.stderr)")
        #expect(gen.stderr.contains("api/gen-config.yaml:3:10: warning: the spec has no tag 'order'; this filter entry selects nothing"), "\(gen.stderr)")
        #expect(gen.stderr.contains("api/gen-config.yaml:3:10: note: did you mean 'orders'?"), "\(gen.stderr)")
        #expect(gen.stderr.contains("api/gen-config.yaml:4:16: note: did you mean 'getOrder'?"), "\(gen.stderr)")
    }

    @Test func renamesApplyAndTheOutputCompiles() throws {
        let (gen, scratch) = try run(config: """
            output: ../out
            rename:
              schemas: {Order: Purchase, OrderLine: Order}
              operations: {getOrder: fetchPurchase, "GET /pets": listPets, "GET /stats": stats}
            """)
        #expect(gen.status == 0, "\(gen.stderr)")
        let models = try #require(read("out/Shop/Models.swift", in: scratch))
        #expect(models.contains("public nonisolated struct Purchase:") && models.contains("public var lines: [Order]?"))
        let client = try #require(read("out/Shop/Client.swift", in: scratch))
        #expect(client.contains("func fetchPurchase(id: String) async throws -> Purchase"))
        #expect(client.contains("func listPets() async throws -> [Pet]"))
        #expect(client.contains("func stats() async throws -> Stats"), "METHOD path also names an operation that has an operationId")
        let server = try #require(read("out/ShopServer/Server.swift", in: scratch))
        #expect(server.contains("FetchPurchaseResponse"))
        try typecheck(scratch.url.appendingPathComponent("out"), module: "Shop")
    }

    @Test func badRenamesAreReportedAtTheirEntries() throws {
        let (gen, _) = try run(config: """
            rename:
              schemas: {Order: "2Fast", Pet: Stats, Ordr: X, Card: Client}
              operations: {getOrder: "class"}
            """)
        #expect(gen.status == 1)
        let expected = [
            "api/gen-config.yaml:2:20: error: cannot rename schema 'Order' to '2Fast': not a Swift identifier",
            "api/gen-config.yaml:2:34: error: cannot rename schema 'Pet' to 'Stats': schema 'Stats' has that name; rename it too",
            "api/gen-config.yaml:2:47: warning: the spec has no schema 'Ordr' to rename",
            "api/gen-config.yaml:2:47: note: did you mean 'Order'?",
            "api/gen-config.yaml:2:56: error: cannot rename schema 'Card' to 'Client': a type of gen's support code already has that name",
            "api/gen-config.yaml:3:26: error: cannot rename operation 'getOrder' to 'class'",
        ]
        for line in expected {
            #expect(gen.stderr.contains(line), "missing: \(line)\nin:\n\(gen.stderr)")
        }
    }

    @Test(arguments: [
        ("modelName: X\n", "api/gen-config.yaml:1:1: error: unknown key 'modelName' in the config file", "did you mean 'moduleName'?"),
        ("filter: {tag: [a]}\n", "api/gen-config.yaml:1:10: error: unknown key 'tag' in 'filter'", "did you mean 'tags'?"),
        ("rename: {schema: {}}\n", "api/gen-config.yaml:1:10: error: unknown key 'schema' in 'rename'", "did you mean 'schemas'?"),
        ("generate: [models, clinet]\n", "api/gen-config.yaml:1:20: error: expected one of models, client, server, hummingbird, vapor, asyncHTTPClient in 'generate', found 'clinet'", "did you mean 'client'?"),
        ("generate: [client]\n", "api/gen-config.yaml:1:11: error: 'generate' lists parts without 'models'", nil),
        ("skipDeprecated: yes please\n", "api/gen-config.yaml:1:17: error: expected true or false for 'skipDeprecated', found a string", nil),
        ("fileWeight: 0\n", "api/gen-config.yaml:1:13: error: expected a positive integer for 'fileWeight'", nil),
        ("filter: [tags]\n", "api/gen-config.yaml:1:9: error: expected a mapping for 'filter', found a sequence", nil),
        ("moduleName: Foundation\n", "api/gen-config.yaml:1:13: error: moduleName 'Foundation' is a name the generated code uses (a module it imports or a type it names)", nil),
        ("- just\n- a list\n", "api/gen-config.yaml:1:1: error: expected a mapping for the config file, found a sequence", nil),
        ("output: [unclosed\n", "api/gen-config.yaml:2:1: error:", nil),
        ("accessLevel: publik\n", "api/gen-config.yaml:1:14: error: expected one of public, package, internal for 'accessLevel', found 'publik'", "did you mean 'public'?"),
        ("accessLevel: [package]\n", "api/gen-config.yaml:1:14: error: expected one of public, package, internal for 'accessLevel', found a sequence", nil),
        ("acessLevel: package\n", "api/gen-config.yaml:1:1: error: unknown key 'acessLevel' in the config file", "did you mean 'accessLevel'?"),
        // The modules layout (the default) imports the models' module from the others.
        ("generate: [models]\naccessLevel: internal\n", "api/gen-config.yaml:2:14: error: accessLevel 'internal' needs --layout flat", nil),
        // Relative to the config file, not the current directory: said at the key.
        ("templates: my-templates\n", "api/gen-config.yaml:1:12: error: no templates folder 'api/my-templates' (relative to the config file's folder)", nil),
    ] as [(String, String, String?)])
    func mistakesAreErrorsAtTheirPosition(config: String, error: String, note: String?) throws {
        let (gen, scratch) = try run(config: config)
        #expect(gen.status == 1, "\(gen.stderr)")
        #expect(gen.stderr.contains(error), "\(gen.stderr)")
        if let note { #expect(gen.stderr.contains("note: " + note), "\(gen.stderr)") }
        // Nothing is written when the config is wrong.
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("Generated").path))
    }

    @Test func emptyConfigFileMeansDefaults() throws {
        let (gen, scratch) = try run(config: "# nothing yet\n\n")
        #expect(gen.status == 0, "\(gen.stderr)")
        #expect(read("Generated/ShopServer/Server.swift", in: scratch) != nil)
    }

    /// The SwiftPM plugins' layout: seven files, one module, whatever `generate` says; both
    /// frameworks' routes compile in the one module beside each other.
    @Test func flatLayoutIsOneModuleOfSevenFiles() throws {
        let (gen, scratch) = try run(config: "generate: [models, hummingbird, vapor]\nfileWeight: 1\n", arguments: ["--layout", "flat", "--output", "flat"])
        #expect(gen.status == 0, "\(gen.stderr)")
        let folder = scratch.url.appendingPathComponent("flat")
        let files = ["AsyncHTTPClientTransport", "Client", "HummingbirdRoutes", "Models", "Server", "Support", "VaporRoutes"]
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
            == files.map { $0 + ".swift" }, "never split, always all seven")
        let client = try #require(read("flat/Client.swift", in: scratch))
        #expect(client.hasSuffix("// The client is not generated here: add `client` to `generate` in gen-config.yaml to have it.\n"))
        let server = try #require(read("flat/Server.swift", in: scratch))
        #expect(!server.contains("import Shop\n"), "the server is in the models' module")
        let sources = files.map { folder.appendingPathComponent($0 + ".swift").path }
        try swiftc(["-typecheck", "-module-name", "Shop"] + GoldenTests.dependencyFlags() + sources)
    }

    @Test func explicitConfigFileMustExist() throws {
        let (gen, _) = try run(config: nil, arguments: ["--config", "missing.yaml"])
        #expect(gen.status == 2)
        #expect(gen.stderr.contains("gen: error: cannot read config file 'missing.yaml': no such file"), "\(gen.stderr)")
    }

    @Test func explicitConfigFileIsUsedFromAnywhere() throws {
        let scratch = try TemporaryDirectory()
        _ = try scratch.write(Self.spec, to: "api/openapi.yaml")
        _ = try scratch.write("moduleName: FromConfig\noutput: gen-out\n", to: "settings/shop.yaml")
        let gen = try runGen(["api/openapi.yaml", "--config", "settings/shop.yaml"], in: scratch.url)
        #expect(gen.status == 0, "\(gen.stderr)")
        #expect(read("settings/gen-out/FromConfig/Models.swift", in: scratch) != nil)
    }

    private func swiftc(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        try GoldenTests.swiftc(["-parse-as-library"] + arguments, sourceLocation: sourceLocation)
    }

    /// Type-checks the models and client as module `module`, then the server against it.
    private func typecheck(_ output: URL, module: String) throws {
        let scratch = try TemporaryDirectory()
        func swiftFiles(_ folder: URL) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted().map { folder.appendingPathComponent($0).path }
        }
        try swiftc(["-emit-module", "-module-name", module, "-emit-module-path", scratch.url.appendingPathComponent("\(module).swiftmodule").path]
            + swiftFiles(output.appendingPathComponent(module)))
        try swiftc(["-typecheck", "-module-name", module + "Server", "-I", scratch.url.path] + GoldenTests.dependencyFlags()
            + swiftFiles(output.appendingPathComponent(module + "Server")))
    }
}
