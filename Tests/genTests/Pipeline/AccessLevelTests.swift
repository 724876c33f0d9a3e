import Foundation
import Testing

/// `accessLevel` / `--access-level`: every generated declaration (models, support code, client,
/// server, framework routes, transport) is `public`, `package` or `internal`, and the output
/// compiles and is usable at each.
@Suite struct AccessLevelTests {
    /// A model with a required, an optional and an enum property, one operation with a path and a
    /// query parameter, and a deprecated schema.
    static let spec = """
        openapi: 3.1.0
        info: {title: Shop, version: "1"}
        servers: [{url: "https://shop.example.com"}]
        paths:
          /orders/{id}:
            get:
              operationId: getOrder
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
                - {name: verbose, in: query, schema: {type: boolean}}
              responses:
                "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Order"}}}}
        components:
          schemas:
            Order:
              type: object
              required: [id]
              properties:
                id: {type: string}
                note: {type: string}
                status: {type: string, enum: [open, shipped]}
        """

    /// User code in another file of the module (flat) or another module of the package.
    static let main = """
        let order = Order(id: "o1", note: "fragile", status: .shipped)
        let data = try WireFormat.makeEncoder().encode(order)
        let back = try WireFormat.makeDecoder().decode(Order.self, from: data)
        precondition(back == order)
        let client = Client(transport: URLSessionTransport())
        precondition(client.baseURL.absoluteString == "https://shop.example.com")
        print("PASS \\(back.status?.rawValue ?? "")")
        """

    /// Writes the spec and runs gen with `arguments`.
    private func generate(_ arguments: [String]) throws -> (GenRun, TemporaryDirectory) {
        let scratch = try TemporaryDirectory()
        _ = try scratch.write(Self.spec, to: "openapi.yaml")
        return (try runGen(["openapi.yaml", "--output", "out"] + arguments, in: scratch.url), scratch)
    }

