import Foundation
import Testing

/// Snippet tests: a small spec in, the behaviour of the compiled generated code out.
///
/// `Snippet.run` writes the spec (after the header every field report assumes) to a scratch
/// folder, runs the real `gen` on it, compiles the generated module as a library with Swift 6 and
/// `-warnings-as-errors`, compiles a `main.swift` that uses it (through `import T`, as user code
/// would, so only public API is reachable), runs that program and returns what it printed.
///
/// The program reports with the helpers in `Snippet.checksSource` (`check`, `checkEqual`,
/// `checkThrows`): one `PASS label` or `FAIL label: detail` line each. `SnippetRun.expectAllPassed()`
/// turns every `FAIL` into a test issue and also fails when the program crashed, printed nothing,
/// or did not reach its end, so a check that never ran cannot pass silently.
enum Snippet {
    /// The header every snippet of `field-reports.md` assumes; the module is therefore `T`.
    static let header = """
        openapi: 3.1.0
        info: {title: t, version: "1"}

        """

    static let moduleName = "T"

    /// Put before every `main.swift`; `markedLines` accounts for its lines.
    static let mainPrologue = "import Foundation\nimport \(moduleName)\n"

    /// Lines of `source` that end with a `// W:label` marker, by line number (1-based) in the file
    /// as compiled (after `prologueLines` lines put before it).
    static func markedLines(_ source: String, prologueLines: Int) -> [Int: String] {
        var marked: [Int: String] = [:]
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: "// W:") { marked[index + 1 + prologueLines] = String(line[range.upperBound...]) }
        }
        return marked
    }

    /// The warnings swiftc printed for `file`, by line: `{file}:{line}:{column}: warning: {message}`.
    static func warnings(in diagnostics: String, file: String) -> [Int: [String]] {
        var warnings: [Int: [String]] = [:]
        for line in diagnostics.split(separator: "\n") {
            guard let range = line.range(of: "/" + file + ":") ?? (line.hasPrefix(file + ":") ? line.range(of: file + ":") : nil) else { continue }
            let rest = line[range.upperBound...].split(separator: ":", maxSplits: 3)
            guard rest.count == 4, let number = Int(rest[0]), rest[2].trimmingCharacters(in: .whitespaces) == "warning" else { continue }
            warnings[number, default: []].append(rest[3].trimmingCharacters(in: .whitespaces))
        }
        return warnings
    }

    /// Generates, compiles and runs one snippet.
    /// - Parameters:
    ///   - spec: the YAML after the header.
    ///   - main: the program's top-level code; it may use `try` and `await` and the helpers.
    ///   - typecheckServer: also compile the generated server and its Hummingbird routes against the module.
    ///   - userCodeWarningsAreErrors: compile `main.swift` with `-warnings-as-errors` (off when a test
    ///     wants to read the warnings user code gets, as for deprecations).
    ///   - serverUserCode: a file of user code to type-check (not run) against the module and the
    ///     server, for what user code of the server sees; its diagnostics land in `serverUserDiagnostics`.
    static func run(
        spec: String,
        main: String,
        typecheckServer: Bool = false,
        userCodeWarningsAreErrors: Bool = true,
        serverUserCode: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> SnippetRun {
        let scratch = try TemporaryDirectory()
        let folder = scratch.url
        _ = try scratch.write(header + spec, to: "spec.yaml")
        let genStart = Date()
        let gen = try runGen(["spec.yaml", "--output", "out"], in: folder)
        let genSeconds = Date().timeIntervalSince(genStart)
        var run = SnippetRun(genStatus: gen.status, genSeconds: genSeconds, genDiagnostics: gen.stderr)
        guard gen.status == 0 else {
            Issue.record("gen failed (\(gen.status)):\n\(gen.stderr)", sourceLocation: sourceLocation)
            run.stoppedEarly = true
            return run
        }
        let moduleFolder = folder.appendingPathComponent("out/\(moduleName)")
        let sources = try swiftFiles(in: moduleFolder)
        run.generatedSource = try sources.map { try String(contentsOfFile: $0, encoding: .utf8) }.joined(separator: "\n")
        run.serverSource = try swiftFiles(in: folder.appendingPathComponent("out/\(moduleName)Server"))
            .map { try String(contentsOfFile: $0, encoding: .utf8) }.joined(separator: "\n")

        // The generated module alone, as a static library with its .swiftmodule: warnings are errors.
        let lib = folder.appendingPathComponent("lib")
        try FileManager.default.createDirectory(at: lib, withIntermediateDirectories: true)
        let library = try swiftc([
            "-warnings-as-errors", "-parse-as-library", "-emit-library", "-static", "-emit-module",
            "-module-name", moduleName, "-emit-module-path", lib.appendingPathComponent("\(moduleName).swiftmodule").path,
            "-o", lib.appendingPathComponent("lib\(moduleName).a").path,
        ] + sources, in: folder)
        run.moduleDiagnostics = library.stderr
        guard library.status == 0 else {
            Issue.record("the generated module does not compile with -warnings-as-errors:\n\(library.stderr)", sourceLocation: sourceLocation)
            run.stoppedEarly = true
            return run
        }

        if typecheckServer {
            let serverSources = try swiftFiles(in: folder.appendingPathComponent("out/\(moduleName)Server"))
            let server = try swiftc(
                ["-warnings-as-errors", "-parse-as-library", "-emit-module", "-module-name", moduleName + "Server",
                 "-emit-module-path", lib.appendingPathComponent("\(moduleName)Server.swiftmodule").path, "-I", lib.path]
                    + serverSources,
                in: folder
            )
            let hummingbird = try swiftc(
                ["-warnings-as-errors", "-parse-as-library", "-emit-module", "-module-name", moduleName + "Hummingbird",
                 "-emit-module-path", lib.appendingPathComponent("\(moduleName)Hummingbird.swiftmodule").path, "-I", lib.path]
                    + GoldenTests.dependencyFlags() + swiftFiles(in: folder.appendingPathComponent("out/\(moduleName)Hummingbird")),
                in: folder
            )
            run.serverDiagnostics = server.stderr + hummingbird.stderr
            guard server.status == 0, hummingbird.status == 0 else {
                Issue.record("the generated server does not compile with -warnings-as-errors:\n\(run.serverDiagnostics)", sourceLocation: sourceLocation)
                run.stoppedEarly = true
                return run
            }
            if let serverUserCode {
                let file = try scratch.write(serverUserCode, to: "server-user/User.swift")
                let user = try swiftc(["-parse-as-library", "-typecheck", "-I", lib.path] + GoldenTests.dependencyFlags() + [file.path], in: folder)
                run.serverUserStatus = user.status
                run.serverUserDiagnostics = user.stderr
            }
        }

        let checks = try scratch.write(checksSource, to: "program/Checks.swift")
        let mainFile = try scratch.write(mainPrologue + main, to: "program/main.swift")
        let program = folder.appendingPathComponent("program/run")
        let build = try swiftc(
            (userCodeWarningsAreErrors ? ["-warnings-as-errors"] : [])
                + ["-I", lib.path, "-L", lib.path, "-l\(moduleName)", checks.path, mainFile.path, "-o", program.path],
            in: folder
        )
        run.programDiagnostics = build.stderr
        guard build.status == 0 else {
            Issue.record("the snippet program does not compile:\n\(build.stderr)\n--- generated code ---\n\(run.generatedSource)", sourceLocation: sourceLocation)
            run.stoppedEarly = true
            return run
        }
        let result = try runBounded(program, [], in: folder, timeout: 60)
        run.programStatus = result.status
        run.programSignaled = result.signaled
        run.output = result.stdout
        run.programStderr = result.stderr
        return run
    }

    /// The generated module's sources for `spec`, joined, from a fresh run of `gen` in a new folder.
    static func generate(spec: String) throws -> String {
        let scratch = try TemporaryDirectory()
        _ = try scratch.write(header + spec, to: "spec.yaml")
        let gen = try runGen(["spec.yaml", "--output", "out"], in: scratch.url)
        #expect(gen.status == 0, "\(gen.stderr)")
        return try swiftFiles(in: scratch.url.appendingPathComponent("out/\(moduleName)"))
            .map { try String(contentsOfFile: $0, encoding: .utf8) }.joined(separator: "\n")
    }

    private static func swiftFiles(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    private static func swiftc(_ arguments: [String], in folder: URL) throws -> BoundedRun {
        try runBounded(URL(fileURLWithPath: "/usr/bin/env"), ["swiftc", "-swift-version", "6"] + arguments, in: folder, timeout: 300)
    }

    /// Helpers compiled beside every `main.swift`.
    static let checksSource = #"""
        import Foundation
        import T

        @MainActor var checksRun = 0

        /// Prints `PASS label` or `FAIL label: detail`.
        @MainActor func check(_ label: String, _ condition: Bool, _ detail: @autoclosure () -> String = "") {
            checksRun += 1
            print(condition ? "PASS \(label)" : "FAIL \(label): \(detail())")
        }

        @MainActor func checkEqual<V: Equatable>(_ label: String, _ actual: V, _ expected: V) {
            check(label, actual == expected, "got \(String(reflecting: actual)), expected \(String(reflecting: expected))")
        }

        /// Passes when `body` throws an error `matches` accepts.
        @MainActor func checkThrows(_ label: String, _ body: () throws -> Void, matches: (any Error) -> Bool = { _ in true }) {
            do {
                try body()
                check(label, false, "did not throw")
            } catch {
                check(label, matches(error), "threw \(String(reflecting: error))")
            }
        }

        /// Passes when `body` does not throw.
        @MainActor func checkNoThrow(_ label: String, _ body: () throws -> Void) {
            do {
                try body()
                check(label, true)
            } catch {
                check(label, false, "threw \(String(reflecting: error))")
            }
        }

        /// Run last: proves the program got to its end.
        @MainActor func finish() {
            print("DONE \(checksRun)")
        }

        /// The wire format's JSON text (keys sorted).
        func json<V: Encodable>(_ value: V) throws -> String {
            String(decoding: try WireFormat.makeEncoder().encode(value), as: UTF8.self)
        }

        func decode<V: Decodable>(_ type: V.Type, _ text: String) throws -> V {
            try WireFormat.makeDecoder().decode(V.self, from: Data(text.utf8))
        }

        /// JSON text as a Foundation object, for comparing documents regardless of key order.
        func jsonObject(_ text: String) -> NSObject? {
            try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as? NSObject
        }

        /// Whether two JSON texts hold the same document (same keys, values and nesting).
        func sameJSON(_ a: String, _ b: String) -> Bool {
            guard let left = jsonObject(a), let right = jsonObject(b) else { return false }
            return left.isEqual(right)
        }

        /// The coding path of a `DecodingError` as key strings (the missing key last for `keyNotFound`).
        func codingPath(of error: any Error) -> [String] {
            guard let error = error as? DecodingError else { return [] }
            switch error {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                return context.codingPath.map(\.stringValue)
            case .keyNotFound(let key, let context):
                return context.codingPath.map(\.stringValue) + [key.stringValue]
            @unknown default:
                return []
            }
        }

        /// The `ClientError` that `body` throws; `nil` when it returns or throws something else.
        @MainActor func clientError(_ body: () async throws -> Void) async -> ClientError? {
            do {
                try await body()
                return nil
            } catch let error as ClientError {
                return error
            } catch {
                print("NOTE unexpected error \(String(reflecting: error))")
                return nil
            }
        }

        actor RequestLog {
            var requests: [ClientRequest] = []
            func append(_ request: ClientRequest) { requests.append(request) }
        }

        /// Records requests and answers each with `respond`.
        struct StubTransport: ClientTransport {
            let log = RequestLog()
            let respond: @Sendable (ClientRequest) -> ClientResponse

            init(status: Int = 200, body: String = "", headers: [String: String] = ["Content-Type": "application/json"]) {
                respond = { _ in ClientResponse(statusCode: status, headerFields: headers, body: Data(body.utf8)) }
            }

            func send(_ request: ClientRequest) async throws -> ClientResponse {
                await log.append(request)
                return respond(request)
            }
        }

        func stubClient(status: Int = 200, body: String = "") -> (Client, StubTransport) {
            let transport = StubTransport(status: status, body: body)
            return (Client(baseURL: URL(string: "https://api.example.com")!, transport: transport), transport)
        }
        """#
}

/// What a snippet run produced.
struct SnippetRun {
    var genStatus: Int32
    var genSeconds: Double
    /// gen's standard error: warnings and the summary line.
    var genDiagnostics: String
    /// A step before running the program failed (already recorded as an issue).
    var stoppedEarly = false
    /// The generated module's sources, joined.
    var generatedSource = ""
    /// The generated server's sources, joined.
    var serverSource = ""
    var moduleDiagnostics = ""
    var serverDiagnostics = ""
    var programDiagnostics = ""
    var serverUserStatus: Int32 = -1
    var serverUserDiagnostics = ""
    var programStatus: Int32 = -1
    var programSignaled = false
    var output = ""
    var programStderr = ""

    /// Results by label, in order.
    var results: [(label: String, passed: Bool, detail: String)] {
        output.split(separator: "\n").compactMap { line in
            if line.hasPrefix("PASS ") { return (String(line.dropFirst(5)), true, "") }
            if line.hasPrefix("FAIL ") {
                let rest = line.dropFirst(5)
                let colon = rest.range(of: ": ")
                return (String(colon.map { rest[..<$0.lowerBound] } ?? rest), false, colon.map { String(rest[$0.upperBound...]) } ?? "")
            }
            return nil
        }
    }

    /// Every check passed except those in `knownIssues` (checked separately with `expectPassed`
    /// inside `withKnownIssue`), and the program ran to its end.
    func expectAllPassed(except knownIssues: Set<String> = [], sourceLocation: SourceLocation = #_sourceLocation) {
        guard !stoppedEarly else { return }  // already recorded
        #expect(programStatus == 0 && !programSignaled, "the program failed (status \(programStatus)):\n\(programStderr)\n\(output)", sourceLocation: sourceLocation)
        #expect(output.contains("DONE "), "the program did not reach finish():\n\(output)\n\(programStderr)", sourceLocation: sourceLocation)
        let results = self.results
        #expect(!results.isEmpty, "no checks ran", sourceLocation: sourceLocation)
        for result in results where !result.passed && !knownIssues.contains(result.label) {
            Issue.record("\(result.label): \(result.detail)", sourceLocation: sourceLocation)
        }
        for label in knownIssues {
            #expect(results.contains { $0.label == label }, "known-issue check '\(label)' did not run", sourceLocation: sourceLocation)
        }
    }

    /// The check labelled `label` ran and passed.
    func expectPassed(_ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let result = results.first(where: { $0.label == label }) else {
            Issue.record("check '\(label)' did not run", sourceLocation: sourceLocation)
            return
        }
        #expect(result.passed, "\(label): \(result.detail)", sourceLocation: sourceLocation)
    }
}
