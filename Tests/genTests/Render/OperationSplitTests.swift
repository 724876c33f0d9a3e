import Diagnostics
import Foundation
import Pipeline
import Testing

@testable import IR
@testable import Render

/// Large specs spread the client over `Client.swift`, `Client2.swift`, … and the server over
/// `Server.swift`, `Server2.swift`, … (`Renderer.operationsFileWeight`).
@Suite struct OperationSplitTests {
    /// A spec of `count` operations of varied shapes: path, query and header parameters, bodies,
    /// response headers, a deprecated operation every tenth (its route goes through
    /// `DeprecatedOperationRoutes`), and responses with and without bodies.
    static func manyOperations(_ count: Int) -> String {
        var paths = ""
        for index in 0..<count {
            let deprecated = index % 10 == 3 ? "\n      deprecated: true" : ""
            let headers = index % 3 == 0 ? """

                      headers:
                        X-Count-\(index): {required: true, schema: {type: integer}}
                        X-Day: {schema: {type: string, format: date}}
            """ : ""
            // Some bodies come in two types, so an enum of them is declared (once, in the models).
            let textBody = index % 4 == 1 ? """

                      text/plain:
                        schema: {type: string}
            """ : ""
            paths += """
              /items\(index)/{id}:
                get:
                  operationId: getItem\(index)\(deprecated)
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                    - {name: since, in: query, schema: {type: string, format: date}}
                    - {name: X-Trace, in: header, schema: {type: string}}
                  responses:
                    '200':
                      description: ok\(headers)
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Item'}
                    '404':
                      description: missing
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Problem'}
                put:
                  operationId: putItem\(index)
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Item'}\(textBody)
                  responses:
                    '204': {description: stored}

            """
        }
        return """
            openapi: 3.1.0
            info: {title: Many, version: '1'}
            paths:
            \(paths)
            components:
              schemas:
                Item:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                    day: {type: string, format: date}
                Problem:
                  type: object
                  properties:
                    detail: {type: string}
            """
    }

    func generate(_ spec: String, weight: Int? = nil) throws -> [OutputFile] {
        let scratch = try TemporaryDirectory()
        _ = try scratch.write(spec, to: "spec.yaml")
        var generator = Generator(specPath: "spec.yaml", workingDirectory: scratch.url)
        if let weight { generator.operationsFileWeight = weight }
        return try generator.run(diagnostics: DiagnosticSink())
    }

    // With a small weight the client and server split over several files, deterministically,
    // declaring every operation exactly once and leaving models and support as they were; both
    // modules type-check as Swift 6 with warnings as errors.
    @Test func largeSpecsSplitClientAndServer() throws {
        let spec = Self.manyOperations(40)
        let whole = try generate(spec)
        let split = try generate(spec, weight: 40)
        #expect(try generate(spec, weight: 40) == split, "splitting is deterministic")

        let paths = split.map(\.path)
        let clientFiles = split.filter { $0.path.hasPrefix("Many/Client") }
        let serverFiles = split.filter { $0.path.hasPrefix("ManyServer/Server") }
        #expect(clientFiles.count > 2 && serverFiles.count > 2, "\(paths)")
        #expect(clientFiles.map(\.path) == ["Many/Client.swift"] + (2...clientFiles.count).map { "Many/Client\($0).swift" })
        #expect(serverFiles.map(\.path) == ["ManyServer/Server.swift"] + (2...serverFiles.count).map { "ManyServer/Server\($0).swift" })
        #expect(whole.map(\.path) == ["Many/Models.swift", "Many/Support.swift", "Many/Client.swift", "ManyServer/Server.swift", "ManyHummingbird/HummingbirdRoutes.swift", "ManyVapor/VaporRoutes.swift", "ManyAsyncHTTPClient/AsyncHTTPClientTransport.swift"])
        #expect(split.filter { !$0.path.contains("/Client") && !$0.path.contains("/Server") }
            == whole.filter { !$0.path.contains("/Client") && !$0.path.contains("/Server") })

