import BuildsAPI
import BuildsAPIAsyncHTTPClient
import BuildsAPIHummingbird
import BuildsAPIServer
import BuildsAPIVapor
import BuildsExample
import Foundation
import Logging
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The generated client against the generated server over real HTTP on 127.0.0.1, once with each
/// generated transport.
@Suite struct ClientServerTests {
    /// Every test runs its client with each of these, against a fresh server each time.
    static let transports: [(name: String, transport: any ClientTransport)] = [
        ("URLSessionTransport", URLSessionTransport()),
        ("AsyncHTTPClientTransport", AsyncHTTPClientTransport()),
    ]

    static let seed = """
        {"acme": [\(buildResponseJSON(["description": #""first""#, "metadata": #"{"k":1}"#]))],
         "a b/c": [\(buildResponseJSON(["id": #""3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c""#]))]}
        """
    static let buildID = UUID(uuidString: "2489e9ad-2ee2-8e00-8ec9-32d5f69181c0")!
    static let fixedNow = Date(timeIntervalSince1970: 1_800_000_000.25)

    /// For each transport: starts a new `service` on an ephemeral port of 127.0.0.1, runs `body`
    /// with a client for it sending through that transport, and shuts the server down gracefully.
    /// A failure names the transport.
    func withServer<Service: APIService>(
        _ service: @autoclosure () throws -> Service,
        token: String? = "secret",
        _ body: @Sendable (Client, URL) async throws -> Void
    ) async throws {
        for (name, transport) in Self.transports {
            do {
                try await withServer(try service(), transport: transport, token: token, body)
            } catch {
                Issue.record(error, "with \(name)")
            }
        }
    }

    private func withServer(
        _ service: some APIService,
        transport: any ClientTransport,
        token: String?,
        _ body: @Sendable (Client, URL) async throws -> Void
    ) async throws {
        try await withEachFramework(
            hummingbird: { service.registerRoutes(on: $0, authenticator: StaticBearerToken("secret"), maxBodySize: 4096) },
            vapor: { service.registerRoutes(on: $0, authenticator: StaticBearerToken("secret"), maxBodySize: 4096) }
        ) { baseURL in
            try await body(Client(baseURL: baseURL, transport: transport, bearerToken: { token }), baseURL)
        }
    }

    /// The example service over a store seeded with `seed`, its clock pinned to `fixedNow`.
    func withServer(token: String? = "secret", _ body: @Sendable (Client, URL, BuildStore) async throws -> Void) async throws {
        for (name, transport) in Self.transports {
            do {
                let store = try BuildStore(seed: Data(Self.seed.utf8), now: { Self.fixedNow })
                try await withServer(BuildsService(store: store), transport: transport, token: token) { client, url in
                    try await body(client, url, store)
                }
            } catch {
                Issue.record(error, "with \(name)")
            }
        }
    }

    /// Sends a raw request, for inputs the typed client cannot produce.
    func send(_ method: String, _ url: URL, body: String?, headers: [String: String] = ["Authorization": "Bearer secret", "Content-Type": "application/json"]) async throws -> (Int, String) {
        let response = try await URLSessionTransport().send(ClientRequest(method: method, url: url, headerFields: headers, body: body.map { Data($0.utf8) }))
        return (response.statusCode, String(decoding: response.body, as: UTF8.self))
    }

