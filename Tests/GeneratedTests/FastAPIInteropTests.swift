import BuildsAPI
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The generated client against a real FastAPI/pydantic v2 implementation of the builds API
/// (Tests/Interop/builds_server.py), over loopback: the behaviour production clients meet.
///
/// The Python environment is made by Tests/Interop/setup_venv.sh (idempotent; `.ci/run` runs it
/// too). Without `python3` on the machine the suite is skipped, and says so.
@Suite(.enabled(if: FastAPIServer.pythonAvailable, "skipped: python3 is not installed, so the FastAPI interop server cannot run"), .serialized)
struct FastAPIInteropTests {
    static let naiveBuild = UUID(uuidString: "3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c")!
    static let firstBuild = UUID(uuidString: "2489e9ad-2ee2-8e00-8ec9-32d5f69181c0")!
    static let archivedBuild = UUID(uuidString: "7c6b5a49-3827-4165-9f0e-dcba98765432")!

    // Microsecond timestamps from pydantic decode and re-encode with the same digits.
    @Test func microsecondTimestampsSurvive() async throws {
        try await FastAPIServer.with { client in
            let build = try await client.updateBuild(org: "acme", buildID: Self.firstBuild, body: BuildUpdateRequest())
            let json = try encodedJSON(build)
            #expect(json.contains(#""created_at":"2024-05-01T12:30:45.123456Z""#))
            #expect(json.contains(#""updated_at":"2024-05-02T08:00:00.000001Z""#))
        }
    }

    // Naive timestamps (no offset), as pydantic sends them, decode as UTC.
    @Test func naiveTimestampsDecodeAsUTC() async throws {
        try await FastAPIServer.with { client in
            let build = try await client.updateBuild(org: "acme", buildID: Self.naiveBuild, body: BuildUpdateRequest())
            #expect(RFC3339.string(from: build.createdAt) == "2024-06-10T09:15:00Z")
            #expect(RFC3339.string(from: build.updatedAt) == "2024-06-10T09:15:30.500000Z")
            #expect(build.organizationID == nil)
        }
    }

    // A status value the spec does not list arrives as .unknown instead of failing the response.
    @Test func unknownStatusIsKept() async throws {
        try await FastAPIServer.with { client in
            let build = try await client.updateBuild(org: "acme", buildID: Self.archivedBuild, body: BuildUpdateRequest())
            #expect(build.status == .unknown("archived"))
        }
    }

    // A value sets the field, null clears it, {} leaves everything (updated_at included) alone.
    @Test func patchSemanticsMatchFastAPI() async throws {
        try await FastAPIServer.with { client in
            let set = try await client.updateBuild(org: "acme", buildID: Self.firstBuild, body: BuildUpdateRequest(description: "from swift", metadata: ["n": 1]))
            #expect(set.description == "from swift" && set.metadata == ["n": 1])
            let cleared = try await client.updateBuild(org: "acme", buildID: Self.firstBuild, body: BuildUpdateRequest(description: .null))
            #expect(cleared.description == nil && cleared.metadata == ["n": 1])
            let unchanged = try await client.updateBuild(org: "acme", buildID: Self.firstBuild, body: BuildUpdateRequest())
            #expect(unchanged == cleared)
        }
    }

    // FastAPI's 422 envelope decodes into ClientError's payload, with pydantic's loc.
    @Test func validationErrorsDecode() async throws {
        try await FastAPIServer.with { client in
            let error = try await #require(throws: ClientError.self) {
                _ = try await client.updateBuild(org: "acme", buildID: Self.firstBuild, body: BuildUpdateRequest(displayName: .null))
            }
            #expect(error.statusCode == 422)
            #expect(error.payload?.type == .validationError)
            #expect(error.payload?.errors?.first?.loc == [.string("body"), .string("display_name")])
        }
    }

    // A wrong token and an unknown build come back as the documented envelopes.
    @Test func authenticationAndNotFound() async throws {
        try await FastAPIServer.with(token: "wrong") { client in
            let error = try await #require(throws: ClientError.self) {
                _ = try await client.updateBuild(org: "acme", buildID: Self.firstBuild, body: BuildUpdateRequest())
            }
            #expect(error.statusCode == 401 && error.payload?.type == .authenticationError)
        }
        try await FastAPIServer.with { client in
            let error = try await #require(throws: ClientError.self) {
                _ = try await client.updateBuild(org: "a b/c", buildID: UUID(), body: BuildUpdateRequest())
            }
            #expect(error.statusCode == 404 && error.payload?.type == .notFoundError)
        }
    }
}

/// Runs Tests/Interop/builds_server.py on an ephemeral port for the length of one test.
enum FastAPIServer {
    static let interopDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Interop")

    static let pythonAvailable: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "--version"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        do {
            try probe.run()
            while probe.isRunning { usleep(10_000) }
            return probe.terminationStatus == 0
        } catch {
            return false
        }
    }()

    struct SetupFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// The venv's python, creating the venv on first use.
    static func python() throws -> String {
        let setup = Process()
        setup.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        setup.arguments = ["bash", interopDirectory.appendingPathComponent("setup_venv.sh").path]
        let output = Pipe()
        setup.standardOutput = output
        try setup.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        while setup.isRunning { usleep(10_000) }
        guard setup.terminationStatus == 0,
              let path = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init)
        else { throw SetupFailed(description: "Tests/Interop/setup_venv.sh failed with status \(setup.terminationStatus)") }
        return path
    }

    static func with(token: String = "secret", _ body: (Client) async throws -> Void) async throws {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: try python())
        server.arguments = [
            interopDirectory.appendingPathComponent("builds_server.py").path,
            "--seed", interopDirectory.appendingPathComponent("seed.json").path,
            "--token", "secret", "--port", "0",
        ]
        let output = Pipe()
        server.standardOutput = output
        try server.run()
        do {
            try await serve(server, output: output, token: token, body)
        } catch {
            await stop(server)
            throw error
        }
        await stop(server)
    }

    private static func serve(_ server: Process, output: Pipe, token: String, _ body: (Client) async throws -> Void) async throws {
        // The server prints exactly one line, `LISTENING <port>`, once it accepts connections.
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("LISTENING "), let port = Int(text.dropFirst("LISTENING ".count)) else {
            throw SetupFailed(description: "the FastAPI server did not start; it printed '\(text)'")
        }
        // A session of its own, closed afterwards, so uvicorn has no kept-alive connection to wait for.
        let session = URLSession(configuration: .ephemeral)
        defer { session.invalidateAndCancel() }
        let transport = URLSessionTransport(session: session)
        try await body(Client(baseURL: URL(string: "http://127.0.0.1:\(port)")!, transport: transport, bearerToken: { token }))
    }

    /// SIGTERM, then SIGKILL if uvicorn is still shutting down after half a second (it has no state to save).
    /// (Polls instead of `waitUntilExit`, which spins a core on Linux.)
    private static func stop(_ server: Process) async {
        server.terminate()
        for _ in 0..<5 where server.isRunning {
            try? await Task.sleep(for: .milliseconds(100))
        }
        if server.isRunning {
            kill(server.processIdentifier, SIGKILL)
            for _ in 0..<20 where server.isRunning {
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
    }
}