        // Every declaration once, as unsplit; only handlers lose `private`/`fileprivate` (they are
        // called from the file that registers the routes).
        func lines(_ files: [OutputFile], _ prefix: String) -> [String] {
            files.flatMap { file in
                file.contents.split(separator: "\n").map { line in
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    for access in ["private ", "fileprivate "] where trimmed.hasPrefix(access + "func handle") { return String(trimmed.dropFirst(access.count)) }
                    return trimmed
                }.filter { $0.hasPrefix(prefix) }
            }
        }
        for prefix in ["public func ", "public nonisolated struct ", "public nonisolated enum ", "public struct ", "public enum ", "func handle", "case ."] {
            #expect(lines(clientFiles + serverFiles, prefix).sorted()
                == lines(whole.filter { $0.path.contains("/Client") || $0.path.contains("/Server") }, prefix).sorted(), "\(prefix)")
        }
        #expect(clientFiles[0].contents.contains("public nonisolated struct Client: Sendable {"))
        for file in clientFiles.dropFirst() {
            #expect(file.contents.contains("\nnonisolated extension Client {\n") && !file.contents.contains("struct ClientRequest"))
            #expect(file.contents.hasPrefix("// Generated by gen from spec.yaml. Do not edit"))
        }
        #expect(serverFiles[0].contents.contains("public nonisolated protocol APIService") && serverFiles[0].contents.contains("enum ServerCoding"))
        for file in serverFiles.dropFirst() {
            #expect(file.contents.contains("\nnonisolated extension APIService {\n") && !file.contents.contains("protocol APIService"))
            #expect(file.contents.contains("func handle") && file.contents.contains("public nonisolated enum "))
        }

        let scratch = try TemporaryDirectory()
        _ = try OutputDirectory(path: scratch.url.appendingPathComponent("out").path).write(split)
        func sources(_ folder: String) throws -> [String] {
            let url = scratch.url.appendingPathComponent("out/\(folder)")
            return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".swift") }.sorted()
                .map { url.appendingPathComponent($0).path }
        }
        try swiftc(["-emit-module", "-parse-as-library", "-module-name", "Many", "-emit-module-path", scratch.url.appendingPathComponent("Many.swiftmodule").path]
            + sources("Many"))
        try swiftc(["-typecheck", "-module-name", "ManyServer", "-I", scratch.url.path] + GoldenTests.dependencyFlags() + sources("ManyServer"))
    }

    // A server generated without a client still has the headers structs its response cases
    // carry (they are declared with the models), and type-checks.
    @Test func serverWithoutClientHasHeadersTypes() throws {
        let scratch = try TemporaryDirectory()
        _ = try scratch.write(Self.manyOperations(4), to: "spec.yaml")
        var generator = Generator(specPath: "spec.yaml", workingDirectory: scratch.url)
        generator.outputs = [.models, .server]
        let files = try generator.run(diagnostics: DiagnosticSink())
        #expect(files.map(\.path) == ["Many/Models.swift", "Many/Support.swift", "ManyServer/Server.swift"])
        #expect(files[0].contents.contains("public nonisolated struct GetItem0200Headers: Sendable, Hashable {"))
        _ = try OutputDirectory(path: scratch.url.appendingPathComponent("out").path).write(files)
        let module = scratch.url.appendingPathComponent("out/Many")
        try swiftc(["-emit-module", "-parse-as-library", "-module-name", "Many", "-emit-module-path", scratch.url.appendingPathComponent("Many.swiftmodule").path]
            + ["Models.swift", "Support.swift"].map { module.appendingPathComponent($0).path })
        try swiftc(["-typecheck", "-module-name", "ManyServer", "-I", scratch.url.path] + GoldenTests.dependencyFlags()
            + [scratch.url.appendingPathComponent("out/ManyServer/Server.swift").path])
    }

    // A spec that fits the default weight keeps exactly one client and one server file, and
    // chunks follow spec order with at least one operation each.
    @Test func chunksKeepOrderAndSmallSpecsStayWhole() throws {
        #expect(try generate(Self.manyOperations(5)).map(\.path) == ["Many/Models.swift", "Many/Support.swift", "Many/Client.swift", "ManyServer/Server.swift", "ManyHummingbird/HummingbirdRoutes.swift", "ManyVapor/VaporRoutes.swift", "ManyAsyncHTTPClient/AsyncHTTPClientTransport.swift"])
        #expect(Renderer.chunks(of: [5, 5, 5, 5], weight: 10, by: { $0 }) == [[5, 5], [5, 5]])
        #expect(Renderer.chunks(of: [50, 1], weight: 10, by: { $0 }) == [[50], [1]])
        #expect(Renderer.chunks(of: [Int](), weight: 10, by: { $0 }) == [[]])
        // Just over the weight: two even halves, not a full run and a sliver.
        #expect(Renderer.chunks(of: Array(repeating: 1, count: 11), weight: 10, by: { $0 }) == [Array(repeating: 1, count: 6), Array(repeating: 1, count: 5)])
    }

    // The views for response headers and outputs answer the templates for every stored property
    // (as `ViewTests` checks for the builds spec, which has no response headers).
    @Test func headerViewsAnswerEveryProperty() throws {
        let spec = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("specs/headers.yaml")
        let module = try #require(buildModule(try String(contentsOf: spec, encoding: .utf8), file: "specs/headers.yaml").module)
        let views = ViewBuilder(module: module)
        let client = views.clientView()
        let checker = ViewTests()
        checker.check(client, path: "client")
        checker.check(views.serverView(importsModels: true), path: "server")
        checker.check(views.modelsView(), path: "models")
        let outputs = client.operations.compactMap(\.output)
        #expect(outputs.count == 3)
        for (index, output) in outputs.enumerated() { checker.check(output, path: "output[\(index)]") }
        #expect(views.modelsView().headersTypes.flatMap(\.fields).count == 13)
    }

    /// Runs swiftc in Swift 6 mode with warnings as errors and records its errors as a test issue.
    private func swiftc(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc", "-swift-version", "6", "-warnings-as-errors"] + arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        while process.isRunning { usleep(10_000) }
        #expect(process.terminationStatus == 0, "\(String(decoding: output, as: UTF8.self))")
    }
}