    // A transport failure is an error, never a response: nothing listens on port 1.
    // (AsyncHTTPClient retries a refused connection until the request's timeout, so a short one.)
    @Test(arguments: [URLSessionTransport(), AsyncHTTPClientTransport(timeout: .seconds(2))] as [any ClientTransport])
    func unreachableServerThrows(transport: any ClientTransport) async throws {
        await #expect(throws: (any Error).self) {
            _ = try await transport.send(ClientRequest(method: "GET", url: URL(string: "http://127.0.0.1:1/")!))
        }
    }

    // A value replaces the field and moves updated_at.
    @Test func patchWithValue() async throws {
        try await withServer { client, _, _ in
            let build = try await client.updateBuild(org: "acme", buildID: Self.buildID, body: BuildUpdateRequest(description: "second"))
            #expect(build.description == "second")
            #expect(build.metadata == ["k": 1])
            #expect(build.updatedAt == Self.fixedNow)
        }
    }

    // null clears a field; the cleared value is visible to the next request.
    @Test func patchWithNullClears() async throws {
        try await withServer { client, _, store in
            let build = try await client.updateBuild(org: "acme", buildID: Self.buildID, body: BuildUpdateRequest(description: .null, metadata: .null))
            #expect(build.description == nil && build.metadata == nil)
            #expect(await store.build(org: "acme", id: Self.buildID)?.description == nil)
        }
    }

    // {} changes nothing, not even updated_at.
    @Test func emptyPatchChangesNothing() async throws {
        try await withServer { client, _, store in
            let before = try #require(await store.build(org: "acme", id: Self.buildID))
            let after = try await client.updateBuild(org: "acme", buildID: Self.buildID, body: BuildUpdateRequest())
            #expect(after == before)
        }
    }

    // An unknown build is a 404 with the envelope, surfaced as ClientError.
    @Test func unknownBuildIs404() async throws {
        try await withServer { client, _, _ in
            let error = try await #require(throws: ClientError.self) {
                _ = try await client.updateBuild(org: "acme", buildID: UUID(), body: BuildUpdateRequest())
            }
            #expect(error.statusCode == 404)
            #expect(error.payload == APIErrorPayload(code: ._404, detail: "Build not found", type: .notFoundError))
        }
    }

    // A wrong or missing token is a 401 with the authentication_error envelope.
    @Test(arguments: ["wrong", nil] as [String?])
    func badTokenIs401(token: String?) async throws {
        try await withServer(token: token) { client, _, _ in
            let error = try await #require(throws: ClientError.self) {
                _ = try await client.updateBuild(org: "acme", buildID: Self.buildID, body: BuildUpdateRequest())
            }
            #expect(error.statusCode == 401)
            #expect(error.payload == APIErrorPayload(code: ._401, detail: "Authentication failed", type: .authenticationError))
        }
    }

    // A 401 names the Bearer scheme in WWW-Authenticate (RFC 6750 §3).
    @Test func unauthorizedNamesTheScheme() async throws {
        try await withServer { _, baseURL, _ in
            let url = baseURL.appending(path: "api/v1/org/acme/builds/2489e9ad-2ee2-8e00-8ec9-32d5f69181c0")
            let response = try await URLSessionTransport().send(ClientRequest(method: "PATCH", url: url, body: Data("{}".utf8)))
            #expect(response.statusCode == 401)
            #expect(response.headerFields["www-authenticate"] == "Bearer")
        }
    }

    // An org slug with a space and a slash reaches the server intact.
    @Test func orgSlugWithSpaceAndSlashRoundTrips() async throws {
        try await withServer { client, _, _ in
            let id = UUID(uuidString: "3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c")!
            let build = try await client.updateBuild(org: "a b/c", buildID: id, body: BuildUpdateRequest(displayName: "renamed"))
            #expect(build.displayName == "renamed")
        }
    }

    // Bad input is a 422 envelope naming the place, like pydantic; never a 500 or an empty body.
    @Test(arguments: [
        ("/acme/builds/2489e9ad-2ee2-8e00-8ec9-32d5f69181c0", #"{"is_active":"yes"}"#, #"["body","is_active"]"#, "bool_type"),
        ("/acme/builds/2489e9ad-2ee2-8e00-8ec9-32d5f69181c0", #"{bad json"#, #"["body"]"#, "json_invalid"),
        ("/acme/builds/2489e9ad-2ee2-8e00-8ec9-32d5f69181c0", #"[1]"#, #"["body"]"#, "dict_type"),
        ("/acme/builds/2489e9ad-2ee2-8e00-8ec9-32d5f69181c0", #"{"metadata":[1]}"#, #"["body","metadata"]"#, "dict_type"),
        ("/acme/builds/not-a-uuid", "{}", #"["path","build_id"]"#, "uuid_parsing"),
        ("/acme/builds/2489e9ad-2ee2-8e00-8ec9-32d5f69181c0", nil, #"["body"]"#, "missing"),
    ] as [(String, String?, String, String)])
    func badInputIs422(path: String, body: String?, location: String, type: String) async throws {
        try await withServer { _, baseURL, _ in
            let (status, text) = try await send("PATCH", baseURL.appending(path: "api/v1/org").appending(path: String(path.dropFirst())), body: body)
            #expect(status == 422)
            let payload = try decode(APIErrorPayload.self, text)
            #expect(payload.code == ._422 && payload.type == .validationError)
            let item = try #require(payload.errors?.first)
            #expect(try encodedJSON(item.loc) == location)
            #expect(item.type == type)
        }
    }

    // A body in a content type the operation does not document is refused with 415 and the envelope.
    @Test func wrongContentTypeIs415() async throws {
        try await withServer { _, baseURL, _ in
            let url = baseURL.appending(path: "api/v1/org/acme/builds/2489e9ad-2ee2-8e00-8ec9-32d5f69181c0")
            let (status, text) = try await send("PATCH", url, body: "{}", headers: ["Authorization": "Bearer secret", "Content-Type": "text/plain"])
            #expect(status == 415)
            let payload = try decode(APIErrorPayload.self, text)
            #expect(payload.code == .unknown(415) && payload.type == .invalidError)
            #expect(payload.detail == "Content-Type 'text/plain' is not supported; send 'application/json'")
        }
    }

    // Bodies over the limit are refused with 413 and the envelope.
    @Test func oversizedBodyIs413() async throws {
        try await withServer { _, baseURL, _ in
            let url = baseURL.appending(path: "api/v1/org/acme/builds/2489e9ad-2ee2-8e00-8ec9-32d5f69181c0")
            let big = #"{"description":""# + String(repeating: "x", count: 10_000) + #""}"#
            let (status, text) = try await send("PATCH", url, body: big)
            #expect(status == 413)
            #expect(try decode(APIErrorPayload.self, text).code == .unknown(413))
        }
    }

    // An unexpected error in the handler is a 500 envelope that leaks nothing about the error.
    @Test func handlerErrorsAre500WithoutInternals() async throws {
        struct Exploding: APIService {
            struct Secret: Error, CustomStringConvertible { var description: String { "db password is hunter2" } }
            let base: BuildsService
            func updateBuild(org: String, buildID: UUID, body: BuildUpdateRequest) async throws -> UpdateBuildResponse {
                throw Secret()
            }
            func errorPayload(for problem: ServerProblem) -> ErrorPayload { base.errorPayload(for: problem) }
        }
        try await withServer(Exploding(base: BuildsService(store: BuildStore()))) { _, baseURL in
            let url = baseURL.appending(path: "api/v1/org/acme/builds/2489e9ad-2ee2-8e00-8ec9-32d5f69181c0")
            let (status, text) = try await send("PATCH", url, body: "{}")
            #expect(status == 500)
            #expect(!text.contains("hunter2"))
            #expect(try decode(APIErrorPayload.self, text) == APIErrorPayload(code: ._500, detail: "Internal server error", type: .serverError))
        }
    }
}
