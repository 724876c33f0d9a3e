import BuildsAPI
import Foundation
import Testing

/// The generated client's requests, checked on a recording transport.
@Suite struct ClientTests {
    let buildID = UUID(uuidString: "2489E9AD-2EE2-8E00-8EC9-32D5F69181C0")!

    // The request carries the method, the path with each parameter encoded once, the bearer token and the JSON body.
    @Test func buildsTheUpdateRequest() async throws {
        let transport = RecordingTransport(body: buildResponseJSON())
        let client = Client(baseURL: URL(string: "https://api.example.com/base/")!, transport: transport, bearerToken: { "t0k" })
        let build = try await client.updateBuild(org: "a b/c?d", buildID: buildID, body: BuildUpdateRequest(description: .null))
        #expect(build.buildRef == "bld_01")
        let request = try #require(await transport.requests.first)
        #expect(request.method == "PATCH")
        #expect(request.url.absoluteString == "https://api.example.com/base/api/v1/org/a%20b%2Fc%3Fd/builds/2489e9ad-2ee2-8e00-8ec9-32d5f69181c0")
        #expect(request.headerFields["Authorization"] == "Bearer t0k")
        #expect(request.headerFields["Content-Type"] == "application/json")
        #expect(request.body.map { String(decoding: $0, as: UTF8.self) } == #"{"description":null}"#)
    }

    // Percent signs and other reserved characters are encoded exactly once.
    @Test func encodesPathParametersOnce() async throws {
        let transport = RecordingTransport(body: buildResponseJSON())
        let client = Client(baseURL: URL(string: "http://127.0.0.1:1")!, transport: transport)
        _ = try await client.updateBuild(org: "50%?#+&=é", buildID: buildID, body: BuildUpdateRequest())
        let request = try #require(await transport.requests.first)
        #expect(request.url.path(percentEncoded: true) == "/api/v1/org/50%25%3F%23%2B%26%3D%C3%A9/builds/2489e9ad-2ee2-8e00-8ec9-32d5f69181c0")
        #expect(request.headerFields["Authorization"] == nil)
    }

    // The default base URL is the spec's first server, which `Servers` offers too.
    @Test func defaultsToTheSpecServer() {
        #expect(Client().baseURL.absoluteString == "https://example.com")
        #expect(Client(server: .server1()).baseURL == Client().baseURL)
        #expect(Client(server: Servers(url: URL(string: "http://127.0.0.1:9")!)).baseURL.absoluteString == "http://127.0.0.1:9")
    }

    // A documented error status throws ClientError with the decoded envelope and the raw body.
    @Test func documentedErrorsCarryThePayload() async throws {
        let body = #"{"code":404,"detail":"Build not found","type":"not_found_error"}"#
        let client = Client(transport: RecordingTransport(status: 404, body: body))
        let error = try await #require(throws: ClientError.self) {
            _ = try await client.updateBuild(org: "acme", buildID: buildID, body: BuildUpdateRequest())
        }
        #expect(error.statusCode == 404)
        #expect(error.payload?.type == .notFoundError)
        #expect(String(decoding: error.body, as: UTF8.self) == body)
    }

    // An undocumented status with a body that is not the envelope keeps the raw body.
    @Test func undocumentedErrorsKeepTheRawBody() async throws {
        let client = Client(transport: RecordingTransport(status: 418, body: "<html>teapot</html>"))
        let error = try await #require(throws: ClientError.self) {
            _ = try await client.updateBuild(org: "acme", buildID: buildID, body: BuildUpdateRequest())
        }
        #expect(error.statusCode == 418)
        #expect(error.payload == nil)
        #expect(String(decoding: error.body, as: UTF8.self) == "<html>teapot</html>")
    }

    // Transport failures and cancellation reach the caller as themselves.
    @Test func transportErrorsPropagate() async throws {
        struct Unreachable: Error {}
        struct FailingTransport: ClientTransport {
            func send(_ request: ClientRequest) async throws -> ClientResponse { throw Unreachable() }
        }
        await #expect(throws: Unreachable.self) {
            _ = try await Client(transport: FailingTransport()).updateBuild(org: "a", buildID: buildID, body: BuildUpdateRequest())
        }
        struct CancelledTransport: ClientTransport {
            func send(_ request: ClientRequest) async throws -> ClientResponse { throw CancellationError() }
        }
        await #expect(throws: CancellationError.self) {
            _ = try await Client(transport: CancelledTransport()).updateBuild(org: "a", buildID: buildID, body: BuildUpdateRequest())
        }
    }
}
