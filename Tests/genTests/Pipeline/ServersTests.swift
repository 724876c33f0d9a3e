import Foundation
import Testing

/// `servers` with `variables` (OpenAPI 3.1 §4.8.5, §4.8.6) as the client's `Servers`: the golden
/// fixture `servers` generated, compiled as one module with a `main.swift` that builds each server's
/// URL and sends a request through `Client(server:)`.
@Suite struct ServersTests {
    /// User code: every check prints `PASS name` or `FAIL name: found`.
    static let main = #"""
        import Foundation

        func check(_ name: String, _ found: String, _ expected: String) {
            print(found == expected ? "PASS \(name)" : "FAIL \(name): \(found)")
        }

        final class Recorder: ClientTransport, @unchecked Sendable {
            var urls: [String] = []
            func send(_ request: ClientRequest) async throws -> ClientResponse {
                urls.append(request.url.absoluteString)
                return ClientResponse(statusCode: 200, headerFields: ["Content-Type": "application/json"], body: Data("[]".utf8))
            }
        }

        check("defaults", Servers.production().url.absoluteString, "https://demo.example.com:8443/v1")
        check(
            "values", Servers.production(tenant: "acme", port: ._443, basePath: "v2/beta").url.absoluteString,
            "https://acme.example.com:443/v2/beta"
        )
        // Characters no URL may hold, `?` and a stray `%` are encoded; an escape stays as it is.
        check("escaped", Servers.production(basePath: "a b?c%zz%20").url.absoluteString, "https://demo.example.com:8443/a%20b%3Fc%25zz%20")
        check("enum scheme", Servers.staging(scheme: .http).url.absoluteString, "http://staging.example.com/api")
        check("enum cases", Servers.ProductionPort.allCases.map(\.rawValue).joined(separator: ","), "8443,443")
        let spec = URL(string: "https://docs.example.org/specs/openapi.json")!
        check("relative", Servers.theHostTheSpecIsServedFromCode(relativeTo: spec).url.absoluteString, "https://docs.example.org/api/v1")
        check("no variables", Servers.server4().url.absoluteString, "http://localhost:8080")
        check(
            "wrapped", Servers.regional(region: .usEast1, default: "qa").url.absoluteString,
            "https://us-east-1.qa.a-rather-long-subdomain-name-for-testing.example.com:443/api/and/a/long/path/too"
        )
        check("default base URL", Client().baseURL.absoluteString, "https://demo.example.com:8443/v1")
        let recorder = Recorder()
        let client = Client(server: .production(tenant: "acme"), transport: recorder)
        check("client", client.baseURL.absoluteString, "https://acme.example.com:8443/v1")
        _ = try await client.listAccounts()
        _ = try await Client(server: .staging(), transport: recorder).listAccounts()
        check("requests", recorder.urls.joined(separator: " "), "https://acme.example.com:8443/v1/accounts https://staging.example.com/api/accounts")
        """#

    // Each server's function builds the URL its variables give, defaults applied, values encoded
    // where they must be, relative URLs resolved; the client sends to it.
    @Test func generatedServersBuildTheirURLs() throws {
        let scratch = try TemporaryDirectory()
        let spec = Repository.goldenFixtures.appendingPathComponent("servers/spec.yaml")
        _ = try scratch.write(try String(contentsOf: spec, encoding: .utf8), to: "openapi.yaml")
        let gen = try runGen(["openapi.yaml", "--output", "out", "--layout", "flat"], in: scratch.url)
        #expect(gen.status == 0, "\(gen.stderr)")
        let folder = scratch.url.appendingPathComponent("out")
        let sources = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }.sorted()
            .map { folder.appendingPathComponent($0).path }
        let main = try scratch.write(Self.main, to: "program/main.swift")
        let program = scratch.url.appendingPathComponent("program/run")
        try GoldenTests.swiftc(["-module-name", "TenantsApp"] + sources + [main.path, "-o", program.path])
        let run = try runBounded(program, [], in: scratch.url, timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 11, "\(run.stdout)")
        for line in lines {
            #expect(line.hasPrefix("PASS "), "\(line)")
        }
    }
}