    private func swiftFiles(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    /// Declarations at `level`, and none left `public`.
    private func expectDeclarations(at level: String, in files: [String]) throws {
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let declarations = text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("public ") }
            #expect(declarations.isEmpty, "\(file) still declares public: \(declarations.prefix(3))")
            if text.contains("struct ") {
                #expect(text.contains("\(level) nonisolated struct "), "\(file) has no \(level) struct")
            }
        }
    }

    // Flat layout, internal: one module compiled with a main.swift that uses the models and the client.
    @Test func internalFlatOutputIsOneModule() throws {
        let (gen, scratch) = try generate(["--layout", "flat", "--access-level", "internal"])
        #expect(gen.status == 0, "\(gen.stderr)")
        let sources = try swiftFiles(scratch.url.appendingPathComponent("out"))
        try expectDeclarations(at: "internal", in: sources)
        let main = try scratch.write(Self.main, to: "program/main.swift")
        let program = scratch.url.appendingPathComponent("program/run")
        try GoldenTests.swiftc(["-module-name", "ShopApp"] + sources + [main.path, "-o", program.path])
        let run = try runBounded(program, [], in: scratch.url, timeout: 60)
        #expect(run.status == 0 && run.stdout.contains("PASS shipped"), "\(run.stdout)\(run.stderr)")
    }

    // Flat layout, internal, every part: the server and both frameworks' routes type-check in the one module.
    @Test func internalFlatServerTypeChecks() throws {
        let scratch = try TemporaryDirectory()
        _ = try scratch.write(Self.spec, to: "openapi.yaml")
        _ = try scratch.write("accessLevel: internal\ngenerate: [models, client, hummingbird, vapor, asyncHTTPClient]\n", to: "gen-config.yaml")
        let gen = try runGen(["openapi.yaml", "--output", "out", "--layout", "flat"], in: scratch.url)
        #expect(gen.status == 0, "\(gen.stderr)")
        let sources = try swiftFiles(scratch.url.appendingPathComponent("out"))
        #expect(sources.count == 7)
        try expectDeclarations(at: "internal", in: sources)
        try GoldenTests.swiftc(["-parse-as-library", "-typecheck", "-module-name", "Shop"] + GoldenTests.dependencyFlags() + sources)
    }

    // Modules layout, package: the models' module and the transport's are usable from another
    // module compiled with the same -package-name, and from no module outside the package.
    @Test func packageModulesCompileWithPackageName() throws {
        let scratch = try TemporaryDirectory()
        _ = try scratch.write(Self.spec, to: "openapi.yaml")
        _ = try scratch.write("accessLevel: package\n", to: "gen-config.yaml")
        let gen = try runGen(["openapi.yaml", "--output", "out"], in: scratch.url)
        #expect(gen.status == 0, "\(gen.stderr)")
        let models = try swiftFiles(scratch.url.appendingPathComponent("out/Shop"))
        let transport = try swiftFiles(scratch.url.appendingPathComponent("out/ShopAsyncHTTPClient"))
        try expectDeclarations(at: "package", in: models + transport)
        let lib = scratch.url.appendingPathComponent("lib")
        try FileManager.default.createDirectory(at: lib, withIntermediateDirectories: true)
        try GoldenTests.swiftc([
            "-parse-as-library", "-emit-module", "-package-name", "ShopPackage", "-module-name", "Shop",
            "-emit-module-path", lib.appendingPathComponent("Shop.swiftmodule").path,
        ] + models)
        try GoldenTests.swiftc(
            ["-parse-as-library", "-typecheck", "-package-name", "ShopPackage", "-module-name", "ShopAsyncHTTPClient", "-I", lib.path]
                + GoldenTests.dependencyFlags() + transport
        )
        // The server and its routes on each framework, each module of the same package.
        let server = try swiftFiles(scratch.url.appendingPathComponent("out/ShopServer"))
        try expectDeclarations(at: "package", in: server)
        try GoldenTests.swiftc([
            "-parse-as-library", "-emit-module", "-package-name", "ShopPackage", "-module-name", "ShopServer", "-I", lib.path,
            "-emit-module-path", lib.appendingPathComponent("ShopServer.swiftmodule").path,
        ] + server)
        for framework in ["Hummingbird", "Vapor"] {
            let routes = try swiftFiles(scratch.url.appendingPathComponent("out/Shop\(framework)"))
            try expectDeclarations(at: "package", in: routes)
            try GoldenTests.swiftc(
                ["-parse-as-library", "-typecheck", "-package-name", "ShopPackage", "-module-name", "Shop\(framework)", "-I", lib.path]
                    + GoldenTests.dependencyFlags() + routes
            )
        }
        let user = try scratch.write("import Shop\n" + Self.main, to: "user/main.swift")
        try GoldenTests.swiftc(["-typecheck", "-package-name", "ShopPackage", "-module-name", "ShopApp", "-I", lib.path, user.path])
        // Outside the package the declarations are out of reach.
        let outside = try runBounded(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["swiftc", "-swift-version", "6", "-typecheck", "-module-name", "Elsewhere", "-I", lib.path, user.path],
            in: scratch.url,
            timeout: 300
        )
        #expect(outside.status != 0 && outside.stderr.contains("Order"), "\(outside.stderr)")
    }

    // internal cannot work in the modules layout: a usage error on the command line (exit 2).
    @Test func internalWithModulesLayoutIsAUsageError() throws {
        let (gen, scratch) = try generate(["--access-level", "internal"])
        #expect(gen.status == 2)
        #expect(gen.stderr.contains("--access-level internal needs --layout flat"), "\(gen.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out").path))
    }

    // The command line wins over the config file, as for every other setting.
    @Test func commandLineOverridesConfig() throws {
        let scratch = try TemporaryDirectory()
        _ = try scratch.write(Self.spec, to: "openapi.yaml")
        _ = try scratch.write("accessLevel: internal\n", to: "gen-config.yaml")
        let gen = try runGen(["openapi.yaml", "--output", "out", "--access-level", "package"], in: scratch.url)
        #expect(gen.status == 0, "\(gen.stderr)")
        try expectDeclarations(at: "package", in: swiftFiles(scratch.url.appendingPathComponent("out/Shop")))
    }
}
